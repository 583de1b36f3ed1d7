/**
 * The kinds of filing a filer can start, each with one line on when to use it and what it does
 * (docs/domain.md § Change, cancel, withdraw), and the filed records a change or a cancellation starts from.
 */
import { CANCEL_SCOPE_INFO, KIND_INFO, type CancelScope, type FilingSummary } from '@beian/core';

/** What the filer picks: a kind, and for a cancellation its scope. */
export type Choice = 'new' | 'change' | CancelScope;

export interface ChoiceView {
  choice: Choice;
  title: string;
  when: string;
}

export const NEW_AND_CHANGE: readonly ChoiceView[] = [
  {
    choice: 'new',
    title: KIND_INFO.new.label,
    when: '小程序还没有备案，或原备案已注销：从头填写主体和小程序信息，首次提交备案。',
  },
  {
    choice: 'change',
    title: KIND_INFO.change.label,
    when: '已备案的主体、负责人、联系方式或服务内容有变化：从备案记录预填，只改变化的部分，原备案号继续有效。',
  },
];

export const CANCELLATIONS: readonly ChoiceView[] = [
  {
    choice: 'subject',
    title: CANCEL_SCOPE_INFO.subject.label,
    when: '主体不再开办任何网站或小程序：主体备案和它名下的全部备案一并注销，不可撤销。',
  },
  {
    choice: 'miniprogram',
    title: CANCEL_SCOPE_INFO.miniprogram.label,
    when: '这个小程序不再运营：只注销这个小程序的备案，主体和其他备案保留，不可撤销。',
  },
  {
    choice: 'access',
    title: CANCEL_SCOPE_INFO.access.label,
    when: '小程序改由其他平台接入、不再通过微信提供服务：取消微信的接入，备案由新的接入平台承接。',
  },
];

export function titleOf(choice: Choice): string {
  return [...NEW_AND_CHANGE, ...CANCELLATIONS].find((view) => view.choice === choice)?.title ?? '';
}

/** A filed record as the picker shows it. */
export interface RecordRow {
  id: string;
  title: string;
  detail: string;
}

/** Only filed first filings are records: a change or a cancellation starts from one of them. */
export function recordRows(items: readonly FilingSummary[]): RecordRow[] {
  return items
    .filter((item) => item.state === 'filed' && item.kind === 'new')
    .map((item) => ({
      id: item.id,
      title: item.miniprogramName || item.subjectName || '未命名小程序',
      detail: [item.subjectName, item.recordNumber].filter((part) => part).join(' · '),
    }));
}
