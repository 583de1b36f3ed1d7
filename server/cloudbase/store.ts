/**
 * The Store on the wx-server-sdk cloud database (`cloud.database({ throwOnNotFound: false })`).
 *
 * - A commit is one `runTransaction`: only single-document operations (doc get/set/remove and
 *   add), which is all the platform allows inside one. The application's version is read inside
 *   the transaction and the write conflicts with any concurrent write of the same document.
 * - Reads page 100 records at a time; the owner is written explicitly (functions get no `_openid`).
 * - Index fields (owner, state, list and queue keys, …) sit next to the application under `app`,
 *   and are rewritten with it, so every query is a plain range on one indexed field.
 */
import { createHash } from 'node:crypto';
import {
  FILING_STATES,
  REVIEW_STAGES,
  type Application,
  type FilingState,
  type StateCounts,
} from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { indexFields } from '../store/keys';
import { queryTokens } from '../store/search-tokens';
import type {
  Commit,
  CommitResult,
  QueueFilter,
  RecordNumberClaim,
  RelatedFound,
  RelatedLookup,
  Store,
} from '../store/types';
import { isTransactionConflict, type Condition, type Doc, type Transaction } from './db';
import type { RecognitionRecords } from '../store/recognitions';
import type { PlatformRecords } from '../wechat/records';
import { insertDraftWithin } from './drafts';
import { backfillSearchTokens, SEARCH_BACKFILL, searchTokensOf } from './search';
import { CloudbasePlatformRecords } from './platform';
import { CloudbaseRecognitions } from './recognitions';
import { backfillRelatedKeys, bumpGuards, relatedIn } from './related';
import { CloudbaseReviewers } from './reviewers';

/** Transactions tried per commit when the platform reports a conflict. */
const CONFLICT_ATTEMPTS = 3;

class CommitFailure extends Error {
  constructor(readonly result: Exclude<CommitResult, { ok: true }>) {
    super(result.reason);
  }
}

/**
 * The stored form of an application: the document plus the fields its queries filter on, the
 * search tokens among them, so every write derives them again (database/README.md § Search).
 */
export function applicationDoc(application: Application): Record<string, unknown> {
  return { ...indexFields(application), searchTokens: searchTokensOf(application), app: application };
}

function toApplication(doc: Doc): Application {
  return doc.app as Application;
}

export class CloudbaseStore extends CloudbaseReviewers implements Store {
  readonly platform: PlatformRecords = new CloudbasePlatformRecords(this.db);
  readonly recognitions: RecognitionRecords = new CloudbaseRecognitions(this.db);

  /**
   * Creates what is missing, and gives older applications the cross-record fields (related.ts)
   * and the search tokens; a run that rewrote some says how many, and another run does the rest.
   */
  override async setup(): Promise<string[]> {
    const created = await super.setup();
    const tokens = await backfillSearchTokens(this.db);
    const rewritten = await backfillRelatedKeys(this.db);
    const notes = tokens > 0 ? [...created, SEARCH_BACKFILL] : created;
    if (rewritten === 0) return notes;
    return [
      ...notes,
      `${COLLECTIONS.applications}: ${rewritten} 条申请补齐了关联字段，请再运行一次直到不再出现`,
    ];
  }

  async getApplication(id: string): Promise<Application | null> {
    const { data } = await this.db.collection(COLLECTIONS.applications).doc(id).get();
    return data ? toApplication(data) : null;
  }

  async insertApplication(application: Application): Promise<void> {
    await this.db
      .collection(COLLECTIONS.applications)
      .add({ data: { _id: application.id, ...applicationDoc(application) } });
  }

  /** Insert, count, and take back past the cap: the cloud cannot count in a transaction (drafts.ts). */
  async insertDraft(application: Application, maxOpen: number): Promise<boolean> {
    return insertDraftWithin(this.db, () => this.insertApplication(application), application, maxOpen);
  }

