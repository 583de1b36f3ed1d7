/**
 * Binds a function to the deployed platform: wx-server-sdk initialised once per instance (module
 * scope, so warm calls skip it) and the caller taken from getWXContext() — never from the event.
 */
import * as cloud from 'wx-server-sdk';
import type { Envelope } from '@beian/core';
import type { CloudFunction, Invocation } from '../action-map';
import type { ServerDeps } from '../deps';

export type Main = (event: unknown) => Promise<Envelope<unknown>>;

/** What every call answers while the function's configuration is broken. */
export const MISCONFIGURED: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务配置有误，暂时无法办理，请稍后重试或联系管理员。' },
};

export function cloudbaseMain(fn: CloudFunction<ServerDeps>, makeDeps: () => ServerDeps): Main {
  return bindDeps(
    makeDeps,
    MISCONFIGURED,
    (deps) => (event) => fn(event, invocationFromContext(cloud.getWXContext()), deps),
  );
}

/**
 * wx-server-sdk initialised once per instance (module scope, so warm calls skip it) and the deps
 * built once. A malformed BEIAN_TEMPLATES/BEIAN_HOLIDAYS must not turn into a platform error on
 * every call (the caller would see an exception, not our answer): each call logs it loudly and
 * answers `misconfigured` instead.
 */
function bindDeps<A>(
  makeDeps: () => ServerDeps,
  misconfigured: A,
  bind: (deps: ServerDeps) => (event: unknown) => Promise<A>,
): (event: unknown) => Promise<A> {
  // The SDK types `env` as a string, but DYNAMIC_CURRENT_ENV (a symbol) is what it expects here.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  let deps: ServerDeps;
  try {
    deps = makeDeps();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return async () => {
      console.error(`configuration error: ${reason}`);
      return misconfigured;
    };
  }
  return bind(deps);
}

export function invocationFromContext(context: { OPENID?: unknown; SOURCE?: unknown }): Invocation {
  const openid = typeof context.OPENID === 'string' && context.OPENID !== '' ? context.OPENID : null;
  const source = typeof context.SOURCE === 'string' && context.SOURCE !== '' ? context.SOURCE : null;
  return { openid, source };
}

/**
 * Binds the HTTP-access function (`wechat`): WeChat, not a user, is the caller, so there is no
 * context to read; a broken configuration answers 500 so WeChat retries later.
 */
export function cloudbaseHttpMain<A>(
  fn: (event: unknown, deps: ServerDeps) => Promise<A>,
  makeDeps: () => ServerDeps,
): (event: unknown) => Promise<A | { statusCode: 500; body: string }> {
  return bindDeps<A | { statusCode: 500; body: string }>(
    makeDeps,
    { statusCode: 500, body: 'misconfigured' },
    (deps) => (event) => fn(event, deps),
  );
}
