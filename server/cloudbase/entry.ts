/**
 * Binds a function to the deployed platform: wx-server-sdk initialised once per instance (module
 * scope, so warm calls skip it) and the caller taken from getWXContext() — never from the event.
 */
import * as cloud from 'wx-server-sdk';
import type { Envelope } from '@beian/core';
import type { CloudFunction, Invocation } from '../action-map';
import type { ServerDeps } from '../deps';

export type Main = (event: unknown) => Promise<Envelope<unknown>>;

export function cloudbaseMain(fn: CloudFunction<ServerDeps>, makeDeps: () => ServerDeps): Main {
  // The SDK types `env` as a string, but DYNAMIC_CURRENT_ENV (a symbol) is what it expects here.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const deps = makeDeps();
  return (event) => fn(event, invocationFromContext(cloud.getWXContext()), deps);
}

export function invocationFromContext(context: { OPENID?: unknown; SOURCE?: unknown }): Invocation {
  const openid = typeof context.OPENID === 'string' && context.OPENID !== '' ? context.OPENID : null;
  const source = typeof context.SOURCE === 'string' && context.SOURCE !== '' ? context.SOURCE : null;
  return { openid, source };
}
