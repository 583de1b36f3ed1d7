/**
 * Boots the preview in the browser: loads the compiled mini-program, installs the runtime
 * (`wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, the built-in
 * components), runs app.js's `onLaunch`, and opens the launch page — the one in the address
 * (`#/pages/progress/index?id=…`) or app.json's first. `?as=<openid>` chooses who you are.
 */
import engineUtils from 'j-component/src/tool/utils';
import exparser from 'miniprogram-exparser';
import { rpxToPx } from '../wxss';
import { pendingCount, track } from './activity';
import { registerBuiltins } from './builtins';
import type { PickRequest } from './builtins/controls';
import { currentApp, installConstructors, runtimeBehavior } from './constructors';
import { setCloudFileUrl } from './files';
import { ModuleSystem } from './modules';
import { installPointer } from './pointer';
import type { PreviewConfig, PreviewPackage, PreviewProbe } from './protocol';
import { ComponentRegistry } from './registry';
import { Router } from './router';
import { installSelectorQuery } from './selector-query';
import { Shell } from './shell';
import { Overlays } from './ui';
import { createWx } from './wx';
import { createPrivacy } from './wx/privacy';

const IDENTITY_KEY = 'beian-preview/identity';

function readConfig(): PreviewConfig {
  const script = document.getElementById('preview-config');
  return JSON.parse(script?.textContent ?? '{}') as PreviewConfig;
}

/** What the platform's OPENIDs look like; the back end refuses anything else. */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * `?as=<openid>` is who the preview is: one of the demo identities, or any well-formed OPENID
 * (added to the toolbar as itself). A malformed one is an error on the page, never a silent
 * switch to another identity.
 */
function chooseIdentity(config: PreviewConfig): { openid: string; problem: string | null } {
  const asked = new URLSearchParams(location.search).get('as');
  const remembered = localStorage.getItem(IDENTITY_KEY);
  const known = (openid: string | null): openid is string =>
    openid !== null && config.identities.some((identity) => identity.openid === openid);
  if (asked !== null && !known(asked) && OPENID.test(asked)) {
    config.identities.push({ openid: asked, label: '自定义身份' });
  }
  const problem =
    asked !== null && !known(asked) ? `?as=${asked} 不是有效的 OPENID（6–64 位字母、数字、_ 或 -）` : null;
  const openid = known(asked) ? asked : known(remembered) ? remembered : (config.identities[0]?.openid ?? '');
  localStorage.setItem(IDENTITY_KEY, openid);
  return { openid, problem };
}

function reportIdentity(shell: Shell, problem: string | null): void {
  if (problem) shell.reportError('身份', problem);
}

/** Counts requests in flight, so a script can wait until the page has its data. */
function countRequests(): void {
  const original = window.fetch.bind(window);
  window.fetch = (...args: Parameters<typeof fetch>) => track(original(...args));
}

function pick(overlays: Overlays, request: PickRequest): Promise<number | string | null> {
  if (request.mode === 'selector') return overlays.choose(request.items, request.value);
  if (request.mode === 'time') return overlays.chooseValue('time', request.value, request.start, request.end);
  const type = request.fields === 'month' ? 'month' : request.fields === 'year' ? 'number' : 'date';
  return overlays.chooseValue(type, request.value, request.start, request.end);
}

