/**
 * One row of 我的备案 per application: what it is, where it stands (a coloured tag) and where a
 * tap leads — a draft back into the form, anything submitted to its progress page. Its head is
 * the 审核台's too (utils/application-row.ts).
 */
import { kindLabel, type FilingSummary } from '@beian/core';
import { formUrl } from '../progress/view';
import { applicationRow, type ApplicationRow } from '../../utils/application-row';
import { unseen } from '../../utils/pager';
import { beijingDateTime } from '../../utils/time';

export interface FilingRow extends ApplicationRow {
  subtitle: string;
  updated: string;
  recordNumber: string;
}

export function filingRow(summary: FilingSummary): FilingRow {
  const url = summary.state === 'draft' ? formUrl(summary.id) : `/pages/progress/index?id=${summary.id}`;
  return {
    ...applicationRow(summary, url),
    subtitle: `${kindLabel(summary.kind, summary.cancelScope)} · ${summary.subjectName || '未填写主体名称'}`,
    updated: beijingDateTime(summary.updatedAt),
    recordNumber: summary.recordNumber ?? '',
  };
}

/** The rows a later page adds, without those already shown (`unseen`). */
export function appendRows(shown: readonly FilingRow[], page: readonly FilingSummary[]): FilingRow[] {
  return unseen(shown, page).map(filingRow);
}
