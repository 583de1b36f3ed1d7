/**
 * The device the preview pretends to be — a 375 × 667 phone (iPhone 8 class) as DevTools reports
 * it — and local storage, kept per identity: switching who you are is switching WeChat user, who
 * has their own storage.
 */
import { asyncApi, str, WxFail } from './api';

export const SCREEN = { width: 375, height: 667, statusBar: 20, navigationBar: 44 } as const;

/** The page area under the navigation bar. */
export const WINDOW_HEIGHT = SCREEN.height - SCREEN.statusBar - SCREEN.navigationBar;

/** Base library version; Vant and pages compare against it to pick features. */
export const SDK_VERSION = '3.4.0';

export function windowInfo(): Record<string, unknown> {
  return {
    pixelRatio: 2,
    screenWidth: SCREEN.width,
    screenHeight: SCREEN.height,
    windowWidth: SCREEN.width,
    windowHeight: WINDOW_HEIGHT,
    statusBarHeight: SCREEN.statusBar,
    safeArea: {
      left: 0,
      right: SCREEN.width,
      top: SCREEN.statusBar,
      bottom: SCREEN.height,
      width: SCREEN.width,
      height: SCREEN.height - SCREEN.statusBar,
    },
    screenTop: SCREEN.statusBar + SCREEN.navigationBar,
  };
}

export function deviceInfo(): Record<string, unknown> {
  return {
    brand: 'devtools',
    model: 'iPhone 6/7/8',
    system: 'iOS 10.0.1',
    platform: 'devtools',
    benchmarkLevel: 1,
  };
}

export function appBaseInfo(): Record<string, unknown> {
  return {
    SDKVersion: SDK_VERSION,
    version: '8.0.5',
    language: 'zh_CN',
    theme: 'light',
    fontSizeSetting: 16,
    enableDebug: false,
    host: { env: 'WeChat' },
  };
}

export function systemInfo(): Record<string, unknown> {
  return { ...windowInfo(), ...deviceInfo(), ...appBaseInfo() };
}

/** The capsule (··· ◎) at the right of the navigation bar. */
export function menuButtonRect(): Record<string, number> {
  const height = 32;
  const top = SCREEN.statusBar + (SCREEN.navigationBar - height) / 2;
  return { width: 87, height, top, bottom: top + height, right: SCREEN.width - 10, left: SCREEN.width - 97 };
}

export function systemApis(): Record<string, unknown> {
  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', systemInfo),
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getAppBaseInfo: appBaseInfo,
    getMenuButtonBoundingClientRect: menuButtonRect,
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' },
    }),
  };
}

/** `wx.setStorageSync` & co. over localStorage, one namespace per WeChat user. */
export function storageApis(openid: string): Record<string, unknown> {
  const prefix = `beian-preview/${openid}/`;
  const keys = (): string[] =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length));
  const get = (key: unknown): unknown => {
    const raw = localStorage.getItem(prefix + str(key));
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  };
  const set = (key: unknown, data: unknown): void => {
    if (str(key) === '') throw new WxFail('parameter error: key should not be empty');
    localStorage.setItem(prefix + str(key), JSON.stringify(data ?? null));
  };
  const remove = (key: unknown): void => localStorage.removeItem(prefix + str(key));
  const clear = (): void => keys().forEach(remove);
  const info = (): Record<string, unknown> => ({
    keys: keys(),
    currentSize: Math.ceil(
      keys().reduce((n, key) => n + (localStorage.getItem(prefix + key)?.length ?? 0), 0) / 1024,
    ),
    limitSize: 10240,
  });
  return {
    // WeChat answers '' for a key that was never set.
    getStorageSync: (key: unknown) => get(key) ?? '',
    setStorageSync: set,
    removeStorageSync: remove,
    clearStorageSync: clear,
    getStorageInfoSync: info,
    getStorage: asyncApi('getStorage', (o) => {
      const data = get(o.key);
      if (data === undefined) throw new WxFail('data not found');
      return { data };
    }),
    setStorage: asyncApi('setStorage', (o) => (set(o.key, o.data), {})),
    removeStorage: asyncApi('removeStorage', (o) => (remove(o.key), {})),
    clearStorage: asyncApi('clearStorage', () => (clear(), {})),
    getStorageInfo: asyncApi('getStorageInfo', info),
  };
}
