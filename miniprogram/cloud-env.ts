/**
 * Which cloud environment the mini-program talks to. `wx.cloud.init()` without `env` uses the
 * account's first-created environment, not the one DevTools has selected, so with a dev and a prod
 * environment the client and the functions would silently differ. Name them here, per version of
 * the mini-program (DevTools and 开发版 → develop, 体验版 → trial, 正式版 → release); the README's
 * deploy steps say when to fill this in.
 */
export const CLOUD_ENVS: Record<'develop' | 'trial' | 'release', string> = {
  develop: '',
  trial: '',
  release: '',
};

/** The environment id for the running version, or null when none is configured. */
export function cloudEnv(envs: Record<string, string> = CLOUD_ENVS): string | null {
  const version = wx.getAccountInfoSync?.().miniProgram.envVersion ?? 'develop';
  return envs[version] || null;
}
