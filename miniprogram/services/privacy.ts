/**
 * WeChat's privacy check (`__usePrivacyCheck__` in app.json): the first call to an API that reads
 * personal data — picking photos, the camera for the face photo, writing the clipboard — is held
 * until the user agrees to the 用户隐私保护指引 (docs/privacy.md). WeChat asks the app through
 * `wx.onNeedPrivacyAuthorization`; the sheet on the current page answers. Only one request is
 * pending at a time: WeChat queues further calls behind it.
 */

/** What WeChat's listener receives (the typings declare a one-argument listener). */
type PrivacyResolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void;
interface PrivacyWx {
  onNeedPrivacyAuthorization?: (
    listener: (resolve: PrivacyResolve, info: { referrer?: string }) => void,
  ) => void;
}

/** The id the sheet's agree button carries: WeChat checks that this button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

type Listener = (asking: boolean) => void;

let pending: PrivacyResolve | null = null;
const listeners = new Set<Listener>();

/** Called once at launch: from then on WeChat's privacy requests reach the sheets. */
export function watchPrivacy(): void {
  const api = wx as unknown as PrivacyWx;
  if (typeof api.onNeedPrivacyAuthorization !== 'function') return;
  api.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    for (const listener of listeners) listener(true);
  });
}

/** A sheet subscribes while its page is shown; it is told at once if a request is pending. */
export function onPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) listener(true);
  return () => listeners.delete(listener);
}

/** The user's answer; `agree` only after the agree button's own event, as WeChat requires. */
export function answerPrivacy(event: 'agree' | 'disagree'): void {
  const resolve = pending;
  pending = null;
  for (const listener of listeners) listener(false);
  resolve?.(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event });
}

export function openPrivacyContract(): void {
  void wx.openPrivacyContract({});
}
