/**
 * The storage port: everything the action maps keep, in the domain's words. Two adapters implement
 * it — `server/sqlite` (better-sqlite3, the local cloud) and `server/cloudbase` (the wx-server-sdk
 * cloud database) — and one contract suite (test/server/store.contract.ts) holds both to it.
 *
 * Writes that must not be lost together go through `commit`: the application (conditional on the
 * version the caller read), its audit event, its outbox messages, the filed record a change or
 * cancellation rewrites, the lock that keeps one open change/cancel per filed record, and the
 * first answer of an idempotent request — all or nothing.
 */
import type {
  AdminRecord,
  Application,
  AuditEvent,
  ChannelKind,
  DueStage,
  FilingState,
  Opening,
  StateCounts,
  SubscribeMessage,
  TemplateRole,
} from '@beian/core';
import type { PlatformRecords } from '../wechat/records';
import type { RecognitionRecords } from './recognitions';

/** How far an outbox message got. `pending` and `sending` are the only non-final states. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'no_consent' | 'rejected' | 'failed';

/** A subscribe message waiting to be sent (or done with), written by the transition that caused it. */
export interface OutboxMessage {
  id: string;
  applicationId: string;
  role: TemplateRole;
  message: SubscribeMessage;
  status: OutboxStatus;
  /** Sends tried so far (a skip is not a try). */
  attempts: number;
  /** When the dispatcher may pick it up next (ISO). */
  nextAttemptAt: string;
  /** While `sending`: until when the claim holds; a dispatcher that died is taken over after it. */
  leaseUntil: string | null;
  /** `errCode errMsg` of the last failed send. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** Incremented by every write: claims and results are conditional on it. */
  rev: number;
}

/** The first answer to an idempotent call (`filing.submit` with a requestId), replayed on retries. */
export interface StoredRequest {
  /** Scoped to the filer: `${owner}:${requestId}`. */
  key: string;
  owner: string;
  applicationId: string;
  /** What the request asked for (see app/idempotency.ts): a retry must ask for the same. */
  fingerprint: string;
  /** The answer's data, as JSON, so a replay is byte-for-byte the first answer. */
  answer: string;
  at: string;
}

/** How long an application spent in a review stage, kept for the stats. */
export interface StageExit {
  applicationId: string;
  stage: DueStage;
  leftAt: string;
  hours: number;
}

/** The one open change/cancel of a filed record (备案记录): acquire on submit, release at the end. */
export interface BaseLock {
  baseId: string;
  holder: string;
  action: 'acquire' | 'release';
}

/**
 * A record number (备案号) given out by an approval, claimed for its record: `holder` is the
 * record's id (a change of that record claims it for the same holder, so keeps its number).
 * A number another record holds refuses the commit.
 */
export interface RecordNumberClaim {
  number: string;
  holder: string;
}

/**
 * A key the cross-record rules compare applications by (`subject:…`, `mobile:…`, `appid:…`) and
 * the revision it had when the related applications were read. The commit that submits bumps each
 * one and is refused when any moved on meanwhile: two submits that share a subject, a mobile or
 * an AppID cannot both pass on what they read before the other landed (docs/domain.md).
 */
export interface KeyGuard {
  key: string;
  rev: number;
}

/** What `relatedFilings` found: the applications that hold a key, and the keys' revisions. */
export interface RelatedFound {
  /** Filed or open (submitted, not finished) applications sharing any of the keys. */
  applications: Application[];
  /** One per key asked for, read before the applications. */
  guards: KeyGuard[];
}

/** The keys one application is looked up by, from core's `relatedKeys`. */
export interface RelatedLookup {
  subjectKey: string;
  mobiles: readonly string[];
  appid: string;
}

export interface Commit {
  application: Application;
  /** The version the caller read; any other version in the store means someone wrote first. */
  expectedVersion: number;
  audit: AuditEvent | null;
  outbox: OutboxMessage[];
  /** A filed record rewritten by a change, or cancelled by a cancellation. */
  base: { application: Application; expectedVersion: number } | null;
  lock: BaseLock | null;
  request: StoredRequest | null;
  stageExit: StageExit | null;
  recordNumber: RecordNumberClaim | null;
  /** The cross-record keys a submit was checked against, at the revisions it read. */
  guards: KeyGuard[];
}

/** A commit that only rewrites the application (a draft save, an overdue flag): no transition effects. */
export function plainWrite(application: Application, expectedVersion: number): Commit {
  return {
    application,
    expectedVersion,
    audit: null,
    outbox: [],
    base: null,
    lock: null,
    request: null,
    stageExit: null,
    recordNumber: null,
    guards: [],
  };
}

export type CommitResult =
  | { ok: true }
  /** The application (or the base) was written by someone else, or the request key was taken. */
  | { ok: false; reason: 'conflict' }
  /** Another change/cancel of the same filed record holds the lock. */
  | { ok: false; reason: 'base_busy'; holder: string }
  /** The record number is another record's. */
  | { ok: false; reason: 'record_number_taken'; holder: string }
  /** A cross-record key moved on since it was read: check again against what is there now. */
  | { ok: false; reason: 'related_changed' };

/** Filters of the reviewers' queue; `after` is the queue key of the last row already shown. */
export interface QueueFilter {
  states: readonly FilingState[];
  overdueOnly: boolean;
  /** A substring of the subject or mini-program name. */
  query: string | null;
  /** One channel's applications only; absent or null for both. */
  channel?: ChannelKind | null;
  after: string | null;
}

