/**
 * The `wx` object the pages see. Every API the product uses is implemented for real against the
 * browser and the local cloud; anything else fails loudly — reading `wx.<name>` logs
 * "wx.<name> is not implemented in the preview" and throws — so a page never silently does nothing
 * in the preview while it would work on a phone.
 */
import type { Router } from '../router';
import type { PreviewConfig } from '../protocol';
import type { Overlays } from '../ui';
import { asyncApi } from './api';
import { createAnimation } from './animation';
import { cloudApis } from './cloud';
import { interfaceApis, routeApis, type NavigationBar } from './interface';
import { mediaApis } from './media';
import type { Privacy } from './privacy';
import { subscribeApis } from './subscribe';
import { storageApis, systemApis } from './system';

export interface WxContext {
  config: PreviewConfig;
  openid: string;
  appName: string;
  router: Router;
  overlays: Overlays;
  privacy: Privacy;
  bar: NavigationBar & { refresh(): void };
}

/** APIs that libraries probe for (`!!wx.getUserProfile`) and so must exist, yet fail when called. */
const PROBED_UNSUPPORTED = ['getUserProfile'];

export function notImplemented(path: string): Error {
  const message = `${path} is not implemented in the preview`;
  console.error(message);
  return new Error(message);
}

function loud<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object)
        return Reflect.get(object, property, receiver) as unknown;
      throw notImplemented(`${name}.${property}`);
    },
  });
}

export function createWx(context: WxContext): Record<string, unknown> {
  const wx: Record<string, unknown> = {
    ...systemApis(),
    ...storageApis(context.openid),
    ...interfaceApis(context.overlays, context.bar, context.privacy),
    ...routeApis(context.router, context.bar),
    ...mediaApis(context.overlays, context.privacy),
    ...context.privacy.apis,
    ...subscribeApis(context.config, context.openid, context.overlays, context.appName),
    cloud: loud(cloudApis(context.config, context.openid), 'wx.cloud'),
    createAnimation,
    nextTick: (callback: () => void) => void Promise.resolve().then(callback),
    getLaunchOptionsSync: () => launchOptions(context.router),
    getEnterOptionsSync: () => launchOptions(context.router),
    getSetting: asyncApi('getSetting', () => ({ authSetting: {} })),
  };
  for (const name of PROBED_UNSUPPORTED) {
    wx[name] = () => {
      throw notImplemented(`wx.${name}`);
    };
  }
  // Answers what this preview really provides, so feature checks pick supported paths.
  wx.canIUse = (schema: string) => {
    const [head = ''] = schema.split('.');
    return head in wx && !PROBED_UNSUPPORTED.includes(head);
  };
  return loud(wx, 'wx');
}

function launchOptions(router: Router): Record<string, unknown> {
  const first = router.stack[0];
  return { path: first?.route ?? '', query: first?.query ?? {}, scene: 1001, referrerInfo: {} };
}
