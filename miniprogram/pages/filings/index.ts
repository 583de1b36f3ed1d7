import { listFilings } from '../../services/filings';
import { showFailure } from '../../utils/feedback';
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

/** Answers of an older refresh are dropped: pulling down twice must not interleave two lists. */
const generations = new WeakMap<object, number>();
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

    async refresh(): Promise<void> {
      const generation = (generations.get(this) ?? 0) + 1;
      generations.set(this, generation);
      const answer = await listFilings(null);
      if (generations.get(this) !== generation) return;
      if (!answer.ok) {
        showFailure(answer.error);
        this.setData({ loading: false, loadingMore: false, loadError: answer.error.message });
        return;
      }
      const rows = answer.data.items.map(filingRow);
      this.setData({
        ...listPatch('rows', this.data.rows, rows),
        nextCursor: answer.data.nextCursor,
        loading: false,
        loadingMore: false,
        loadError: '',
      });
    },

    async loadMore(): Promise<void> {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.loading) return;
      const generation = generations.get(this) ?? 0;
      this.setData({ loadingMore: true });
      const answer = await listFilings(cursor);
      if (generations.get(this) !== generation) return;
      if (!answer.ok) {
        showFailure(answer.error);
        this.setData({ loadingMore: false });
        return;
      }
      const rows = [...this.data.rows, ...appendRows(this.data.rows, answer.data.items)];
      this.setData({
        ...listPatch('rows', this.data.rows, rows),
        nextCursor: answer.data.nextCursor,
        loadingMore: false,
      });
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
