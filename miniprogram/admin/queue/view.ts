/**
 * The reviewers' queue as rows and tabs. Rows come in the server's order (overdue first, then
 * oldest submission first); an overdue row is marked so it stands out in any tab.
 */
import {
  CLOSED_STATES,
  DUE_STAGES,
  OPEN_STATES,
  STATE_INFO,
  isDueStage,
  kindLabel,
  type FilingState,
  type QueueItem,
  type StateCounts,
} from '@beian/core';
import { applicationRow, type ApplicationRow } from '../../utils/application-row';
import { unseen } from '../../utils/pager';
import { beijingDateTime } from '../../utils/time';

/**
 * The tabs, the states reviewers act on first: the stages with a due date, then those waiting for
 * the filer, then the closed ones. Drafts are left out: they are the filer's own unsubmitted work,
 * with nothing for a reviewer to do.
 */
export const QUEUE_STATES: readonly FilingState[] = [
  ...DUE_STAGES,
  ...OPEN_STATES.filter((state) => !isDueStage(state)),
  ...CLOSED_STATES,
];

export interface QueueTab {
  state: FilingState;
  title: string;
  count: number;
}

export function queueTabs(counts: Partial<StateCounts>): QueueTab[] {
  return QUEUE_STATES.map((state) => {
    const count = counts[state] ?? 0;
    return { state, count, title: `${STATE_INFO[state].label} ${count}` };
  });
}

export interface QueueRow extends ApplicationRow {
  subject: string;
  principal: string;
  kindText: string;
  submitted: string;
  due: string;
  overdue: boolean;
}

export function queueRow(item: QueueItem): QueueRow {
  return {
    ...applicationRow(item, `/admin/review/index?id=${item.id}`),
    subject: item.subjectName || '未填写主体名称',
    // Masked by the server (queue.list); the review page shows them in full, and records who looked.
    principal: [item.principalName, item.principalIdMasked, item.principalMobileMasked]
      .filter((part) => part !== '')
      .join(' '),
    kindText: kindLabel(item.kind, item.cancelScope),
    submitted: beijingDateTime(item.submittedAt),
    due: item.due ? beijingDateTime(item.due.at) : '',
    overdue: item.overdue,
  };
}

/** Appends a page without repeating rows a moved application may bring twice. */
export function appendQueueRows(shown: readonly QueueRow[], page: readonly QueueItem[]): QueueRow[] {
  return [...shown, ...unseen(shown, page).map(queueRow)];
}
