/**
 * A list the server hands out a page at a time (我的备案, 审核台): the first page on load, on show
 * and on pull-down, the next on reaching the bottom. Only the latest request's answer is used —
 * refreshing twice, or switching tabs quickly, must not interleave two lists — and a failure shows
 * the server's message and keeps what is on screen.
 */
import type { Envelope, Failure } from '@beian/core';
import { showFailure } from './feedback';
import { instanceState, loadRefused, READY, type Load } from './page-load';

export interface PagerData {
  nextCursor: string | null;
  /** The first page's status; a later page's is `loadingMore`, shown under rows already there. */
  load: Load;
  loadingMore: boolean;
}

interface Host<D extends PagerData> {
  data: D;
  setData(patch: Record<string, unknown>): void;
}

export interface PagerSource<D extends PagerData, A extends { nextCursor: string | null }> {
  fetch(host: Host<D>, cursor: string | null): Promise<Envelope<A>>;
  /** The setData that shows an answer: the first page replaces the rows, a later one appends. */
  show(host: Host<D>, answer: A, first: boolean): Record<string, unknown>;
}

export interface Pager<D extends PagerData> {
  reload(host: Host<D>): Promise<void>;
  loadMore(host: Host<D>): Promise<void>;
}

/**
 * What a list page does with its pager besides `load()` (which it defines itself, so its own
 * methods can call it): reaching the bottom reads the next page, and tapping a row opens its
 * `data-url`.
 */
export function pagedList<D extends PagerData>(pager: Pager<D>): string {
  return Behavior({
    methods: {
      // `this` named: the type checker of the tests (DOM lib) would not infer it here.
      onReachBottom(this: Host<D>): void {
        void pager.loadMore(this);
      },
      onOpen(event: { currentTarget: { dataset: { url?: string } } }): void {
        const url = event.currentTarget.dataset.url;
        if (url) void wx.navigateTo({ url });
      },
    },
  });
}

/**
 * The items of a later page not already shown: an application updated between two page reads may
 * move up into a page that was already read and come again in the next.
 */
export function unseen<T extends { id: string }>(shown: readonly { id: string }[], page: readonly T[]): T[] {
  const seen = new Set(shown.map((row) => row.id));
  return page.filter((item) => !seen.has(item.id));
}

export function createPager<D extends PagerData, A extends { nextCursor: string | null }>(
  source: PagerSource<D, A>,
): Pager<D> {
  // Which reload is the latest, per page: an answer to an older one is dropped.
  const generations = instanceState(() => ({ latest: 0 }));
  const fail = (host: Host<D>, error: Failure, patch: Record<string, unknown>): void => {
    showFailure(error);
    host.setData(patch);
  };
  return {
    async reload(host) {
      const generation = ++generations(host).latest;
      const answer = await source.fetch(host, null);
      if (generations(host).latest !== generation) return;
      if (!answer.ok) {
        fail(host, answer.error, { load: loadRefused(answer.error), loadingMore: false });
        return;
      }
      host.setData({
        ...source.show(host, answer.data, true),
        nextCursor: answer.data.nextCursor,
        load: READY,
        loadingMore: false,
      });
    },
    async loadMore(host) {
      const cursor = host.data.nextCursor;
      if (!cursor || host.data.load.status === 'loading' || host.data.loadingMore) return;
      const generation = generations(host).latest;
      host.setData({ loadingMore: true });
      const answer = await source.fetch(host, cursor);
      if (generations(host).latest !== generation) return;
      if (!answer.ok) {
        fail(host, answer.error, { loadingMore: false });
        return;
      }
      host.setData({
        ...source.show(host, answer.data, false),
        nextCursor: answer.data.nextCursor,
        loadingMore: false,
      });
    },
  };
}
