/**
 * A list the server hands out a page at a time (我的备案, 审核台): the first page on load, on show
 * and on pull-down, the next on reaching the bottom. Only the latest request's answer is used —
 * refreshing twice, or switching tabs quickly, must not interleave two lists — and a failure shows
 * the server's message and keeps what is on screen.
 */
import type { Envelope, Failure } from '@beian/core';
import { showFailure } from './feedback';

export interface PagerData {
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  loadError: string;
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

export function createPager<D extends PagerData, A extends { nextCursor: string | null }>(
  source: PagerSource<D, A>,
): Pager<D> {
  const generations = new WeakMap<object, number>();
  const fail = (host: Host<D>, error: Failure, patch: Record<string, unknown>): void => {
    showFailure(error);
    host.setData(patch);
  };
  return {
    async reload(host) {
      const generation = (generations.get(host) ?? 0) + 1;
      generations.set(host, generation);
      const answer = await source.fetch(host, null);
      if (generations.get(host) !== generation) return;
      if (!answer.ok) {
        fail(host, answer.error, { loading: false, loadingMore: false, loadError: answer.error.message });
        return;
      }
      host.setData({
        ...source.show(host, answer.data, true),
        nextCursor: answer.data.nextCursor,
        loading: false,
        loadingMore: false,
        loadError: '',
      });
    },
    async loadMore(host) {
      const cursor = host.data.nextCursor;
      if (!cursor || host.data.loading || host.data.loadingMore) return;
      const generation = generations.get(host) ?? 0;
      host.setData({ loadingMore: true });
      const answer = await source.fetch(host, cursor);
      if (generations.get(host) !== generation) return;
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
