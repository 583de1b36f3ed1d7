/**
 * How WeChat's side of one appid's filing moves after apply, driven by the development route
 * `POST /_/wechat/icp/<appid>/review`:
 *
 *   2 平台审核中 ── platform_approve → 4 + sms 1 (等待短信核验) ── sms_verified → 4 + sms 2 (管局审核中)
 *     └ platform_reject → 3                          └ sms_timeout → 4 + sms 3
 *   4 + sms 2 ── authority_approve → 6 已备案 (record number issued) · authority_reject → 5
 *
 * A filed appid that asked for cancellation (`is_canceling`) has its own three outcomes: the MIIT
 * SMS ignored (sms_timeout) aborts it, the authority refuses it (authority_reject), or completes it
 * (authority_approve): the record is gone and the appid is 1024 未备案 again.
 */
import type { AuditItem } from '../../server/wechat/api';
import type { OrderState } from './state';

export const OUTCOMES = [
  'platform_approve',
  'platform_reject',
  'sms_verified',
  'sms_timeout',
  'authority_approve',
  'authority_reject',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STATUS = {
  platformReview: 2,
  platformRejected: 3,
  authorityReview: 4,
  authorityRejected: 5,
  filed: 6,
  unfiled: 1024,
} as const;

/** What a rejection carries when the route is given no auditData. */
export const DEFAULT_AUDIT: readonly AuditItem[] = [
  { key_name: '备案信息', error: '审核未通过', suggest: '请按审核意见修改后重新提交' },
];

interface Move {
  /** The state this outcome applies in, in words, for the refusal. */
  when: string;
  applies(order: OrderState): boolean;
  apply(order: OrderState, auditData: readonly AuditItem[], issue: () => RecordNumbers): void;
}

export interface RecordNumbers {
  subjectRecordNumber: string;
  recordNumber: string;
}

const awaiting = (order: OrderState, sms: number): boolean =>
  order.status === STATUS.authorityReview && order.smsVerifyStatus === sms;

const MOVES: Record<Outcome, Move> = {
  platform_approve: {
    when: '平台审核中（status 2）',
    applies: (order) => order.status === STATUS.platformReview,
    apply: (order) => set(order, STATUS.authorityReview, 1),
  },
  platform_reject: {
    when: '平台审核中（status 2）',
    applies: (order) => order.status === STATUS.platformReview,
    apply: (order, audit) => set(order, STATUS.platformRejected, 0, audit),
  },
  sms_verified: {
    when: '等待短信核验（status 4，sms_verify_status 1）',
    applies: (order) => awaiting(order, 1),
    apply: (order) => set(order, STATUS.authorityReview, 2),
  },
  sms_timeout: {
    when: '等待短信核验（status 4，sms_verify_status 1），或注销备案中',
    applies: (order) => awaiting(order, 1) || order.isCanceling,
    apply: (order) =>
      order.isCanceling ? void (order.isCanceling = false) : set(order, STATUS.authorityReview, 3),
  },
  authority_approve: {
    when: '管局审核中（status 4，sms_verify_status 2），或注销备案中',
    applies: (order) => awaiting(order, 2) || order.isCanceling,
    apply: (order, _audit, issue) => (order.isCanceling ? cancelled(order) : filed(order, issue())),
  },
  authority_reject: {
    when: '管局审核中（status 4，sms_verify_status 2），或注销备案中',
    applies: (order) => awaiting(order, 2) || order.isCanceling,
    apply: (order, audit) =>
      order.isCanceling ? void (order.isCanceling = false) : set(order, STATUS.authorityRejected, 0, audit),
  },
};

/** Moves the order, or answers why the outcome does not apply now. */
export function review(
  order: OrderState,
  outcome: Outcome,
  auditData: readonly AuditItem[] | undefined,
  issue: () => RecordNumbers,
): string | null {
  const move = MOVES[outcome];
  if (!move.applies(order)) return `${outcome} 只能用于${move.when}；该小程序当前为${describe(order)}。`;
  move.apply(order, auditData && auditData.length > 0 ? auditData : DEFAULT_AUDIT, issue);
  return null;
}

export function describe(order: OrderState): string {
  if (order.isCanceling) return '注销备案中';
  switch (order.status) {
    case STATUS.platformReview:
      return '平台审核中（status 2）';
    case STATUS.platformRejected:
      return '平台审核驳回（status 3）';
    case STATUS.authorityReview:
      return `管局审核中（status 4，sms_verify_status ${order.smsVerifyStatus}）`;
    case STATUS.authorityRejected:
      return '管局审核驳回（status 5）';
    case STATUS.filed:
      return '已备案（status 6）';
    default:
      return `未备案（status ${order.status}）`;
  }
}

function set(order: OrderState, status: number, sms: 0 | 1 | 2 | 3, audit: readonly AuditItem[] = []): void {
  order.status = status;
  order.smsVerifyStatus = sms;
  order.auditData = [...audit];
}

function filed(order: OrderState, numbers: RecordNumbers): void {
  set(order, STATUS.filed, 0);
  if (order.application) order.filed = { application: order.application, ...numbers };
}

function cancelled(order: OrderState): void {
  set(order, STATUS.unfiled, 0);
  order.isCanceling = false;
  order.application = null;
  order.filed = null;
}
