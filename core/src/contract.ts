/**
 * The one typed contract between the mini-program and the cloud functions (docs/architecture.md § The contract).
 * The client gateway and the server action maps are both typed from this map, so an action or a
 * field that drifts on one side fails type checking on the other.
 *
 * Every call sends `{ action, ...params }` and receives `Envelope<data>`. The views and reports
 * the actions carry are in ./contract-types.ts, re-exported here.
 */
import type {
  Application,
  AuditEvent,
  CancelScope,
  ChannelKind,
  FilingKind,
  FilingState,
  Reason,
  TimelineEntry,
} from './model/application';
import type { FileId, FilingForm } from './model/form';
import type { CertificateFacts, Recognition, RecognizedValues } from './model/recognition';
import type { FilingTables } from './data/tables';
import type { CheckResult } from './result';
import type { RelatedFilings } from './rules/related';
import type {
  AdminRecord,
  CheckReport,
  FilingSummary,
  FilingView,
  FormPatch,
  Opening,
  OperatorCredentials,
  Page,
  PlatformAuthorization,
  QueueItem,
  StageEta,
  StateCounts,
  Stats,
  SubscribeAnswer,
  TickReport,
  Todo,
} from './contract-types';

export type * from './contract-types';

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
      {
        filing: FilingView;
        timeline: TimelineEntry[];
        eta: StageEta | null;
        todo: Todo;
        /** What was read off the certificate photos (certificate.recognize), oldest first. */
        recognitions: Recognition[];
      }
    >;
    'filing.list': Action<{ cursor?: string; limit?: number }, Page<FilingSummary>>;
    'sms.resend': Action<Versioned, { filing: FilingView }>;
    'sms.confirm': Action<Versioned, { filing: FilingView }>;
    /**
     * WeChat channel: a new face-verification task when the last one failed or lapsed. WeChat
     * sends the mini-program's administrator a new 人脸核身 notice.
     */
    'face.retry': Action<Versioned, { filing: FilingView }>;
    /**
     * Reads a saved certificate photo (`field`: its form path, e.g.
     * `subject.principal.certificate.photoFront`; the side follows from the path). `values` maps
     * what was read onto form paths for the page to offer; `facts` is all that was read. The
     * reading is kept with the application (not in the form, so the version does not change) and
     * the checks compare the typed form with it. Recognition unavailable (quota, an unverified
     * account) is UNAVAILABLE; an unreadable photo or the wrong side is VALIDATION at `field`.
     */
    'certificate.recognize': Action<
      { id: string; field: string },
      { values: RecognizedValues; facts: CertificateFacts; recognition: Recognition }
    >;
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
        /** What was read off the certificate photos, to show beside them; `check` compares with it. */
        recognitions: Recognition[];
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
