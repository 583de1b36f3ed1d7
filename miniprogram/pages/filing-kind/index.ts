import type { ParamsOf } from '@beian/core';
import { createDraft } from '../../services/drafts';
import { listFilings } from '../../services/filings';
import { showFailure } from '../../utils/feedback';
import { LOADING, loadRefused, READY, retryingPage, type Load } from '../../utils/page-load';
import { CANCELLATIONS, NEW_AND_CHANGE, recordRows, titleOf, type Choice, type RecordRow } from './choices';

/**
 * 选择备案类型: 新增, 变更 (from a filed record) or one of the three cancellations. Choosing
 * creates the draft (`draft.create`) and opens the form on it.
 */

/** Enough pages to reach every filed record of one filer, without looping forever on a bad cursor. */
const MAX_PAGES = 10;

async function filedRecords(): Promise<{ rows: RecordRow[]; load: Load }> {
  const rows: RecordRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await listFilings(cursor);
    if (!answer.ok) return { rows, load: loadRefused(answer.error) };
    rows.push(...recordRows(answer.data.items));
    cursor = answer.data.nextCursor;
    if (cursor === null) break;
  }
  return { rows, load: READY };
}

Component({
  // 重试 under a failed read of the records (its pull-down is not enabled: the choices are local).
  behaviors: [retryingPage],
  data: {
    choices: NEW_AND_CHANGE,
    cancellations: CANCELLATIONS,
    /** The change or cancellation waiting for its record; '' while choosing. */
    picking: '' as Choice | '',
    pickingTitle: '',
    records: [] as RecordRow[],
    /** The filed records' read (partials/load-state.wxml under the record picker). */
    load: LOADING as Load,
    creating: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      const { rows, load } = await filedRecords();
      this.setData({ records: rows, load });
    },
    onChoose(event: { currentTarget: { dataset: { choice: Choice } } }) {
      const choice = event.currentTarget.dataset.choice;
      if (choice === 'new') {
        void this.create({ kind: 'new' });
        return;
      }
      this.setData({ picking: choice, pickingTitle: titleOf(choice) });
    },
    onBack() {
      this.setData({ picking: '' });
    },
    onPickRecord(event: { currentTarget: { dataset: { id: string } } }) {
      const choice = this.data.picking;
      if (choice === '' || choice === 'new') return;
      const baseId = event.currentTarget.dataset.id;
      void this.create(
        choice === 'change' ? { kind: 'change', baseId } : { kind: 'cancel', cancelScope: choice, baseId },
      );
    },
    async create(params: ParamsOf<'filing', 'draft.create'>) {
      if (this.data.creating) return;
      this.setData({ creating: true });
      const answer = await createDraft(params);
      if (!answer.ok) {
        this.setData({ creating: false });
        showFailure(answer.error);
        return;
      }
      // The form replaces this page: going back from the form should not offer to create another draft.
      void wx.redirectTo({ url: `/pages/filing-form/index?id=${answer.data.filing.id}` });
    },
  },
});
