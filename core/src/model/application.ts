import type { FilingForm } from './form';

/** 新增/首次备案, 变更备案 (from a filed record), 注销 (of a filed record). */
export type FilingKind = 'new' | 'change' | 'cancel';

/** What a cancellation removes: 注销主体, 注销小程序, 取消接入. */
export type CancelScope = 'subject' | 'miniprogram' | 'access';

/** The states of the review workflow (DESIGN.md § Workflow). */
export type FilingState =
  | 'draft'
  | 'platform_review'
  | 'platform_rejected'
  | 'sms_verification'
  | 'sms_timeout'
  | 'authority_review'
  | 'authority_rejected'
  | 'filed'
  | 'withdrawn'
  | 'cancelled';

export const FILING_STATES: readonly FilingState[] = [
  'draft',
  'platform_review',
  'platform_rejected',
  'sms_verification',
  'sms_timeout',
  'authority_review',
  'authority_rejected',
  'filed',
  'withdrawn',
  'cancelled',
];

/**
 * A field-level rejection reason, in the shape WeChat's own filing API returns (`audit_data`):
 * `field` is a form path such as `subject.principal.mobile`.
 */
export interface Reason {
  field: string;
  error: string;
  suggest: string;
}

/** What moves an application; the payload is part of the event so the audit log can replay it. */
export type FilingEvent =
  | { type: 'submit' }
  | { type: 'withdraw' }
  | { type: 'platform_approve' }
  | { type: 'platform_reject'; reasons: Reason[] }
  | { type: 'sms_resend' }
  | { type: 'sms_verified' }
  | { type: 'sms_timeout' }
  | { type: 'authority_approve'; recordNumber: string }
  | { type: 'authority_reject'; reasons: Reason[] };

export type FilingEventType = FilingEvent['type'];

/** Who does something. Identity comes from the WeChat context, never from the event. */
export type Actor =
  | { kind: 'filer'; openid: string }
  | { kind: 'admin'; openid: string; name: string }
  | { kind: 'operator'; name: string }
  | { kind: 'system' };

export type ActorKind = Actor['kind'];

/** The stages that have a due date, in the order an application passes them. */
export const DUE_STAGES = ['platform_review', 'sms_verification', 'authority_review'] as const;

export type DueStage = (typeof DUE_STAGES)[number];

export interface Due {
  stage: DueStage;
  /** ISO time (UTC). For reviews, the end of the last allowed working day in Beijing time. */
  at: string;
}

/** One stage of an application's life, for the progress page. */
export interface TimelineEntry {
  state: FilingState;
  startedAt: string;
  /** null while the application is still in this state. */
  endedAt: string | null;
}

/** The MIIT SMS check (工信部短信核验) of the current submission. */
export interface SmsCheck {
  /** When the first SMS went out: the 24-hour window runs from here. */
  firstSentAt: string;
  /** Resends used (at most one). */
  resends: number;
}

/**
 * One application (备案申请). A filed `new` application is also the filing record (备案记录)
 * that later `change` and `cancel` applications start from (`baseId`).
 */
export interface Application {
  id: string;
  /** The filer's OPENID. */
  owner: string;
  kind: FilingKind;
  /** Only for `cancel`. */
  cancelScope: CancelScope | null;
  /** The filed record a `change` or `cancel` starts from. */
  baseId: string | null;
  state: FilingState;
  /** Incremented by every write; a write with a stale version is refused (CONFLICT). */
  version: number;
  form: FilingForm;
  createdAt: string;
  updatedAt: string;
  /** The latest submission. */
  submittedAt: string | null;
  due: Due | null;
  /** When the scheduler flagged the current review overdue (null when not overdue). */
  overdueSince: string | null;
  sms: SmsCheck | null;
  /** Reasons of the latest rejection, shown at their fields until the next submission. */
  reasons: Reason[];
  /** 备案号, once filed (kept through changes). */
  recordNumber: string | null;
  timeline: TimelineEntry[];
}

/** An entry of the append-only audit trail: one per transition. */
export interface AuditEvent {
  applicationId: string;
  at: string;
  actor: Actor;
  event: FilingEvent;
  from: FilingState;
  to: FilingState;
  /** The idempotency key of the call that caused it, when there was one. */
  requestId: string | null;
}
