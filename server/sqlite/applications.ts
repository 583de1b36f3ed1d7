/**
 * Applications on better-sqlite3. A commit is one sqlite transaction (all or nothing) and every
 * conditional write checks `changes`, so two writers with the same version cannot both succeed —
 * even across processes, because WAL mode serialises writers on the file. The commit writes the
 * other aggregates' rows too (outbox, requests), through their own modules' statements.
 */
import type Database from 'better-sqlite3';
import type { Application, AuditEvent } from '@beian/core';
import type { Applications, Commit, CommitResult, RecordNumberClaim } from '../store/types';
import { insertDraftWithin } from './drafts';
import { insertMessage } from './outbox';
import { bumpGuards, relatedWithin } from './related';
import { insertRequest } from './requests';
import {
  applicationRow,
  docs,
  INSERT_APPLICATION,
  parse,
  REPLACE_APPLICATION,
  rowOf,
  type Row,
} from './rows';

class CommitFailure extends Error {
  constructor(readonly result: Exclude<CommitResult, { ok: true }>) {
    super(result.reason);
  }
}

export function sqliteApplications(db: Database.Database): Applications {
  return {
    async getApplication(id) {
      const row = rowOf(db, 'SELECT doc FROM applications WHERE id = ?', id);
      return row ? parse<Application>(row.doc) : null;
    },

    async insertApplication(application) {
      db.prepare(INSERT_APPLICATION).run(applicationRow(application));
    },

    async insertDraft(application, maxOpen) {
      return insertDraftWithin(db, application, maxOpen);
    },

    async commit(commit) {
      try {
        // IMMEDIATE: take the write lock at BEGIN, where busy_timeout can wait for another process.
        // A deferred transaction that must upgrade to writing fails at once (SQLITE_BUSY) instead.
        db.transaction(() => applyCommit(db, commit)).immediate();
        return { ok: true };
      } catch (error) {
        if (error instanceof CommitFailure) return error.result;
        if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
        throw error;
      }
    },

    async listByOwner(owner, after, limit) {
      const rows = db
        .prepare(
          `SELECT doc FROM applications WHERE owner = ? AND list_key < ? ORDER BY list_key DESC LIMIT ?`,
        )
        .all(owner, after ?? '\uffff', limit) as Row[];
      return docs<Application>(rows);
    },

    async relatedFilings(lookup, limit) {
      return relatedWithin(db, lookup, limit);
    },

    async lockHolder(baseId) {
      const row = rowOf(db, 'SELECT holder FROM base_locks WHERE base_id = ?', baseId);
      return row ? String(row.holder) : null;
    },

    async auditOf(applicationId) {
      const rows = db
        .prepare('SELECT doc FROM audit WHERE application_id = ? ORDER BY seq')
        .all(applicationId) as Row[];
      return docs<AuditEvent>(rows);
    },
  };
}

function applyCommit(db: Database.Database, commit: Commit): void {
  replaceApplication(db, commit.application, commit.expectedVersion);
  if (commit.base) replaceApplication(db, commit.base.application, commit.base.expectedVersion);
  if (commit.lock) applyLock(db, commit.lock);
  if (commit.recordNumber) claimRecordNumber(db, commit.recordNumber);
  if (!bumpGuards(db, commit.guards)) throw new CommitFailure({ ok: false, reason: 'related_changed' });
  if (commit.request) insertRequest(db, commit.request);
  if (commit.audit) {
    db.prepare('INSERT INTO audit (application_id, at, doc) VALUES (?, ?, ?)').run(
      commit.audit.applicationId,
      commit.audit.at,
      JSON.stringify(commit.audit),
    );
  }
  for (const message of commit.outbox) insertMessage(db, message);
  if (commit.stageExit) {
    const e = commit.stageExit;
    db.prepare('INSERT INTO stage_exits (application_id, stage, left_at, hours) VALUES (?, ?, ?, ?)').run(
      e.applicationId,
      e.stage,
      e.leftAt,
      e.hours,
    );
  }
}

function replaceApplication(db: Database.Database, application: Application, expectedVersion: number): void {
  const { changes } = db
    .prepare(REPLACE_APPLICATION)
    .run({ ...applicationRow(application), expected_version: expectedVersion });
  if (changes !== 1) throw new CommitFailure({ ok: false, reason: 'conflict' });
}

function applyLock(db: Database.Database, lock: NonNullable<Commit['lock']>): void {
  if (lock.action === 'release') {
    db.prepare('DELETE FROM base_locks WHERE base_id = ? AND holder = ?').run(lock.baseId, lock.holder);
    return;
  }
  const held = rowOf(db, 'SELECT holder FROM base_locks WHERE base_id = ?', lock.baseId);
  if (held && held.holder !== lock.holder) {
    throw new CommitFailure({ ok: false, reason: 'base_busy', holder: String(held.holder) });
  }
  if (!held)
    db.prepare('INSERT INTO base_locks (base_id, holder) VALUES (?, ?)').run(lock.baseId, lock.holder);
}

function claimRecordNumber(db: Database.Database, claim: RecordNumberClaim): void {
  const held = rowOf(db, 'SELECT holder FROM record_numbers WHERE number = ?', claim.number);
  if (held && held.holder !== claim.holder) {
    throw new CommitFailure({ ok: false, reason: 'record_number_taken', holder: String(held.holder) });
  }
  if (!held) {
    db.prepare('INSERT INTO record_numbers (number, holder) VALUES (?, ?)').run(claim.number, claim.holder);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
