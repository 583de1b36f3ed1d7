/**
 * One row of 我的备案 per application: what it is, where it stands (a coloured tag) and where a
 * tap leads — a draft back into the form, anything submitted to its progress page.
 */
import { STATE_INFO, kindLabel, type FilingSummary } from '@beian/core';
import { formUrl } from '../progress/view';
import { stateTagType, type TagType } from '../../utils/state-tag';
import { beijingDateTime } from '../../utils/time';

export interface FilingRow {
  id: string;
  title: string;
  subtitle: string;
  stateLabel: string;
  tagType: TagType;
  updated: string;
  recordNumber: string;
  url: string;
}

export function filingRow(summary: FilingSummary): FilingRow {
  return {
    id: summary.id,
    title: summary.miniprogramName || '未填写小程序名称',
    subtitle: `${kindLabel(summary.kind, summary.cancelScope)} · ${summary.subjectName || '未填写主体名称'}`,
    stateLabel: STATE_INFO[summary.state].label,
    tagType: stateTagType(summary.state),
    updated: beijingDateTime(summary.updatedAt),
    recordNumber: summary.recordNumber ?? '',
    url: summary.state === 'draft' ? formUrl(summary.id) : `/pages/progress/index?id=${summary.id}`,
  };
}

/**
 * Appends a page, skipping rows already shown: an application updated between two page loads may
 * move up into a page that was already read and come again in the next.
 */
export function appendRows(shown: readonly FilingRow[], page: readonly FilingSummary[]): FilingRow[] {
  const seen = new Set(shown.map((row) => row.id));
  return page.filter((item) => !seen.has(item.id)).map(filingRow);
}
