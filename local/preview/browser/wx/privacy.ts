/**
 * WeChat's privacy check, emulated: with `__usePrivacyCheck__`, a privacy API (album, camera,
 * clipboard) called before the user agreed is held, the app's `onNeedPrivacyAuthorization`
 * listener is asked, and the call goes on only after `<button open-type="agreePrivacyAuthorization">`
 * was tapped and the listener resolved with `agree`. The preview starts agreed, so the story and
 * the screenshots are not interrupted; `?privacy=ask` starts a session that has not agreed yet.
 */
import type { Overlays } from '../ui';
import { asyncApi, WxFail } from './api';

type Answer = { event?: unknown; buttonId?: unknown };
type Listener = (resolve: (answer: Answer) => void, info: { referrer: string }) => void;

export interface Privacy {
  /** Resolves when `api` may run; fails as WeChat does when the user disagrees. */
  require(api: string): Promise<void>;
  /** The agree button was tapped (its open-type), which is what WeChat records as consent. */
  agreeTapped(): void;
  apis: Record<string, unknown>;
}

export function createPrivacy(overlays: Overlays, startAgreed: boolean): Privacy {
  let agreed = startAgreed;
  let tapped = false;
  let listener: Listener | null = null;
  let pending: Promise<void> | null = null;

  const ask = (api: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (!listener) {
        reject(new WxFail('privacy permission is not authorized', 104));
        return;
      }
      listener(
        (answer) => {
          if (answer.event === 'agree' && tapped) {
            agreed = true;
            resolve();
          } else reject(new WxFail('privacy permission is not authorized', 104));
        },
        { referrer: api },
      );
    });

  return {
    require(api) {
      if (agreed) return Promise.resolve();
      // Like WeChat, one request at a time; calls made meanwhile wait for its answer.
      pending ??= ask(api).finally(() => (pending = null));
      return pending;
    },
    agreeTapped() {
      tapped = true;
    },
    apis: {
      onNeedPrivacyAuthorization: (callback: Listener) => void (listener = callback),
      getPrivacySetting: asyncApi('getPrivacySetting', () => ({
        needAuthorization: !agreed,
        privacyContractName: '《备案助手隐私保护指引》',
      })),
      openPrivacyContract: asyncApi('openPrivacyContract', async () => {
        await overlays.modal({
          title: '备案助手隐私保护指引',
          content: '微信在此展示开发者在小程序管理后台填写的用户隐私保护指引（预览环境不含正文）。',
          showCancel: false,
          cancelText: '取消',
          confirmText: '我知道了',
          confirmColor: '#576B95',
          editable: false,
          placeholderText: '',
        });
        return {};
      }),
    },
  };
}
