import type { ChannelKind, FilingState } from '@beian/core';
import { listQueue, type QueuePage } from '../services/reviews';
import { createPager } from '../../utils/pager';
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
  /** Both channels (''), or only those filed through WeChat, or recorded by hand. */
  channel: ChannelKind | '';
  channels: { channel: ChannelKind | ''; text: string }[];
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
  channel: '',
  channels: [
    { channel: '', text: '全部' },
    { channel: 'wechat', text: '微信提交' },
    { channel: 'manual', text: '人工办理' },
  ],
  tabs: queueTabs({}),
  rows: [],
  nextCursor: null,
  loading: true,
  loadingMore: false,
  loadError: '',
};

const pager = createPager<Data, QueuePage>({
  fetch: (page, cursor) =>
    listQueue({ state: page.data.state, query: page.data.query, channel: page.data.channel, cursor }),
  show: (page, answer, first) => ({
    ...listPatch('tabs', page.data.tabs, queueTabs(answer.counts)),
    ...listPatch(
      'rows',
      page.data.rows,
      first ? answer.items.map(queueRow) : appendQueueRows(page.data.rows, answer.items),
    ),
  }),
});
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

    reload(): Promise<void> {
      return pager.reload(this);
    },
    loadMore(): Promise<void> {
      return pager.loadMore(this);
    },

    onTab(event: { currentTarget: { dataset: { state?: unknown } } }): void {
      const state = event.currentTarget.dataset.state;
      if (!isQueueState(state) || state === this.data.state) return;
      this.setData({ state, loading: true, rows: [], nextCursor: null });
      void this.reload();
    },
    onChannel(event: { currentTarget: { dataset: { channel?: unknown } } }): void {
      const channel = event.currentTarget.dataset.channel;
      if ((channel !== '' && channel !== 'wechat' && channel !== 'manual') || channel === this.data.channel)
        return;
      this.setData({ channel, loading: true, rows: [], nextCursor: null });
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
