/**
 * The page stack: `navigateTo` pushes (at most 10 pages, as on WeChat), `navigateBack` pops,
 * `redirectTo` replaces, `reLaunch` clears. Each page runs its lifecycle in WeChat's order —
 * created, attached, onLoad(query), onShow, ready/onReady; onHide when covered, onShow when
 * uncovered, onUnload when gone — and `pageLifetimes.show/hide` reach every component on it.
 * The query reaches onLoad undecoded, as WeChat passes it.
 */
import engine, { type RootComponent } from 'j-component/src/index';
import exparser, { type ExparserNode } from 'miniprogram-exparser';
import { dirname, join, normalize } from './modules';
import type { PreviewPackage, WindowConfig } from './protocol';
import type { ComponentRegistry } from './registry';

export const MAX_PAGES = 10;

export type PageInstance = Record<string, unknown> & {
  route?: string;
  options?: Record<string, string>;
};

export interface PageRecord {
  route: string;
  query: Record<string, string>;
  url: string;
  root: RootComponent;
  instance: PageInstance;
  /** The scrolling area the page lives in. */
  frame: HTMLElement;
  window: WindowConfig;
  title: string;
  refreshing: boolean;
}

/** What the router needs from the phone frame around the pages. */
export interface PageChrome {
  viewport: HTMLElement;
  showPage(page: PageRecord | undefined, canGoBack: boolean): void;
  reportError(where: string, error: unknown): void;
}

export class NavigationError extends Error {}

export class Router {
  readonly stack: PageRecord[] = [];

  constructor(
    private readonly pkg: PreviewPackage,
    private readonly registry: ComponentRegistry,
    private readonly chrome: PageChrome,
  ) {}

  current(): PageRecord | undefined {
    return this.stack[this.stack.length - 1];
  }

  navigateTo(url: string): void {
    if (this.stack.length >= MAX_PAGES) throw new NavigationError('webview count limit exceed');
    const covered = this.current();
    this.enter(url, () => {
      if (covered) this.hide(covered);
    });
  }

  redirectTo(url: string): void {
    this.enter(url, () => {
      const replaced = this.stack.pop();
      if (replaced) this.unload(replaced);
    });
  }

  reLaunch(url: string): void {
    this.enter(url, () => {
      while (this.stack.length > 0) {
        const gone = this.stack.pop();
        if (gone) this.unload(gone);
      }
    });
  }

  /**
   * What every way to a new page shares: its page is created first, then `leave` hides or unloads
   * the pages it replaces, and only then is it put on top and started.
   */
  private enter(url: string, leave: () => void): void {
    const page = this.open(this.parse(url));
    leave();
    this.stack.push(page);
    this.start(page);
  }

