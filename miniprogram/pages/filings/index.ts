import { listFilings, type FilingPage } from '../../services/filings';
import { createPager, pagedList } from '../../utils/pager';
import { appendRows, filingRow, type FilingRow } from './view';
import { LOADING, reloadingPage, type Load } from '../../utils/page-load';
import { listPatch } from '../../utils/set-data';

/**
 * 我的备案: the filer's applications, newest first, a page at a time (more on reaching the
 * bottom), pull down to refresh, and a way to start when there is nothing yet.
 */

interface Data {
  rows: FilingRow[];
  nextCursor: string | null;
  load: Load;
  loadingMore: boolean;
}

const INITIAL: Data = { rows: [], nextCursor: null, load: LOADING, loadingMore: false };

const pager = createPager<Data, FilingPage>({
  fetch: (_page, cursor) => listFilings(cursor),
  show: (page, answer, first) => {
    const rows = answer.items.map(filingRow);
    const next = first ? rows : [...page.data.rows, ...appendRows(page.data.rows, answer.items)];
    return listPatch('rows', page.data.rows, next);
  },
});

/** Back from a progress page the states may have moved on: each show reads the first page again. */
Component({
  behaviors: [reloadingPage, pagedList(pager)],
  data: INITIAL,
  methods: {
    onLoad(): void {
      void this.load();
    },
    load(): Promise<void> {
      return pager.reload(this);
    },
    onStart(): void {
      void wx.navigateTo({ url: '/pages/filing-kind/index' });
    },
  },
});
