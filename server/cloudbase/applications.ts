/**
 * Applications on the wx-server-sdk cloud database (`cloud.database({ throwOnNotFound: false })`).
 *
 * - A commit is one `runTransaction`: only single-document operations (doc get/set/remove and
 *   add), which is all the platform allows inside one. The application's version is read inside
 *   the transaction and the write conflicts with any concurrent write of the same document. The
 *   commit writes the other aggregates' documents too (outbox, requests) in the same transaction.
 * - The owner is written explicitly (functions get no `_openid`).
 * - Index fields (owner, state, list and queue keys, …) sit next to the application under `app`,
 *   and are rewritten with it, so every query is a plain range on one indexed field.
 */
import { createHash } from 'node:crypto';
import type { Application, AuditEvent } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { indexFields } from '../store/keys';
import type { Applications, Commit, CommitResult, RecordNumberClaim } from '../store/types';
import { isTransactionConflict, type CloudDatabase, type Condition, type Doc, type Transaction } from './db';
import { insertDraftWithin } from './drafts';
import { readAll, readByKey } from './reads';
import { bumpGuards, relatedIn } from './related';
import { claimRequest } from './requests';
import { searchTokensOf } from './search';

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

export function toApplication(doc: Doc): Application {
  return doc.app as Application;
}

export function cloudbaseApplications(db: CloudDatabase): Applications {
  const insertApplication = async (application: Application): Promise<void> => {
    await db
      .collection(COLLECTIONS.applications)
      .add({ data: { _id: application.id, ...applicationDoc(application) } });
  };

  return {
    async getApplication(id) {
      const { data } = await db.collection(COLLECTIONS.applications).doc(id).get();
      return data ? toApplication(data) : null;
    },

    insertApplication,

    /** Insert, count, and take back past the cap: the cloud cannot count in a transaction (drafts.ts). */
    async insertDraft(application, maxOpen) {
      return insertDraftWithin(db, () => insertApplication(application), application, maxOpen);
    },

    /**
     * One transaction, retried on a lost race: the retry reads the versions again, so it either
     * writes or finds the real conflict. Out of retries, a race is a conflict (CONFLICT to the
     * caller, or a replay for an idempotent request), never an error.
     */
    async commit(commit) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await db.runTransaction((tx) => applyCommit(tx, commit));
          return { ok: true };
        } catch (error) {
          if (error instanceof CommitFailure) return error.result;
          if (!isTransactionConflict(error)) throw error;
          if (attempt >= CONFLICT_ATTEMPTS) return { ok: false, reason: 'conflict' };
        }
      }
    },

    async listByOwner(owner, after, limit) {
      const pageAfter = (key: string | null) => {
        const condition: Condition = key === null ? { owner } : { owner, listKey: db.command.lt(key) };
        return db.collection(COLLECTIONS.applications).where(condition).orderBy('listKey', 'desc');
      };
      return (await readByKey(pageAfter, after, 'listKey', limit)).map(toApplication);
    },

    async relatedFilings(lookup, limit) {
      return relatedIn(db, readAll, lookup, limit);
    },

    async lockHolder(baseId) {
      const { data } = await db.collection(COLLECTIONS.baseLocks).doc(baseId).get();
      return data ? String(data.holder) : null;
    },

    async auditOf(applicationId) {
      const query = db.collection(COLLECTIONS.audit).where({ applicationId }).orderBy('version', 'asc');
      const found = await readAll(query, 10_000);
      return found.map((doc) => {
        const event: Record<string, unknown> = { ...doc };
        delete event._id;
        delete event.version;
        return event as unknown as AuditEvent;
      });
    },
  };
}

async function applyCommit(tx: Transaction, commit: Commit): Promise<void> {
  await replace(tx, commit.application, commit.expectedVersion);
  if (commit.base) await replace(tx, commit.base.application, commit.base.expectedVersion);
  if (commit.lock) await applyLock(tx, commit.lock);
  if (commit.recordNumber) await claimRecordNumber(tx, commit.recordNumber);
  if (commit.request && !(await claimRequest(tx, commit.request))) {
    throw new CommitFailure({ ok: false, reason: 'conflict' });
  }
  if (!(await bumpGuards(tx, commit.guards))) {
    throw new CommitFailure({ ok: false, reason: 'related_changed' });
  }
  await appendRecords(tx, commit);
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
