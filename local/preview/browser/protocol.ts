/**
 * What the preview server hands the browser: the mini-program compiled the way DevTools compiles
 * it (types stripped per file, WXML through wcc, WXSS scoped and converted), plus the app config.
 * Pure types, shared by the Node side (local/preview/*.ts) and the browser runtime.
 */

/** The `window` options of app.json, and the same keys in a page's json. */
export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'black' | 'white';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
  backgroundTextStyle?: 'dark' | 'light';
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
}

export interface SubPackageConfig {
  root: string;
  name?: string;
  pages: string[];
}

export interface AppConfig {
  pages: string[];
  subPackages?: SubPackageConfig[];
  subpackages?: SubPackageConfig[];
  window?: WindowConfig;
  entryPagePath?: string;
  usingComponents?: Record<string, string>;
}

export interface ComponentEntry {
  /** The class prefix, and the tag the component's element carries. */
  tag: string;
  /** Tag used in this component's WXML → the path of the component it stands for. */
  using: Record<string, string>;
  /** Scoped CSS (for a page: app.wxss and the page's own stylesheet). */
  css: string;
  /** Present for pages: the page json's window options. */
  page?: WindowConfig;
}

export interface PreviewPackage {
  /** Changes whenever any file of the mini-program changes. */
  version: string;
  app: AppConfig;
  /** Every page route, subpackages included (`pages/home/index`, `admin/queue/index`). */
  pages: string[];
  /** The wcc output: a function body that returns `$gwx`. */
  wxml: string;
  /** Module path with `.js` (`pages/home/index.js`) → CommonJS source, as DevTools would run it. */
  modules: Record<string, string>;
  /** Component or page path without extension → what the runtime needs to register it. */
  components: Record<string, ComponentEntry>;
  /** What would stop DevTools from compiling (a component that cannot be found, …). */
  problems: string[];
}

/** The identities the preview can be (filer A, filer B, an admin). */
export interface PreviewIdentity {
  openid: string;
  label: string;
}

/** How the page learns where things are; rendered into the HTML by the server. */
export interface PreviewConfig {
  identities: PreviewIdentity[];
  /** Where `wx.cloud.uploadFile` sends the bytes (POST, raw body). */
  uploadPath: string;
  /** Where `requestSubscribeMessage` answers are reported (POST JSON). */
  subscriptionsPath: string;
  /** Where `<image src="cloud://…">` is read as the user (GET `?fileId=&openid=`). */
  filePath: string;
  /** Template id → its title in WeChat's library, for the consent sheet. */
  templates: Record<string, string>;
}

/** `window.__preview`: what the e2e test and the screenshot script read to know the page settled. */
export interface PreviewProbe {
  /** Runtime errors so far (exceptions in page code, failed wx calls nobody caught, …). */
  errors: string[];
  /** Requests in flight (cloud calls, uploads). */
  readonly pending: number;
  /** The page stack, bottom first, as `route?query`. */
  stack(): string[];
  /** True while a finite CSS transition or animation runs (a popup sliding in, a toast fading). */
  animating(): boolean;
  /** True once Vant's icon font has loaded (until then the icons are stand-in glyphs). */
  iconsReady(): boolean;
}
