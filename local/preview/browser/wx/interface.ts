/**
 * Interface and route APIs: toasts, loading, modals, action sheets, the navigation bar, the
 * clipboard, page navigation, pull-down refresh and page scrolling — with WeChat's defaults and
 * failure messages.
 */
import SelectorQuery from 'j-component/src/tool/selectorquery';
import { NavigationError, type Router } from '../router';
import type { Overlays } from '../ui';
import { asyncApi, num, str, WxFail, type Options } from './api';
import type { Privacy } from './privacy';

export interface NavigationBar {
  setColor(front: string, background: string): void;
  setLoading(loading: boolean): void;
}

export function interfaceApis(
  overlays: Overlays,
  bar: NavigationBar,
  privacy: Privacy,
): Record<string, unknown> {
  let clipboard = '';
  return {
    showToast: asyncApi('showToast', (o) => {
      overlays.toast(str(o.title), str(o.icon, 'success'), num(o.duration, 1500), o.mask === true);
      return {};
    }),
    hideToast: asyncApi('hideToast', () => (overlays.hideToast(), {})),
    showLoading: asyncApi('showLoading', (o) => {
      overlays.toast(str(o.title), 'loading', null, o.mask === true);
      return {};
    }),
    hideLoading: asyncApi('hideLoading', () => (overlays.hideToast(), {})),
    showModal: asyncApi('showModal', (o) =>
      overlays.modal({
        title: str(o.title),
        content: str(o.content),
        showCancel: o.showCancel !== false,
        cancelText: str(o.cancelText, '取消'),
        confirmText: str(o.confirmText, '确定'),
        confirmColor: str(o.confirmColor, '#576B95'),
        editable: o.editable === true,
        placeholderText: str(o.placeholderText),
      }),
    ),
    showActionSheet: asyncApi('showActionSheet', async (o) => {
      const items = Array.isArray(o.itemList) ? o.itemList.map((item) => str(item)) : [];
      if (items.length === 0 || items.length > 6)
        throw new WxFail('parameter error: itemList should have 1-6 items');
      const tapIndex = await overlays.actionSheet(items, str(o.itemColor, '#000000'), str(o.alertText));
      if (tapIndex === null) throw new WxFail('cancel');
      return { tapIndex };
    }),
    setNavigationBarColor: asyncApi('setNavigationBarColor', (o) => {
      bar.setColor(str(o.frontColor, '#000000'), str(o.backgroundColor, '#ffffff'));
      return {};
    }),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', () => (bar.setLoading(true), {})),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', () => (bar.setLoading(false), {})),
    setClipboardData: asyncApi('setClipboardData', async (o) => {
      await privacy.require('setClipboardData');
      clipboard = str(o.data);
      // The browser clipboard needs a permission a headless run does not have; WeChat's own
      // confirmation toast is what the filer sees either way.
      void navigator.clipboard?.writeText(clipboard).catch(() => undefined);
      overlays.toast('内容已复制', 'none', 1500, false);
      return {};
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: clipboard })),
    vibrateShort: asyncApi('vibrateShort', () => ({})),
    vibrateLong: asyncApi('vibrateLong', () => ({})),
  };
}

export function routeApis(router: Router, bar: { refresh(): void }): Record<string, unknown> {
  const navigate = (name: string, go: (o: Options) => void) =>
    asyncApi(name, (o) => {
      try {
        go(o);
      } catch (error) {
        if (error instanceof NavigationError) throw new WxFail(error.message);
        throw error;
      }
      bar.refresh();
      return {};
    });
  return {
    navigateTo: navigate('navigateTo', (o) => {
      if (o.events !== undefined)
        console.error('wx.navigateTo events (EventChannel) is not implemented in the preview');
      router.navigateTo(str(o.url));
    }),
    redirectTo: navigate('redirectTo', (o) => router.redirectTo(str(o.url))),
    reLaunch: navigate('reLaunch', (o) => router.reLaunch(str(o.url))),
    navigateBack: navigate('navigateBack', (o) => router.navigateBack(num(o.delta, 1))),
    // app.json declares no tabBar, so every page is a "no-tabBar page" to WeChat.
    switchTab: navigate('switchTab', () => {
      throw new NavigationError('can not switch to no-tabBar page');
    }),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', (o) => {
      router.setTitle(str(o.title));
      return {};
    }),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => (router.pullDownRefresh(), {})),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => (router.stopPullDownRefresh(), {})),
    pageScrollTo: asyncApi('pageScrollTo', (o) => {
      const frame = router.current()?.frame;
      if (!frame) return {};
      const selector = str(o.selector);
      const target = selector ? frame.querySelector(selector) : null;
      const top = target instanceof HTMLElement ? target.offsetTop : num(o.scrollTop, 0);
      frame.scrollTo({ top, behavior: num(o.duration, 300) > 0 ? 'smooth' : 'auto' });
      return {};
    }),
    createSelectorQuery: () => new SelectorQuery(router.current()?.instance ?? null),
    createIntersectionObserver: (
      component: { createIntersectionObserver?: (o: unknown) => unknown },
      options: unknown,
    ) => {
      if (typeof component?.createIntersectionObserver !== 'function') {
        throw new Error(
          'wx.createIntersectionObserver needs the component as its first argument in the preview',
        );
      }
      return component.createIntersectionObserver(options);
    },
  };
}