  navigateBack(delta: number): void {
    if (this.stack.length <= 1) throw new NavigationError('cannot navigate back at first page.');
    const count = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < count; i++) {
      const gone = this.stack.pop();
      if (gone) this.unload(gone);
    }
    const back = this.current();
    if (back) this.show(back);
  }

  /** What a pull-down does: the indicator shows and `onPullDownRefresh` runs. */
  pullDownRefresh(): void {
    const page = this.current();
    if (!page || !this.refreshEnabled(page)) return;
    page.refreshing = true;
    page.frame.classList.add('mp-frame--refreshing');
    this.call(page, 'onPullDownRefresh');
  }

  stopPullDownRefresh(): void {
    const page = this.current();
    if (!page) return;
    page.refreshing = false;
    page.frame.classList.remove('mp-frame--refreshing');
  }

  refreshEnabled(page: PageRecord): boolean {
    return page.window.enablePullDownRefresh === true;
  }

  setTitle(title: string): void {
    const page = this.current();
    if (!page) return;
    page.title = title;
    this.chrome.showPage(page, this.stack.length > 1);
  }

  /** `pages/a?x=1`, `/pages/a`, or `../b/index` (relative to the current page). */
  parse(url: string): { route: string; query: Record<string, string>; url: string } {
    const [path = '', search = ''] = url.split('?', 2);
    const from = this.current()?.route ?? '';
    const route = path.startsWith('/') ? normalize(path.slice(1)) : join(dirname(from), path);
    if (!this.pkg.pages.includes(route)) throw new NavigationError(`page "${route}" is not found`);
    const query: Record<string, string> = {};
    for (const pair of search.split('&').filter(Boolean)) {
      const at = pair.indexOf('=');
      query[at === -1 ? pair : pair.slice(0, at)] = at === -1 ? '' : pair.slice(at + 1);
    }
    return { route, query, url: search ? `${route}?${search}` : route };
  }

  private open(target: { route: string; query: Record<string, string>; url: string }): PageRecord {
    const id = this.registry.ensure(target.route);
    const entry = this.registry.entry(target.route);
    // A Component-built page receives the query as properties too, where it declares them.
    const root = engine.create(id, { ...target.query });
    if (!root) throw new NavigationError(`page "${target.route}" could not be created`);
    const window = { ...this.pkg.app.window, ...entry.page };
    const frame = document.createElement('div');
    frame.className = 'mp-frame';
    const indicator = document.createElement('div');
    indicator.className = `mp-refresh mp-refresh--${window.backgroundTextStyle ?? 'dark'}`;
    indicator.innerHTML = '<i></i><i></i><i></i>';
    const pageElement = document.createElement('div');
    pageElement.className = `mp-page mp-page--${entry.tag}`;
    pageElement.appendChild(root.dom);
    frame.append(indicator, pageElement);
    frame.style.background = window.backgroundColor ?? '';
    const instance = root.instance as PageInstance;
    instance.route = target.route;
    instance.__route__ = target.route;
    instance.options = target.query;
    const page: PageRecord = {
      ...target,
      root,
      instance,
      frame,
      window,
      title: window.navigationBarTitleText ?? '',
      refreshing: false,
    };
    this.watchScroll(page);
    return page;
  }

  private start(page: PageRecord): void {
    this.chrome.viewport.appendChild(page.frame);
    this.chrome.showPage(page, this.stack.length > 1);
    exparser.Element.pretendAttached(page.root._exparserNode);
    this.call(page, 'onLoad', page.query);
    this.show(page);
    eachNode(page.root._exparserNode, (node) => node.triggerLifeTime('ready', []));
    this.call(page, 'onReady');
  }

  private show(page: PageRecord): void {
    page.frame.hidden = false;
    this.chrome.showPage(page, this.stack.length > 1);
    this.call(page, 'onShow');
    this.pageLifetime(page, 'show');
  }

  private hide(page: PageRecord): void {
    this.call(page, 'onHide');
    this.pageLifetime(page, 'hide');
    page.frame.hidden = true;
  }

  private unload(page: PageRecord): void {
    this.call(page, 'onUnload');
    exparser.Element.pretendDetached(page.root._exparserNode);
    page.frame.remove();
  }

  private pageLifetime(page: PageRecord, name: 'show' | 'hide'): void {
    eachNode(page.root._exparserNode, (node) => {
      try {
        node.triggerPageLifeTime(name, []);
      } catch (error) {
        this.chrome.reportError(`${page.route} pageLifetimes.${name}`, error);
      }
    });
  }

  /** Runs a page handler; an exception or rejected promise is reported, not swallowed. */
  private call(page: PageRecord, name: string, ...args: unknown[]): void {
    const handler = page.instance[name];
    if (typeof handler !== 'function') return;
    try {
      const result: unknown = handler.apply(page.instance, args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => this.chrome.reportError(`${page.route} ${name}`, error));
      }
    } catch (error) {
      this.chrome.reportError(`${page.route} ${name}`, error);
    }
  }

  private watchScroll(page: PageRecord): void {
    let atBottom = false;
    page.frame.addEventListener('scroll', () => {
      if (this.current() !== page) return;
      const { scrollTop, scrollHeight, clientHeight } = page.frame;
      this.call(page, 'onPageScroll', { scrollTop });
      const distance = page.window.onReachBottomDistance ?? 50;
      const near = scrollHeight - scrollTop - clientHeight <= distance;
      // Fires once on reaching the bottom, again only after leaving it.
      if (near && !atBottom) this.call(page, 'onReachBottom');
      atBottom = near;
    });
  }
}

/** Every engine node of a page, its components' own trees included. */
export function eachNode(node: ExparserNode, visit: (node: ExparserNode) => void): void {
  if (typeof node.triggerLifeTime === 'function') visit(node);
  if (node instanceof exparser.Component && node.shadowRoot) eachNode(node.shadowRoot, visit);
  for (const child of node.childNodes ?? []) eachNode(child, visit);
}
