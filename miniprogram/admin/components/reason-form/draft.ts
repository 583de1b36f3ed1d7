/**
 * The rejection reasons a reviewer is writing, before they are sent: each names a field (picked by
 * its label), what is wrong, and optionally what to do. Nothing is sent while a reason lacks its
 * field or its error, and a rejection without any reason cannot be sent at all.
 */
import type { Reason } from '@beian/core';

export interface FieldOption {
  path: string;
  label: string;
}

export interface ReasonDraft {
  /** Stable list key while reasons are added and removed. */
  key: number;
  field: string;
  label: string;
  error: string;
  suggest: string;
  /** Why this reason cannot be sent yet ('' when it can). */
  problem: string;
}

let nextKey = 1;

export function blankReason(field: FieldOption | null = null): ReasonDraft {
  const key = nextKey++;
  return { key, field: field?.path ?? '', label: field?.label ?? '', error: '', suggest: '', problem: '' };
}

export type ReasonCheck =
  { ok: true; reasons: Reason[] } | { ok: false; message: string; drafts: ReasonDraft[] };

export function checkReasons(drafts: readonly ReasonDraft[]): ReasonCheck {
  if (drafts.length === 0) return { ok: false, message: '请至少填写一条驳回原因。', drafts: [] };
  const checked = drafts.map((draft) => ({ ...draft, problem: problemOf(draft) }));
  if (checked.some((draft) => draft.problem !== '')) {
    return { ok: false, message: '有驳回原因未填完整，请按提示补全。', drafts: checked };
  }
  return {
    ok: true,
    reasons: checked.map((draft) => ({
      field: draft.field,
      error: draft.error.trim(),
      suggest: draft.suggest.trim(),
    })),
  };
}

function problemOf(draft: ReasonDraft): string {
  if (!draft.field) return '请选择有问题的字段';
  if (!draft.error.trim()) return '请写明问题所在';
  return '';
}
