/**
 * The views and reports the contract's actions carry (./contract.ts has the actions themselves):
 * kept apart so the contract map reads as one list of actions. Import them from `./contract` or
 * `@beian/core`, which re-export every one.
 */
import type { Actor, Application, CancelScope, DueStage, FilingKind, FilingState } from './model/application';
import type { IsoDate, MaterialKey } from './model/form';
import type { CheckResult } from './result';

/** An application as its filer sees it. */
export type FilingView = Omit<Application, 'owner'>;

/**
 * `authorized`: files through WeChat; `unauthorized`: the links authorize it; `unavailable`: this
 * deployment is not a third-party platform, or WeChat cannot be reached now (`message` says which).
 */
export interface PlatformAuthorization {
  appid: string;
  status: 'authorized' | 'unauthorized' | 'unavailable';
  links: { link: string; mobileLink: string; expiresAt: string } | null;
  message: string;
}

/** One row of a list: no personal data beyond names, so lists are safe to page through. */
export interface FilingSummary {
  id: string;
  kind: FilingKind;
  cancelScope: CancelScope | null;
  state: FilingState;
  version: number;
  subjectName: string;
  miniprogramName: string;
  recordNumber: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  due: Application['due'];
  overdue: boolean;
}

/** A row of the reviewers' queue: personal numbers masked, in full only on the review page. */
export interface QueueItem extends FilingSummary {
  principalName: string;
  /** The subject principal's ID number, masked (`110105********1239`). */
  principalIdMasked: string;
  /** The subject principal's mobile, masked (`138****8000`). */
  principalMobileMasked: string;
}

/** When the current stage is expected to end (working days, Chinese holidays included). */
export interface StageEta {
  stage: DueStage;
  earliest: IsoDate;
  latest: IsoDate;
  /** True when a year without holiday data was counted on plain weekdays. */
  estimated: boolean;
}

/** What the filer can do from the progress page. */
export type FilerAction =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'sms.resend'
  | 'sms.confirm'
  | 'face.retry'
  | 'change'
  | 'cancel'
  | 'subscribe';

/** What the filer must do now, in one sentence, and the actions that fit the state. */
export interface Todo {
  title: string;
  detail: string;
  actions: FilerAction[];
}

/** One item of the materials checklist, and why it is needed. */
export interface MaterialRequirement {
  /** A materials key, or a form path for files that live in a section (e.g. the authorization letter). */
  path: `materials.${MaterialKey}` | string;
  label: string;
  required: boolean;
  reason: string;
  max: number;
  provided: number;
}

export interface CheckReport extends CheckResult {
  materials: MaterialRequirement[];
}

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export type FormPatch = Record<string, unknown>;

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export type StateCounts = Record<FilingState, number>;

export interface DispatchReport {
  sent: number;
  noConsent: number;
  rejected: number;
  retried: number;
  failed: number;
  skipped: number;
}

/**
 * The tick's daily refresh of WeChat's tables: `skipped` (not a platform, or no mini-program has
 * authorized Beian yet), `current` (fetched within 24 h), `refreshed`, or `failed` (the stored
 * tables stay). `version` is the tables the checks use after the tick.
 */
export interface TablesRefreshReport {
  status: 'skipped' | 'current' | 'refreshed' | 'failed';
  version: string;
}

export interface TickReport {
  timedOut: number;
  overdueFlagged: number;
  dispatch: DispatchReport;
  tables: TablesRefreshReport;
}

export interface Stats {
  counts: StateCounts;
  overdue: number;
  /** Median hours spent in each review stage by applications that left it; null without data. */
  medianHours: Record<DueStage, number | null>;
}

export interface AdminRecord {
  openid: string;
  name: string;
  addedAt: string;
  /**
   * The reviewer's own mainland mobile, when registered: an application whose subject or
   * mini-program principal has this mobile is theirs to stay out of (separation of duties).
   */
  mobile?: string;
}

/** Who reviews: an admin, or the operator from the console. */
export type ReviewerActor = Extract<Actor, { kind: 'admin' | 'operator' }>;

/**
 * One opening of an application on the review page, where ID numbers and mobiles show in full:
 * who saw whose personal data, and when. Kept apart from the audit trail of moves (one event per
 * version): opening changes neither the version nor the state.
 */
export interface Opening {
  type: 'opened';
  applicationId: string;
  at: string;
  actor: ReviewerActor;
  /** The state and version the reviewer saw. */
  state: FilingState;
  version: number;
}

/** Credentials of a console, HTTP-API or script call (no OPENID): checked against BEIAN_OPERATOR_KEY. */
export interface OperatorCredentials {
  name: string;
  key: string;
}
