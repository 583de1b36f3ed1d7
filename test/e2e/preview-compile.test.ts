/**
 * How the preview loads the mini-program, without a browser: WXSS as the webview would apply it,
 * the real miniprogram/ folder compiled the way DevTools compiles it, and `require` resolved as
 * the mini-program runtime resolves it.
 */
import { AppPackager, pageRoutes } from '../../local/preview/app-package';
import { ModuleSystem } from '../../local/preview/browser/modules';
import { MINIPROGRAM_ROOT } from '../../local/preview/server';
import { rpxToPx, wxssToCss } from '../../local/preview/wxss';

const scope = { prefix: 'pages-home', host: 'pages-home', page: '.mp-page--pages-home' };

describe('WXSS in the preview', () => {
  it('converts rpx for a 375 px wide phone, decimals kept', () => {
    expect(rpxToPx('padding: 32rpx 1rpx .5rpx -20rpx; width: 750rpx')).toBe(
      'padding: 16px 0.5px 0.25px -10px; width: 375px',
    );
  });

  it('scopes classes to their component and maps page, built-in tags and :host', () => {
    const css = wxssToCss(
      'page{background:#f7f8fa} .hero .title>view:not(.x)::after{margin:24rpx} :host(.on) text{color:red}',
      scope,
    );
    expect(css).toContain('.mp-page--pages-home{background:#f7f8fa}');
    expect(css).toContain(
      '.pages-home--hero .pages-home--title>wx-view:not(.pages-home--x)::after{margin:12px}',
    );
    expect(css).toContain('pages-home.pages-home--on wx-text{color:red}');
  });

  it('recurses into @media and leaves keyframes and font faces unscoped', () => {
    const css = wxssToCss(
      '@media (min-width: 100rpx){.a{top:2rpx}} @keyframes spin{from{top:10rpx}to{top:0}} @font-face{font-family:x}',
      scope,
    );
    expect(css).toContain('@media (min-width: 50px){.pages-home--a{top:1px}}');
    expect(css).toContain('@keyframes spin{from{top:5px}to{top:0}}');
    expect(css).toContain('@font-face{font-family:x}');
  });
});

describe('the mini-program as the preview loads it', () => {
  const pkg = new AppPackager(MINIPROGRAM_ROOT).get();

  it('compiles every page of app.json and its subpackages, with nothing DevTools would refuse', () => {
    expect(pkg.problems).toEqual([]);
    expect(pkg.pages).toEqual(pageRoutes(pkg.app));
    expect(pkg.pages).toContain('admin/review/index');
    for (const page of pkg.pages) {
      expect(pkg.components[page]?.page).toBeDefined();
      expect(pkg.modules[`${page}.js`]).toBeDefined();
    }
  });

  it('strips types file by file and leaves npm imports to the runtime, as DevTools does', () => {
    const home = pkg.modules['pages/home/index.js'] ?? '';
    expect(home).toContain('require("@beian/core")');
    expect(home).toContain('Component(');
    expect(pkg.modules['miniprogram_npm/@vant/weapp/button/index.js']).toBeDefined();
  });

  it('resolves Vant tags through miniprogram_npm and scopes each stylesheet', () => {
    const home = pkg.components['pages/home/index'];
    expect(home?.using['van-button']).toBe('miniprogram_npm/@vant/weapp/button/index');
    expect(pkg.components['miniprogram_npm/@vant/weapp/button/index']?.tag).toBe('van-button');
    expect(pkg.components['miniprogram_npm/@vant/weapp/button/index']?.css).toContain(
      '.van-button--van-button',
    );
    // app.wxss applies to every page.
    expect(home?.css).toContain('.mp-page--pages-home{');
  });
});

describe("the preview's require", () => {
  const sources = {
    'pages/a/index.js':
      'exports.b = require("../b/index").name; exports.npm = require("lib").name; exports.abs = require("/utils/x").name;',
    'pages/b/index.js': 'globalThis.__evaluations = (globalThis.__evaluations || 0) + 1; exports.name = "b";',
    'utils/x.js': 'exports.name = typeof window + "/" + typeof document;',
    'miniprogram_npm/lib/index.js': 'exports.name = "lib";',
  };

  it('resolves relative, root-absolute and npm modules, and runs each once', () => {
    const modules = new ModuleSystem(sources);
    const a = modules.load('pages/a/index.js') as Record<string, string>;
    expect(a).toEqual({ b: 'b', npm: 'lib', abs: 'undefined/undefined' });
    modules.require('pages/a/index.js', '../b/index.js');
    expect((globalThis as { __evaluations?: number }).__evaluations).toBe(1);
  });

  it('fails loudly for a module that does not exist, as the runtime does', () => {
    const modules = new ModuleSystem(sources);
    expect(() => modules.require('pages/a/index.js', './missing')).toThrow(
      "module './missing' is not defined",
    );
  });
});
