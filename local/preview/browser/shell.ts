/**
 * The frame around the pages: a 375 × 667 phone with a status bar, WeChat's navigation bar (title,
 * back, the capsule), the page viewport and the overlay layer; beside it a toolbar to choose who
 * you are, open a page by path (DevTools' 启动页面), pull to refresh, and a list of runtime errors;
 * below them, the emulated WeChat's side (wechat-panel.ts).
 */
import type { PageChrome, PageRecord } from './router';
import type { PreviewIdentity } from './protocol';
import { wechatPanel } from './wechat-panel';
import { SCREEN } from './wx/system';

export interface ShellActions {
  back(): void;
  open(url: string): void;
  refresh(): void;
  switchIdentity(openid: string): void;
}

function div(className: string, text?: string): HTMLDivElement {
  const node = document.createElement('div');
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Shell implements PageChrome {
  readonly phone = div('mp-phone');
  readonly screen = div('mp-screen');
  readonly viewport = div('mp-viewport');
  readonly overlays = div('mp-overlays');
  private readonly bar = div('mp-navbar');
  private readonly title = div('mp-navbar__title');
  private readonly backButton = document.createElement('button');
  private readonly spinner = div('mp-navbar__loading');
  private readonly route = document.createElement('input');
  private readonly refreshButton = document.createElement('button');
  private readonly errors = document.createElement('ol');
  readonly errorLog: string[] = [];

  constructor(
    root: HTMLElement,
    identities: PreviewIdentity[],
    openid: string,
    private readonly actions: ShellActions,
  ) {
    this.phone.style.width = `${SCREEN.width}px`;
    this.phone.style.height = `${SCREEN.height}px`;
    const status = div('mp-statusbar');
    const time = div('mp-statusbar__time');
    status.append(div('mp-statusbar__carrier', 'WeChat'), time, div('mp-statusbar__battery', '100%'));
    showTime(time);
    this.backButton.className = 'mp-navbar__back';
    this.backButton.setAttribute('aria-label', '返回');
    this.backButton.addEventListener('click', () => actions.back());
    const capsule = div('mp-navbar__capsule');
    capsule.append(div('mp-navbar__more', '···'), div('mp-navbar__close'));
    this.bar.append(this.backButton, this.spinner, this.title, capsule);
    this.screen.append(status, this.bar, this.viewport, this.overlays);
    this.phone.appendChild(this.screen);
    root.append(this.toolbar(identities, openid), this.phone, this.errorPanel(), wechatPanel());
  }

  private toolbar(identities: PreviewIdentity[], openid: string): HTMLElement {
    const bar = div('mp-toolbar');
    const who = document.createElement('select');
    who.className = 'mp-toolbar__identity';
    who.setAttribute('aria-label', '当前身份');
    for (const identity of identities) {
      const option = document.createElement('option');
      option.value = identity.openid;
      option.textContent = `${identity.label}（${identity.openid}）`;
      option.selected = identity.openid === openid;
      who.appendChild(option);
    }
    who.addEventListener('change', () => this.actions.switchIdentity(who.value));
    this.route.className = 'mp-toolbar__route';
    this.route.setAttribute('aria-label', '页面路径');
    this.route.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.actions.open(this.route.value);
    });
    const open = document.createElement('button');
    open.className = 'mp-toolbar__open';
    open.textContent = '打开';
    open.addEventListener('click', () => this.actions.open(this.route.value));
    this.refreshButton.className = 'mp-toolbar__refresh';
    this.refreshButton.textContent = '下拉刷新';
    this.refreshButton.addEventListener('click', () => this.actions.refresh());
    bar.append(who, this.route, open, this.refreshButton);
    return bar;
  }

  private errorPanel(): HTMLElement {
    const panel = div('mp-errors');
    panel.appendChild(div('mp-errors__title', '运行错误'));
    panel.appendChild(this.errors);
    return panel;
  }

  showPage(page: PageRecord | undefined, canGoBack: boolean): void {
    if (!page) return;
    const { window } = page;
    const custom = window.navigationStyle === 'custom';
    this.screen.classList.toggle('mp-screen--custom', custom);
    this.bar.style.background = window.navigationBarBackgroundColor ?? '#000000';
    this.bar.classList.toggle('mp-navbar--white', window.navigationBarTextStyle === 'white');
    this.title.textContent = page.title;
    this.backButton.hidden = !canGoBack;
    this.route.value = page.url;
    this.refreshButton.disabled = window.enablePullDownRefresh !== true;
    document.title = `${page.title || page.route} · 备案助手预览`;
    history.replaceState(null, '', `${location.pathname}${location.search}#/${page.url}`);
  }

  setColor(front: string, background: string): void {
    this.bar.style.background = background;
    this.bar.classList.toggle('mp-navbar--white', front.toLowerCase() === '#ffffff');
  }

  setLoading(loading: boolean): void {
    this.spinner.classList.toggle('mp-navbar__loading--on', loading);
  }

  reportError(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[${where}]`, error);
    this.errorLog.push(`${where}: ${message}`);
    const item = document.createElement('li');
    item.textContent = `${where}: ${message}`;
    this.errors.appendChild(item);
    this.errors.parentElement?.classList.add('mp-errors--shown');
  }
}

/** The phone's clock in Beijing time (the phone is in China, whatever this computer's zone is). */
function showTime(element: HTMLElement): void {
  const format = new Intl.DateTimeFormat('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  const tick = (): void => {
    element.textContent = format.format(new Date());
  };
  tick();
  setInterval(tick, 1_000);
}
