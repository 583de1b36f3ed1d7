import type { ChannelKind, FilingState } from '@beian/core';
import { listQueue, type QueuePage } from '../services/reviews';
import { createPager, pagedList } from '../../utils/pager';
import { LOADING, reloadingPage, type Load } from '../../utils/page-load';
import { listPatch } from '../../utils/set-data';
import { appendQueueRows, queueRow, queueTabs, QUEUE_STATES, type QueueRow, type QueueTab } from './view';

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
  load: Load;
  loadingMore: boolean;
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
  load: LOADING,
  loadingMore: false,
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
function isQueueState(value: unknown): value is FilingState {
  return typeof value === 'string' && (QUEUE_STATES as readonly string[]).includes(value);
}

/** Back from a review the application has usually moved on: each show reads the tab again. */
Component({
  behaviors: [reloadingPage, pagedList(pager)],
  data: INITIAL,
  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      if (isQueueState(query.state)) this.setData({ state: query.state });
      void this.load();
    },
    load(): Promise<void> {
      return pager.reload(this);
    },

    onTab(event: { currentTarget: { dataset: { state?: unknown } } }): void {
      const state = event.currentTarget.dataset.state;
      if (!isQueueState(state) || state === this.data.state) return;
      this.setData({ state, load: LOADING, rows: [], nextCursor: null });
      void this.load();
    },
    onChannel(event: { currentTarget: { dataset: { channel?: unknown } } }): void {
      const channel = event.currentTarget.dataset.channel;
      if ((channel !== '' && channel !== 'wechat' && channel !== 'manual') || channel === this.data.channel)
        return;
      this.setData({ channel, load: LOADING, rows: [], nextCursor: null });
      void this.load();
    },
    onQueryChange(event: { detail: string }): void {
      this.setData({ query: event.detail });
    },
    /** The query is kept up to date by `change`; the search key only runs it. */
    onSearch(): void {
      this.setData({ load: LOADING });
      void this.load();
    },
    onClearSearch(): void {
      this.setData({ query: '', load: LOADING });
      void this.load();
    },
  },
});
