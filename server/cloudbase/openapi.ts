/**
 * Subscribe messages through wx-server-sdk (storage: files.ts). The SDK is injected as the
 * function used, so tests give doubles and nothing here can reach the network in a test.
 */
import type { SubscribeMessage } from '@beian/core';
import type { Messenger, SendResult } from '../ports';
import { errCodeOf } from './db';

/** `cloud.openapi.subscribeMessage.send`: resolves on success, throws CloudSDKError (errCode) on error. */
export type SendSubscribeMessage = (
  params: SubscribeMessage & { miniprogramState: MiniprogramState; lang: 'zh_CN' },
) => Promise<unknown>;

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export function cloudMessenger(send: SendSubscribeMessage, miniprogramState: MiniprogramState): Messenger {
  return {
    async send(message) {
      try {
        await send({ ...message, miniprogramState, lang: 'zh_CN' });
        return { ok: true } satisfies SendResult;
      } catch (error) {
        // WeChat's errcode arrives as the thrown error's errCode; anything else (network, SDK) is -1.
        const errCode = errCodeOf(error) ?? -1;
        const errMsg = errorMessage(error);
        return { ok: false, errCode, errMsg };
      }
    },
  };
}

function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof message === 'string') return message;
  }
  return String(error);
}
