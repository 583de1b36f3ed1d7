/**
 * The one typed contract between the mini-program and the cloud functions (docs/architecture.md § The contract).
 * The client gateway and the server action maps are both typed from this map, so an action or a
 * field that drifts on one side fails type checking on the other.
 *
 * Every call sends `{ action, ...params }` and receives `Envelope<data>`.
 */
import type {
  Actor,
  Application,
  AuditEvent,
  CancelScope,
  ChannelKind,
  DueStage,
  FilingKind,
  FilingState,
  Reason,
  TimelineEntry,
} from './model/application';
import type { FileId, FilingForm, IsoDate, MaterialKey } from './model/form';
import type { FilingTables } from './data/tables';
import type { CheckResult } from './result';
import type { RelatedFilings } from './rules/related';

/** An application as its filer sees it. */
export type FilingView = Omit<Application, 'owner'>;

/** One row of a list: no personal data beyond names, so lists are safe to page through. */
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

interface Action<P, D> {
  params: P;
  data: D;
}

type Versioned = { id: string; version: number };

export interface Contract {
  filing: {
    /**
     * Who the caller is: the admin area shows only to admins, and uploads go under the filer's own
     * storage prefix `filings/<openid>/`, the only files their applications may reference.
     */
    'session.get': Action<
      Record<string, never>,
      {
        openid: string;
        role: 'filer' | 'admin';
        name: string | null;
        /**
         * The subscribe-message template ids the server sends with (one per role, ≤ 3): the ids the
         * client asks consent for, so a server-side template change needs no client release.
         */
        templateIds: string[];
      }
    >;
    'draft.create': Action<
      { kind: FilingKind; cancelScope?: CancelScope; baseId?: string },
      { filing: FilingView }
    >;
    'draft.save': Action<Versioned & { form?: FilingForm; patch?: FormPatch }, { filing: FilingView }>;
    'filing.check': Action<{ id: string }, CheckReport>;
    'filing.submit': Action<Versioned & { requestId: string }, { filing: FilingView }>;
    'filing.withdraw': Action<Versioned, { filing: FilingView }>;
    'filing.get': Action<
      { id: string },
      { filing: FilingView; timeline: TimelineEntry[]; eta: StageEta | null; todo: Todo }
    >;
    'filing.list': Action<{ cursor?: string; limit?: number }, Page<FilingSummary>>;
    'sms.resend': Action<Versioned, { filing: FilingView }>;
    'sms.confirm': Action<Versioned, { filing: FilingView }>;
    /**
     * WeChat channel: a new face-verification task when the last one failed or lapsed. WeChat
     * sends the mini-program's administrator a new 人脸核身 notice.
     */
    'face.retry': Action<Versioned, { filing: FilingView }>;
    'subscription.record': Action<
      { results: Record<string, SubscribeAnswer> },
      { credits: Record<string, number> }
    >;
    'media.url': Action<{ fileIds: FileId[] }, { urls: Record<FileId, string> }>;
    /**
     * Records that the caller just uploaded this file (`wx.cloud.uploadFile`, then this). Storage
     * rules cannot keep a filer to their own folder, so a form may hold only files that exist and
     * that their filer registered; `field` is the form path the file is for, where a refusal is shown.
     */
    'file.register': Action<{ fileId: FileId; field?: string }, { fileId: FileId }>;
    /**
     * Whether Beian may file through WeChat for this mini-program, and if not yet, the links its
     * administrator opens to authorize Beian (a mini-program cannot open them: the filer copies one).
     */
    'platform.authorization': Action<{ appid: string }, PlatformAuthorization>;
    /**
     * WeChat's enumerations and district tree the server checks against. The client sends the
     * version it holds; `tables` is null when that is current, so a cached copy costs a few bytes.
     */
    'tables.get': Action<{ version?: string }, { version: string; tables: FilingTables | null }>;
  };
  admin: {
    /** Submitted applications only: `state: 'draft'` is a BAD_REQUEST (the queue holds no drafts). */
    'queue.list': Action<
      {
        state?: FilingState;
        overdue?: boolean;
        query?: string;
        /** Only the applications of one channel: filed through WeChat, or recorded by hand. */
        channel?: ChannelKind;
        cursor?: string;
        limit?: number;
      },
      Page<QueueItem> & { counts: StateCounts }
    >;
    'filing.get': Action<
      { id: string },
      {
        filing: Application;
        timeline: TimelineEntry[];
        audit: AuditEvent[];
        /** Every opening of the review page so far, this one last. */
        openings: Opening[];
        media: Record<FileId, string>;
        check: CheckResult;
        /** The subject's other filed and open applications, and its quota used. */
        related: RelatedFilings;
      }
    >;
    'review.approve': Action<Versioned, { filing: Application }>;
    /** WeChat channel: run the sending step (uploads and apply) now, whatever its backoff says. */
    'wechat.retry': Action<Versioned, { filing: Application }>;
    'review.reject': Action<Versioned & { reasons: Reason[] }, { filing: Application }>;
    'sms.record': Action<Versioned, { filing: Application }>;
    'authority.approve': Action<Versioned & { recordNumber: string }, { filing: Application }>;
    'authority.reject': Action<Versioned & { reasons: Reason[] }, { filing: Application }>;
    'stats.get': Action<Record<string, never>, Stats>;
    /** Adds a reviewer, or renames one; a `mobile` given registers (or replaces) theirs. */
    'admins.add': Action<{ openid: string; name: string; mobile?: string }, { admin: AdminRecord }>;
    'admins.remove': Action<{ openid: string }, { removed: boolean }>;
    'admins.list': Action<Record<string, never>, { admins: AdminRecord[] }>;
    /** Operator only: creates the collections (and, where the platform allows, the indexes). */
    'setup.run': Action<
      Record<string, never>,
      {
        created: string[];
        /** Whether this deployment files through WeChat, and which variables are still missing. */
        wechat: { configured: boolean; missingVariables: string[]; message: string };
      }
    >;
  };
  scheduler: {
    tick: Action<Record<string, never>, TickReport>;
  };
}

export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type ParamsOf<F extends FunctionName, A extends ActionName<F>> =
  Contract[F][A] extends Action<infer P, unknown> ? P : never;
export type DataOf<F extends FunctionName, A extends ActionName<F>> =
  Contract[F][A] extends Action<unknown, infer D> ? D : never;

/** What actually crosses the wire for one call. */
export type EventOf<F extends FunctionName, A extends ActionName<F>> = { action: A } & ParamsOf<F, A> & {
    operator?: OperatorCredentials;
  };

export const FUNCTION_NAMES: readonly FunctionName[] = ['filing', 'admin', 'scheduler'];
