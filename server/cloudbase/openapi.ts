/**
 * Subscribe messages and temporary file URLs through wx-server-sdk. The SDK is injected as the
 * two functions used, so tests give doubles and nothing here can reach the network in a test.
 */
import type { SubscribeMessage } from '@beian/core';
import type { Files, Messenger, SendResult } from '../ports';
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

/** `cloud.getTempFileURL`. */
export type GetTempFileUrl = (params: {
  fileList: { fileID: string; maxAge: number }[];
}) => Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;

/** Temporary links are bearer links (storage rules do not guard the URL): keep them short. */
export const TEMP_URL_MAX_AGE_S = 10 * 60;
/** getTempFileURL takes at most 50 files per call. */
const BATCH = 50;

export function cloudFiles(getTempFileURL: GetTempFileUrl): Files {
  return {
    async temporaryUrls(fileIds) {
      const urls: Record<string, string> = {};
      for (let i = 0; i < fileIds.length; i += BATCH) {
        const fileList = fileIds
          .slice(i, i + BATCH)
          .map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S }));
        const result = await getTempFileURL({ fileList });
        for (const item of result.fileList) {
          if (item.status === 0 && item.tempFileURL) urls[item.fileID] = item.tempFileURL;
        }
      }
      return urls;
    },
  };
}
