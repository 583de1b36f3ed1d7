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
import { stateTagType, type TagType } from '../../utils/state-tag';
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

export interface QueueRow {
  id: string;
  title: string;
  subject: string;
  principal: string;
  kindText: string;
  stateLabel: string;
  tagType: TagType;
  submitted: string;
  due: string;
  overdue: boolean;
  url: string;
}

export function queueRow(item: QueueItem): QueueRow {
  return {
    id: item.id,
    title: item.miniprogramName || '未填写小程序名称',
    subject: item.subjectName || '未填写主体名称',
    // Masked by the server (queue.list); the review page shows them in full, and records who looked.
    principal: [item.principalName, item.principalIdMasked, item.principalMobileMasked]
      .filter((part) => part !== '')
      .join(' '),
    kindText: kindLabel(item.kind, item.cancelScope),
    stateLabel: STATE_INFO[item.state].label,
    tagType: stateTagType(item.state),
    submitted: beijingDateTime(item.submittedAt),
    due: item.due ? beijingDateTime(item.due.at) : '',
    overdue: item.overdue,
    url: `/admin/review/index?id=${item.id}`,
  };
}

/** Appends a page without repeating rows a moved application may bring twice. */
export function appendQueueRows(shown: readonly QueueRow[], page: readonly QueueItem[]): QueueRow[] {
  const seen = new Set(shown.map((row) => row.id));
  return [...shown, ...page.filter((item) => !seen.has(item.id)).map(queueRow)];
}
