import type { FilingState } from '@beian/core';
import { listQueue } from '../services/reviews';
import { showFailure } from '../../utils/feedback';
import { listPatch } from '../../utils/set-data';
import {
  appendQueueRows,
  queueRow,
  queueTabs,
  QUEUE_STATES,
  type QueueRow,
  type QueueTab,
} from '../view/queue-view';

/**
 * 审核台: one tab per state with its count, overdue applications first and marked, search by
 * subject or mini-program name, more on reaching the bottom.
 */

interface Data {
  state: FilingState;
  query: string;
  tabs: QueueTab[];
  rows: QueueRow[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  loadError: string;
}

const INITIAL: Data = {
  state: 'platform_review',
  query: '',
  tabs: queueTabs({}),
  rows: [],
  nextCursor: null,
  loading: true,
  loadingMore: false,
  loadError: '',
};

/** Only the latest request's answer counts: switching tabs quickly must not mix two lists. */
const generations = new WeakMap<object, number>();
const shownOnce = new WeakSet<object>();

function isQueueState(value: unknown): value is FilingState {
  return typeof value === 'string' && (QUEUE_STATES as readonly string[]).includes(value);
}

Component({
  data: INITIAL,
  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      if (isQueueState(query.state)) this.setData({ state: query.state });
      void this.reload();
    },
    /** Back from a review the application has usually moved on: read the tab again. */
    onShow(): void {
      if (shownOnce.has(this)) void this.reload();
      shownOnce.add(this);
    },
    async onPullDownRefresh(): Promise<void> {
      await this.reload();
      void wx.stopPullDownRefresh();
    },
    onReachBottom(): void {
      void this.loadMore();
    },

    async reload(): Promise<void> {
      const generation = (generations.get(this) ?? 0) + 1;
      generations.set(this, generation);
      const answer = await listQueue({ state: this.data.state, query: this.data.query, cursor: null });
      if (generations.get(this) !== generation) return;
      if (!answer.ok) {
        showFailure(answer.error);
        this.setData({ loading: false, loadingMore: false, loadError: answer.error.message });
        return;
      }
      this.setData({
        ...listPatch('tabs', this.data.tabs, queueTabs(answer.data.counts)),
        ...listPatch('rows', this.data.rows, answer.data.items.map(queueRow)),
        nextCursor: answer.data.nextCursor,
        loading: false,
        loadingMore: false,
        loadError: '',
      });
    },

    async loadMore(): Promise<void> {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loading || this.data.loadingMore) return;
      const generation = generations.get(this) ?? 0;
      this.setData({ loadingMore: true });
      const answer = await listQueue({ state: this.data.state, query: this.data.query, cursor });
      if (generations.get(this) !== generation) return;
      if (!answer.ok) {
        showFailure(answer.error);
        this.setData({ loadingMore: false });
        return;
      }
      this.setData({
        ...listPatch('rows', this.data.rows, appendQueueRows(this.data.rows, answer.data.items)),
        ...listPatch('tabs', this.data.tabs, queueTabs(answer.data.counts)),
        nextCursor: answer.data.nextCursor,
        loadingMore: false,
      });
    },

    onTab(event: { currentTarget: { dataset: { state?: unknown } } }): void {
      const state = event.currentTarget.dataset.state;
      if (!isQueueState(state) || state === this.data.state) return;
      this.setData({ state, loading: true, rows: [], nextCursor: null });
      void this.reload();
    },
    onQueryChange(event: { detail: string }): void {
      this.setData({ query: event.detail });
    },
    /** The query is kept up to date by `change`; the search key only runs it. */
    onSearch(): void {
      this.setData({ loading: true });
      void this.reload();
    },
    onClearSearch(): void {
      this.setData({ query: '', loading: true });
      void this.reload();
    },
    onOpen(event: { currentTarget: { dataset: { url?: string } } }): void {
      const url = event.currentTarget.dataset.url;
      if (url) void wx.navigateTo({ url });
    },
  },
});