  /**
   * One transaction, retried on a lost race: the retry reads the versions again, so it either
   * writes or finds the real conflict. Out of retries, a race is a conflict (CONFLICT to the
   * caller, or a replay for an idempotent request), never an error.
   */
  async commit(commit: Commit): Promise<CommitResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.db.runTransaction(async (tx) => {
          await replace(tx, commit.application, commit.expectedVersion);
          if (commit.base) await replace(tx, commit.base.application, commit.base.expectedVersion);
          if (commit.lock) await applyLock(tx, commit.lock);
          if (commit.recordNumber) await claimRecordNumber(tx, commit.recordNumber);
          if (commit.request) await claimRequest(tx, commit.request);
          if (!(await bumpGuards(tx, commit.guards))) {
            throw new CommitFailure({ ok: false, reason: 'related_changed' });
          }
          await appendRecords(tx, commit);
        });
        return { ok: true };
      } catch (error) {
        if (error instanceof CommitFailure) return error.result;
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= CONFLICT_ATTEMPTS) return { ok: false, reason: 'conflict' };
      }
    }
  }

  async listByOwner(owner: string, after: string | null, limit: number): Promise<Application[]> {
    const pageAfter = (key: string | null) => {
      const condition: Condition = key === null ? { owner } : { owner, listKey: this._.lt(key) };
      return this.db.collection(COLLECTIONS.applications).where(condition).orderBy('listKey', 'desc');
    };
    return (await this.readByKey(pageAfter, after, 'listKey', limit)).map(toApplication);
  }

  /**
   * One read per page of up to 100: a range on `queueKey` (bucket|due|id, on the state_queueKey
   * index) continues after the cursor, and past 100 after the last key read, never with `skip`.
   * A search asks for every token of the query (an indexed array) and checks the exact substring
   * only on those candidates (database/README.md § Search).
   */
  async queue(filter: QueueFilter, limit: number): Promise<Application[]> {
    const base: Condition = { state: this._.in([...filter.states]) };
    if (filter.overdueOnly) base.overdue = true;
    // Stored before channels existed, an application has no `channel`: it is a manual one.
    if (filter.channel) base.channel = filter.channel === 'wechat' ? 'wechat' : this._.neq('wechat');
    const parts: object[] = [];
    if (filter.query) {
      const tokens = queryTokens(filter.query);
      if (tokens.length > 0) parts.push({ searchTokens: this._.all(tokens) });
      const pattern = this.db.RegExp({ regexp: escapeRegExp(filter.query), options: 'i' });
      parts.push(this._.or({ subjectName: pattern }, { miniprogramName: pattern }));
    }
    const pageAfter = (after: string | null) => {
      const condition: Condition = after === null ? base : { ...base, queueKey: this._.gt(after) };
      const where = parts.length > 0 ? this._.and(condition, ...parts) : condition;
      return this.db.collection(COLLECTIONS.applications).where(where).orderBy('queueKey', 'asc');
    };
    return (await this.readByKey(pageAfter, filter.after, 'queueKey', limit)).map(toApplication);
  }

  /** One aggregate, grouped by state: a single request however many states there are. */
  async countByState(): Promise<StateCounts> {
    const { list } = await this.db
      .collection(COLLECTIONS.applications)
      .aggregate()
      .group({ _id: '$state', n: this._.aggregate.sum(1) })
      // Without a limit an aggregate answers 20 results at most; there is one per state.
      .limit(FILING_STATES.length)
      .end();
    const counts = Object.fromEntries(FILING_STATES.map((state) => [state, 0])) as StateCounts;
    for (const { _id, n } of list) {
      if (typeof _id === 'string' && _id in counts) counts[_id as FilingState] = Number(n);
    }
    return counts;
  }

  async countOverdue(): Promise<number> {
    const { total } = await this.db
      .collection(COLLECTIONS.applications)
      .where({ state: this._.in([...REVIEW_STAGES]), overdue: true })
      .count();
    return total;
  }

  async expiredSmsWindows(now: string, limit: number): Promise<Application[]> {
    const query = this.db
      .collection(COLLECTIONS.applications)
      .where({ state: 'sms_verification', dueAt: this._.lte(now) })
      .orderBy('dueAt', 'asc');
    return (await this.readAll(query, limit)).map(toApplication);
  }

  async unflaggedOverdueReviews(now: string, limit: number): Promise<Application[]> {
    const query = this.db
      .collection(COLLECTIONS.applications)
      .where({ state: this._.in([...REVIEW_STAGES]), overdue: false, dueAt: this._.lt(now) })
      .orderBy('dueAt', 'asc');
    return (await this.readAll(query, limit)).map(toApplication);
  }

  async followed(limit: number): Promise<Application[]> {
    // A string bound leaves out the null keys of what is not followed (comparisons are by type).
    const query = this.db
      .collection(COLLECTIONS.applications)
      .where({ followKey: this._.gte('') })
      .orderBy('followKey', 'asc');
    return (await this.readAll(query, limit)).map(toApplication);
  }

  async followedByAppid(appid: string): Promise<Application[]> {
    const query = this.db.collection(COLLECTIONS.applications).where({ followAppid: appid });
    return (await this.readAll(query, 10)).map(toApplication);
  }

  async relatedFilings(lookup: RelatedLookup, limit: number): Promise<RelatedFound> {
    return relatedIn(this.db, (query, max) => this.readAll(query, max), lookup, limit);
  }

  async lockHolder(baseId: string): Promise<string | null> {
    const { data } = await this.db.collection(COLLECTIONS.baseLocks).doc(baseId).get();
    return data ? String(data.holder) : null;
  }

  async close(): Promise<void> {
    // The SDK keeps no connection of ours to close.
  }
}

