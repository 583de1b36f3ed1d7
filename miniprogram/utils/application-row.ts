/**
 * The head of a list's row for one application, the same in 我的备案 and the 审核台: its
 * mini-program's name (or that it has none yet), its state on a coloured tag, and where a tap
 * leads. Each list adds its own lines below it.
 */
import type { FilingState } from '@beian/core';
import { stateTag, type StateTag } from './state-tag';

export interface ApplicationRow extends StateTag {
  id: string;
  title: string;
  url: string;
}

interface Listed {
  id: string;
  miniprogramName: string;
  state: FilingState;
}

export function applicationRow(item: Listed, url: string): ApplicationRow {
  return {
    id: item.id,
    title: item.miniprogramName || '未填写小程序名称',
    ...stateTag(item.state),
    url,
  };
}
