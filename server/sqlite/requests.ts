/**
 * The first answers of idempotent calls on sqlite. The commit that made the answer inserts it
 * (`insertRequest`, inside its transaction); the primary key refuses a second one, which the
 * commit reports as a conflict.
 */
import type Database from 'better-sqlite3';
import type { Requests, StoredRequest } from '../store/types';
import { rowOf } from './rows';

export function insertRequest(db: Database.Database, r: StoredRequest): void {
  db.prepare(
    'INSERT INTO requests (key, owner, application_id, fingerprint, answer, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.key, r.owner, r.applicationId, r.fingerprint, r.answer, r.at);
}

export function sqliteRequests(db: Database.Database): Requests {
  return {
    async getRequest(key) {
      const row = rowOf(
        db,
        'SELECT key, owner, application_id, fingerprint, answer, at FROM requests WHERE key = ?',
        key,
      );
      if (!row) return null;
      return {
        key: String(row.key),
        owner: String(row.owner),
        applicationId: String(row.application_id),
        fingerprint: String(row.fingerprint),
        answer: String(row.answer),
        at: String(row.at),
      };
    },
  };
}
