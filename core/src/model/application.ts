import type { FilingForm } from './form';

/** 新增/首次备案, 变更备案 (from a filed record), 注销 (of a filed record). */
export type FilingKind = 'new' | 'change' | 'cancel';

/** What a cancellation removes: 注销主体, 注销小程序, 取消接入. */
export type CancelScope = 'subject' | 'miniprogram' | 'access';

/**
 * The states of the review workflow (docs/architecture.md § Workflow). `pre_review`,
 * `pre_rejected`, `face_verification` and `sending` exist only in the WeChat channel: Beian's own
 * pre-review, WeChat's face-verification task, and the upload and apply calls.
 */
export type FilingState =
  | 'draft'
  | 'pre_review'
  | 'pre_rejected'
  | 'face_verification'
  | 'sending'
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
  'pre_review',
  'pre_rejected',
  'face_verification',
  'sending',
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

/**
 * How an application reaches WeChat (docs/wechat-platform.md § Channels): `wechat` when its
 * mini-program has authorized Beian's third-party platform and WeChat has an API for its kind,
 * `manual` otherwise (admins record WeChat's outcomes by hand).
 */
export const CHANNEL_KINDS = ['wechat', 'manual'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Channel {
  kind: ChannelKind;
  /** Why, in the filer's words: shown on the form, the progress page and the review page. */
  reason: string;
}

/** WeChat's face-verification task (人脸核身) of the mini-program principal, as Beian last saw it. */
export interface FaceTask {
  taskId: string;
  status: 'waiting' | 'succeeded' | 'failed' | 'expired';
  createdAt: string;
  /** The administrator must finish within 24 h of the notice. */
  noticeExpiresAt: string;
  /** A finished task is usable at apply for 3 days from creation. */
  expiresAt: string;
}

/** What moves an application; the payload is part of the event so the audit log can replay it. */
export type FilingEvent =
  /** `channel` is decided by the server at each submit; absent, the manual channel. */
  | { type: 'submit'; channel?: Channel }
  | { type: 'withdraw' }
  | { type: 'pre_approve' }
  | { type: 'pre_reject'; reasons: Reason[] }
  /** A face-verification task created, or its status seen changed (not yet succeeded). */
  | { type: 'face_task'; task: FaceTask }
  | { type: 'face_verified'; task: FaceTask }
  /** WeChat accepted the application (`apply_icp_filing`) or the cancellation (`cancel_icp_filing`). */
  | { type: 'wechat_sent' }
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
  | { kind: 'system' }
  /** A change WeChat reported (a pushed event or the reconciliation poll). */
  | { kind: 'wechat' };

export type ActorKind = Actor['kind'];

/**
 * The reviews: Beian's pre-review, the platform's and the authority's. Each is due in working days
 * (`REVIEW_WORKING_DAYS` in workflow/deadlines.ts, keyed by these), and flagged overdue when late.
 */
export const REVIEW_STAGES = [
  'pre_review',
  'platform_review',
  'authority_review',
] as const satisfies readonly FilingState[];

export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** A stage with a due date: a review, or the SMS window (24 hours from the first SMS). */
export type DueStage = ReviewStage | 'sms_verification';

export function isReviewStage(state: FilingState): state is ReviewStage {
  return (REVIEW_STAGES as readonly FilingState[]).includes(state);
}

export function isDueStage(state: FilingState): state is DueStage {
  return state === 'sms_verification' || isReviewStage(state);
}

/** The stages that have a due date, in the order an application passes them. */
export const DUE_STAGES: readonly DueStage[] = FILING_STATES.filter(isDueStage);

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
  /**
   * The channel of the latest submission. Absent (a draft, or an application stored before
   * channels existed) means `manual`: read it with `channelOf`.
   */
  channel?: Channel;
  /** The WeChat channel's progress; absent or null in the manual channel. */
  wechat?: WeChatTrack | null;
}

/** The application's channel kind: `manual` unless a submit chose WeChat. */
export function channelOf(application: Pick<Application, 'channel'>): ChannelKind {
  return application.channel?.kind ?? 'manual';
}

/** One file uploaded with `upload_icp_media`, cached per file and API field. */
export interface MediaUpload {
  file: string;
  /** The API path it fills, e.g. `icp_subject.principal_info.certificate_photo_front`. */
  field: string;
  mediaId: string;
  at: string;
}

/**
 * The last call of the sending step (`apply_icp_filing` or `cancel_icp_filing`) for the current
 * submission. `calling` is written before the call, so a run that died mid-call is never repeated
 * blindly: the next run asks WeChat whether the order exists first.
 */
export interface SendAttempt {
  /** The submission it belongs to (`submittedAt`). */
  submission: string;
  state: 'calling' | 'failed';
  attempts: number;
  at: string;
  /** When the next try may run (backoff after a transient failure). */
  nextAttemptAt: string;
  /** WeChat's answer or the failure, for the admins (never personal data). */
  error: string | null;
}

/** What Beian knows of the application at WeChat. */
export interface WeChatTrack {
  face: FaceTask | null;
  media: MediaUpload[];
  send: SendAttempt | null;
  /** WeChat's status as last read (`get_icp_entrance_info`), null before the first read. */
  status: { status: number; smsVerifyStatus: number | null; isCanceling: boolean } | null;
  /** When Beian last asked WeChat (the poll takes the oldest first). */
  checkedAt: string | null;
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
