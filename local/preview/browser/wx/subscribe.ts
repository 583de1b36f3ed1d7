/**
 * `wx.requestSubscribeMessage`: WeChat's consent sheet, with its rules — only from a tap, 1 to 3
 * template ids — and its answer `{ [templateId]: 'accept' | 'reject' }`. The answers also go to the
 * local cloud's emulated WeChat ledger (`/_/subscriptions`), so a later send has the credit a real
 * acceptance would have given.
 */
import { inUserGesture } from '../pointer';
import type { PreviewConfig } from '../protocol';
import type { SubscribeChoice, Overlays } from '../ui';
import { asyncApi, str, WxFail } from './api';

/** The most template ids one request may carry (the safe limit; see docs/cloud-platform.md § Subscribe messages). */
const MAX_TEMPLATES = 3;

export function subscribeApis(
  config: PreviewConfig,
  openid: string,
  overlays: Overlays,
  appName: string,
): Record<string, unknown> {
  return {
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', async (o) => {
      if (!inUserGesture()) throw new WxFail('can only be invoked by user TAP gesture.', 20001);
      const ids = Array.isArray(o.tmplIds) ? o.tmplIds.map((id) => str(id)) : [];
      if (ids.length === 0) throw new WxFail('TmplIds can not be empty', 10001);
      if (ids.length > MAX_TEMPLATES) throw new WxFail('Templates count out of max bounds', 20003);
      const choices: SubscribeChoice[] = ids.map((id) => ({ id, title: config.templates[id] ?? id }));
      const answers = await overlays.subscribe(appName, choices);
      // 取消 is not a failure on WeChat: every template comes back rejected.
      const results = Object.fromEntries(ids.map((id) => [id, answers?.[id] ? 'accept' : 'reject']));
      const recorded = await fetch(config.subscriptionsPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid, results }),
      }).catch(() => null);
      if (!recorded?.ok)
        console.error('the local cloud did not record the subscription answers', recorded?.status);
      return results;
    }),
  };
}
