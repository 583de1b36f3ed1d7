/**
 * The outbox on sqlite. Claims and results are conditional on the message's `rev`, so two
 * dispatchers running at once cannot send one message twice. A commit queues messages with
 * `insertMessage`, inside its own transaction.
 */
import type Database from 'better-sqlite3';
import type { Outbox, OutboxMessage } from '../store/types';
import { docs, type Row } from './rows';

export function insertMessage(db: Database.Database, message: OutboxMessage): void {
  db.prepare(
    'INSERT INTO outbox (id, application_id, status, next_attempt_at, rev, doc) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    message.id,
    message.applicationId,
    message.status,
    message.nextAttemptAt,
    message.rev,
    JSON.stringify(message),
  );
}

export function sqliteOutbox(db: Database.Database): Outbox {
  return {
    async dueMessages(now, limit) {
      const rows = db
        .prepare(
          `SELECT doc FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
           ORDER BY next_attempt_at LIMIT ?`,
        )
        .all(now, limit) as Row[];
      return docs<OutboxMessage>(rows);
    },

    async updateMessage(next, expectedRev) {
      const { changes } = db
        .prepare(
          'UPDATE outbox SET status = ?, next_attempt_at = ?, rev = ?, doc = ? WHERE id = ? AND rev = ?',
        )
        .run(next.status, next.nextAttemptAt, next.rev, JSON.stringify(next), next.id, expectedRev);
      return changes === 1;
    },

    async outboxOf(applicationId) {
      const rows = db
        .prepare('SELECT doc FROM outbox WHERE application_id = ? ORDER BY rowid')
        .all(applicationId) as Row[];
      return docs<OutboxMessage>(rows);
    },
  };
}