/**
 * The port, one interface per aggregate: a module that needs one of them (the dispatcher, the
 * queue) can say so in its types, and an adapter builds each from its own file. `Store` composes
 * them into the one object the deps carry (server/store/compose.ts).
 */

/** An application, what its commit writes with it, and its audit trail: every move goes through here. */
export interface Applications {
  getApplication(id: string): Promise<Application | null>;
  insertApplication(application: Application): Promise<void>;
  /**
   * Inserts a new draft unless its owner would then have more than `maxOpen` drafts open; false
   * (nothing kept) when refused. The count and the insert are one step as far as callers can
   * tell: drafts created at once, by one process or several, never leave more than `maxOpen`.
   */
  insertDraft(application: Application, maxOpen: number): Promise<boolean>;
  commit(commit: Commit): Promise<CommitResult>;
  /** The filer's applications, most recently updated first; `after` is a list key (see keys.ts). */
  listByOwner(owner: string, after: string | null, limit: number): Promise<Application[]>;
  /**
   * The filed and open applications that share the subject, a principal's mobile or the AppID
   * (at most `limit` per key, through an index each), with the keys' revisions read first.
   */
  relatedFilings(lookup: RelatedLookup, limit: number): Promise<RelatedFound>;
  /** The open change/cancel holding a filed record, if any. */
  lockHolder(baseId: string): Promise<string | null>;
  auditOf(applicationId: string): Promise<AuditEvent[]>;
}

/** Reads across applications: the reviewers' queue and stats, the scheduler's sweeps, WeChat's poll. */
export interface Queues {
  /** The queue in queue-key order: overdue first, then by due date, then the rest newest first. */
  queue(filter: QueueFilter, limit: number): Promise<Application[]>;
  countByState(): Promise<StateCounts>;
  countOverdue(): Promise<number>;
  /** Applications in `sms_verification` whose 24-hour window closed at or before `now`. */
  expiredSmsWindows(now: string, limit: number): Promise<Application[]>;
  /** Reviews past their due time that are not flagged overdue yet. */
  unflaggedOverdueReviews(now: string, limit: number): Promise<Application[]>;
  /**
   * WeChat-channel applications waiting on WeChat (face task, sending, WeChat's review), the one
   * checked longest ago first: the poll's batch, so a tick's cost is flat however many there are.
   */
  followed(limit: number): Promise<Application[]>;
  /** The followed applications of one mini-program (a pushed event names only the appid). */
  followedByAppid(appid: string): Promise<Application[]>;
  /** Hours spent in a stage by the latest applications that left it, newest first. */
  recentStageHours(stage: DueStage, limit: number): Promise<number[]>;
}

/** The subscribe messages the commits queued; only the dispatcher moves them on. */
export interface Outbox {
  /** Messages the dispatcher may take now: pending and due, or sending with an expired lease. */
  dueMessages(now: string, limit: number): Promise<OutboxMessage[]>;
  /** Writes `next` only if the stored message still has `expectedRev`; false when someone else did. */
  updateMessage(next: OutboxMessage, expectedRev: number): Promise<boolean>;
  outboxOf(applicationId: string): Promise<OutboxMessage[]>;
}

/** The filers' one-time subscription credits, per template. */
export interface Credits {
  /** One credit per accepted template (WeChat's one-time subscription), each count kept ≤ `max`. */
  addCredits(owner: string, templateIds: readonly string[], max: number): Promise<void>;
  /** Takes one credit if there is one; false when there is none. */
  takeCredit(owner: string, templateId: string): Promise<boolean>;
  /** Gives back a credit taken for a send that WeChat did not deliver. */
  returnCredit(owner: string, templateId: string, max: number): Promise<void>;
  /** WeChat said the filer has no credit (43101): whatever we counted is gone. */
  clearCredit(owner: string, templateId: string): Promise<void>;
  creditsOf(owner: string): Promise<Record<string, number>>;
}

/** The admins list, and who opened which application's review page. */
export interface Reviewers {
  getAdmin(openid: string): Promise<AdminRecord | null>;
  /** Adds, or renames; a `mobile` given replaces the stored one, and one left out keeps it. */
  putAdmin(admin: AdminRecord): Promise<void>;
  removeAdmin(openid: string): Promise<boolean>;
  listAdmins(): Promise<AdminRecord[]>;
  /** Appends an opening of the review page; it touches neither the application nor its audit. */
  recordOpening(opening: Opening): Promise<void>;
  /** The openings of one application, oldest first. */
  openingsOf(applicationId: string): Promise<Opening[]>;
}

/** The first answers of idempotent calls; a commit stores one, a retry reads it back. */
export interface Requests {
  getRequest(key: string): Promise<StoredRequest | null>;
}

/** Everything the action maps keep, as one object: the aggregates above, and the store's own life. */
export interface Store extends Applications, Queues, Outbox, Credits, Reviewers, Requests {
  /** The open-platform channel's own records (tokens, ticket, handled events), kept beside the rest. */
  readonly platform: PlatformRecords;
  /** What was read off each application's certificate photos. */
  readonly recognitions: RecognitionRecords;
  /** Creates what is missing (collections, tables, indexes where possible); names what it created. */
  setup(): Promise<string[]>;
  close(): Promise<void>;
}
