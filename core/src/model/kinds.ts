/**
 * What each kind of filing and each cancellation scope is called, once: the kind picker, the form's
 * header, the progress page, the reviewers' desk and the server's messages all read these labels.
 */
import type { CancelScope, FilingKind } from './application';

export interface KindInfo {
  /** 新增备案 / 变更备案 / 注销备案. */
  label: string;
  /** The verb inside a sentence: 「变更备案沿用原备案号」. */
  verb: string;
}

export const KIND_INFO: Readonly<Record<FilingKind, KindInfo>> = {
  new: { label: '新增备案', verb: '新增' },
  change: { label: '变更备案', verb: '变更' },
  cancel: { label: '注销备案', verb: '注销' },
};

export interface CancelScopeInfo {
  /** 注销主体 / 注销小程序 / 取消接入. */
  label: string;
  /** What it removes, in a few words, for a choice list. */
  reach: string;
}

export const CANCEL_SCOPE_INFO: Readonly<Record<CancelScope, CancelScopeInfo>> = {
  subject: { label: '注销主体', reach: '主体及其全部备案' },
  miniprogram: { label: '注销小程序', reach: '仅本小程序' },
  access: { label: '取消接入', reach: '不再由微信接入' },
};

/** Every kind, in the order the kind picker offers them. */
export const FILING_KINDS = Object.keys(KIND_INFO) as readonly FilingKind[];

/** Every cancellation scope, widest first. */
export const CANCEL_SCOPES = Object.keys(CANCEL_SCOPE_INFO) as readonly CancelScope[];

/** The labels as one choice in a sentence: 「新增备案、变更备案或注销备案」. */
function choiceOf(labels: readonly string[]): string {
  const last = labels[labels.length - 1] ?? '';
  return labels.length > 1 ? `${labels.slice(0, -1).join('、')}或${last}` : last;
}

/** 「新增备案、变更备案或注销备案」, for the message that asks for a kind. */
export const KIND_CHOICE = choiceOf(FILING_KINDS.map((kind) => KIND_INFO[kind].label));

/** 「注销主体、注销小程序或取消接入」, for the message that asks for a cancellation scope. */
export const CANCEL_SCOPE_CHOICE = choiceOf(CANCEL_SCOPES.map((scope) => CANCEL_SCOPE_INFO[scope].label));

/** An application's kind in one phrase: a cancellation says what it cancels. */
export function kindLabel(kind: FilingKind, cancelScope: CancelScope | null): string {
  return kind === 'cancel' && cancelScope ? CANCEL_SCOPE_INFO[cancelScope].label : KIND_INFO[kind].label;
}