async function replace(tx: Transaction, application: Application, expectedVersion: number): Promise<void> {
  const ref = tx.collection(COLLECTIONS.applications).doc(application.id);
  const { data } = await ref.get();
  if (!data || data.version !== expectedVersion) throw new CommitFailure({ ok: false, reason: 'conflict' });
  await ref.set({ data: applicationDoc(application) });
}

async function applyLock(tx: Transaction, lock: NonNullable<Commit['lock']>): Promise<void> {
  const ref = tx.collection(COLLECTIONS.baseLocks).doc(lock.baseId);
  const { data } = await ref.get();
  const holder = data ? String(data.holder) : null;
  if (lock.action === 'release') {
    if (holder === lock.holder) await ref.remove();
    return;
  }
  if (holder !== null && holder !== lock.holder) {
    throw new CommitFailure({ ok: false, reason: 'base_busy', holder });
  }
  if (holder === null) await ref.set({ data: { holder: lock.holder } });
}

async function claimRecordNumber(tx: Transaction, claim: RecordNumberClaim): Promise<void> {
  // The number as a document id: hashed, since ids should stay plain ASCII (it holds 京ICP备…).
  const ref = tx
    .collection(COLLECTIONS.recordNumbers)
    .doc(createHash('sha256').update(claim.number).digest('hex'));
  const { data } = await ref.get();
  const holder = data ? String(data.holder) : null;
  if (holder !== null && holder !== claim.holder) {
    throw new CommitFailure({ ok: false, reason: 'record_number_taken', holder });
  }
  if (holder === null) await ref.set({ data: { number: claim.number, holder: claim.holder } });
}

async function claimRequest(tx: Transaction, request: NonNullable<Commit['request']>): Promise<void> {
  const ref = tx.collection(COLLECTIONS.requests).doc(request.key);
  const { data } = await ref.get();
  if (data) throw new CommitFailure({ ok: false, reason: 'conflict' });
  const { key: _key, ...fields } = request;
  await ref.set({ data: { ...fields } });
}

async function appendRecords(tx: Transaction, commit: Commit): Promise<void> {
  if (commit.audit) {
    // The application's new version orders its audit trail (two events may share a timestamp).
    await tx
      .collection(COLLECTIONS.audit)
      .add({ data: { ...commit.audit, version: commit.application.version } });
  }
  for (const { id, ...message } of commit.outbox) {
    await tx.collection(COLLECTIONS.outbox).add({ data: { _id: id, ...message } });
  }
  if (commit.stageExit) await tx.collection(COLLECTIONS.stageExits).add({ data: { ...commit.stageExit } });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
