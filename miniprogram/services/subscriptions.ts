/**
 * Subscribe-message consent (订阅消息). WeChat shows the consent sheet only when
 * `wx.requestSubscribeMessage` is called synchronously inside a tap handler: after an `await` the
 * gesture is gone and the call fails. So `askConsent` starts the request at once and hands back a
 * promise; the caller awaits it afterwards. One consent allows one message, so every submit asks
 * again (ticking "总是保持以上选择" only hides the sheet, the call is still needed).
 */
import type { DataOf, Envelope, SubscribeAnswer } from '@beian/core';
import { call } from './cloud';

/** WeChat accepts at most 3 one-time template ids per request (older base libraries). */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export type ConsentAnswers = Record<string, SubscribeAnswer>;

const ANSWERS: readonly SubscribeAnswer[] = ['accept', 'reject', 'ban', 'filter'];

function isAnswer(value: unknown): value is SubscribeAnswer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

/**
 * Starts the consent request NOW (call it before any `await` in the tap handler). Resolves with
 * the answer for each template id; an empty object when the filer closed the sheet, has turned
 * subscriptions off, or the base library is too old — submitting never depends on consent.
 */
export function askConsent(templateIds: readonly string[]): Promise<ConsentAnswers> {
  const tmplIds = [...new Set(templateIds.filter((id) => id !== ''))].slice(0, MAX_TEMPLATES_PER_REQUEST);
  if (tmplIds.length === 0 || typeof wx.requestSubscribeMessage !== 'function') return Promise.resolve({});
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (result) => {
        const answers: ConsentAnswers = {};
        for (const id of tmplIds) {
          const answer: unknown = result[id];
          if (isAnswer(answer)) answers[id] = answer;
        }
        resolve(answers);
      },
      fail: () => resolve({}),
    });
  });
}

/**
 * Tells the server what the filer agreed to, so it knows how many messages it may send. Nothing to
 * record (no sheet, no answers) is not a call.
 */
export async function recordConsent(
  answers: ConsentAnswers,
): Promise<Envelope<DataOf<'filing', 'subscription.record'>> | null> {
  if (Object.keys(answers).length === 0) return null;
  return call('filing', 'subscription.record', { results: answers });
}
