import { listFilings, type FilingPage } from '../../services/filings';
import { createPager } from '../../utils/pager';
import { appendRows, filingRow, type FilingRow } from '../../utils/filings-view';
import { listPatch } from '../../utils/set-data';

/**
 * 我的备案: the filer's applications, newest first, a page at a time (more on reaching the
 * bottom), pull down to refresh, and a way to start when there is nothing yet.
 */

interface Data {
  rows: FilingRow[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  loadError: string;
}

const INITIAL: Data = { rows: [], nextCursor: null, loading: true, loadingMore: false, loadError: '' };

const pager = createPager<Data, FilingPage>({
  fetch: (_page, cursor) => listFilings(cursor),
  show: (page, answer, first) => {
    const rows = answer.items.map(filingRow);
    const next = first ? rows : [...page.data.rows, ...appendRows(page.data.rows, answer.items)];
    return listPatch('rows', page.data.rows, next);
  },
});
const shownOnce = new WeakSet<object>();

Component({
  data: INITIAL,
  methods: {
    onLoad(): void {
      void this.refresh();
    },
    /** Back from a progress page the states may have moved on: read the first page again. */
    onShow(): void {
      if (shownOnce.has(this)) void this.refresh();
      shownOnce.add(this);
    },
    async onPullDownRefresh(): Promise<void> {
      await this.refresh();
      void wx.stopPullDownRefresh();
    },
    onReachBottom(): void {
      void this.loadMore();
    },

    refresh(): Promise<void> {
      return pager.reload(this);
    },
    loadMore(): Promise<void> {
      return pager.loadMore(this);
    },

    onRetry(): void {
      this.setData({ loading: true, loadError: '' });
      void this.refresh();
    },
    onOpen(event: { currentTarget: { dataset: { url?: string } } }): void {
      const url = event.currentTarget.dataset.url;
      if (url) void wx.navigateTo({ url });
    },
    onStart(): void {
      void wx.navigateTo({ url: '/pages/filing-kind/index' });
    },
  },
});
