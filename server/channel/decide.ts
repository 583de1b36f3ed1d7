/**
 * The channel a submission takes, decided by the server at each submit from what it knows (never
 * from the client): whether this deployment is a third-party platform and the application's
 * mini-program has authorized it (docs/wechat-platform.md § Channels).
 */
import { decideChannel, type Application, type Channel } from '@beian/core';
import type { ServerDeps } from '../deps';

export async function channelFor(
  deps: ServerDeps,
  application: Pick<Application, 'kind' | 'form'>,
): Promise<Channel> {
  const platform = deps.wechat.platform;
  if (application.kind === 'change' || !platform) return decideChannel(application.kind, 'unavailable');
  const appid = application.form.miniprogram.appid.trim();
  if (appid === '') return decideChannel(application.kind, 'unauthorized');
  return decideChannel(
    application.kind,
    (await platform.tokens.mayFile(appid)) ? 'authorized' : 'unauthorized',
  );
}