async function boot(): Promise<void> {
  const config = readConfig();
  const { openid, problem: identityProblem } = chooseIdentity(config);
  // Filled in once the package is loaded; the probe and the toolbar may be used before that.
  const loaded: { router?: Router } = {};
  const probe: PreviewProbe = {
    errors: [],
    get pending() {
      return pendingCount();
    },
    stack: () => loaded.router?.stack.map((page) => page.url) ?? [],
    iconsReady: () => !document.documentElement.classList.contains('mp-no-icon-font'),
    animating: () =>
      document
        .getAnimations()
        .some(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().iterations !== Infinity,
        ),
  };
  (window as unknown as { __preview: PreviewProbe }).__preview = probe;
  countRequests();

  const root = document.getElementById('app') ?? document.body;
  const shell = new Shell(root, config.identities, openid, {
    back: () => void callWx('navigateBack', {}),
    open: (url) => void callWx('reLaunch', { url: url.startsWith('/') ? url : `/${url}` }),
    refresh: () => loaded.router?.pullDownRefresh(),
    switchIdentity: (next) => {
      localStorage.setItem(IDENTITY_KEY, next);
      location.href = `${location.pathname}?as=${encodeURIComponent(next)}`;
    },
  });
  probe.errors = shell.errorLog;
  window.addEventListener('error', (event) => shell.reportError('脚本错误', event.error ?? event.message));
  reportIdentity(shell, identityProblem);
  // The engine catches exceptions in lifetimes, observers and event handlers and only logs them.
  exparser.addGlobalErrorListener((error, info) =>
    shell.reportError(`组件 ${info.method ?? info.type ?? ''}`.trim(), error),
  );
  window.addEventListener('unhandledrejection', (event) =>
    shell.reportError('未处理的 Promise 拒绝', describe(event.reason)),
  );

  // The engine's inline-style rpx conversion maps 1rpx to 1px; the phone is 375 px wide.
  engineUtils.transformRpx = (style: string) => rpxToPx(style);
  setCloudFileUrl(
    (fileId) =>
      `${config.filePath}?fileId=${encodeURIComponent(fileId)}&openid=${encodeURIComponent(openid)}`,
  );

  const response = await fetch('/preview/package.json');
  const pkg = (await response.json()) as PreviewPackage & { error?: string };
  if (!response.ok) throw new Error(pkg.error ?? `无法加载小程序：${response.status}`);
  for (const problem of pkg.problems) shell.reportError('编译', problem);

  const overlays = new Overlays(shell.overlays);
  const privacy = createPrivacy(overlays, new URLSearchParams(location.search).get('privacy') !== 'ask');
  const modules = new ModuleSystem(pkg.modules);
  const registry = new ComponentRegistry(pkg, modules, [runtimeBehavior()]);
  const pages = new Router(pkg, registry, shell);
  loaded.router = pages;
  installConstructors(registry, () => pages.stack.map((page) => page.instance));
  registerBuiltins({
    navigate: (openType, url, delta) => {
      const api = {
        navigate: 'navigateTo',
        redirect: 'redirectTo',
        reLaunch: 'reLaunch',
        switchTab: 'switchTab',
      }[openType];
      if (openType === 'navigateBack') void callWx('navigateBack', { delta });
      else if (api) void callWx(api, { url });
      else console.error(`<navigator open-type="${openType}"> is not implemented in the preview`);
    },
    pick: (request) => pick(overlays, request),
    agreePrivacy: () => privacy.agreeTapped(),
  });
  const wx = createWx({
    config,
    openid,
    appName: pkg.app.window?.navigationBarTitleText ?? '小程序',
    router: pages,
    overlays,
    privacy,
    bar: {
      setColor: (f, b) => shell.setColor(f, b),
      setLoading: (l) => shell.setLoading(l),
      refresh: () => undefined,
    },
  });
  (window as unknown as { wx: unknown }).wx = wx;
  const callWx = (name: string, options: Record<string, unknown>): Promise<unknown> =>
    ((wx[name] as (o: Record<string, unknown>) => Promise<unknown>)(options) ?? Promise.resolve()).catch(
      (error: unknown) => shell.reportError(`wx.${name}`, describe(error)),
    );

  installPointer(shell.screen, () => shell.screen.getBoundingClientRect());
  installSelectorQuery({ viewport: shell.viewport, frame: () => pages.current()?.frame });
  watchIconFont();
  modules.load('app.js');
  const first = pkg.app.entryPagePath ?? pkg.pages[0] ?? '';
  const launch = location.hash.startsWith('#/') ? location.hash.slice(2) : first;
  const app = currentApp();
  const launchOptions = { path: launch.split('?')[0], query: {}, scene: 1001, referrerInfo: {} };
  app?.onLaunch?.call(app, launchOptions);
  try {
    pages.reLaunch(launch);
  } catch (error) {
    // An address that names no page (an old bookmark) opens the first page instead.
    shell.reportError(`启动页面 ${launch}`, error);
    pages.reLaunch(first);
  }
  app?.onShow?.call(app, launchOptions);
}

/**
 * Glyph stand-ins for Vant's icons until its font has loaded (styles/icon-glyphs.css). The
 * stand-ins keep the font from being needed by any element, so it is asked for here; the preview
 * serves it locally.
 */
function watchIconFont(): void {
  const root = document.documentElement;
  root.classList.add('mp-no-icon-font');
  // Vant's @font-face arrives with the first page's styles: ask again until it is there.
  const attempt = (left: number): void => {
    void document.fonts.load('14px vant-icon').then(
      (faces) => {
        if (faces.length > 0) root.classList.remove('mp-no-icon-font');
        else if (left > 0) setTimeout(() => attempt(left - 1), 250);
      },
      () => undefined,
    );
  };
  attempt(40);
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? reason.message;
  if (typeof reason === 'object' && reason !== null && 'errMsg' in reason) return String(reason.errMsg);
  return String(reason);
}

boot().catch((error: unknown) => {
  console.error(error);
  const banner = document.createElement('pre');
  banner.className = 'mp-boot-error';
  banner.textContent = `预览启动失败：${describe(error)}`;
  document.body.prepend(banner);
  (window as unknown as { __preview?: PreviewProbe }).__preview?.errors.push(`boot: ${describe(error)}`);
});
