/**
 * The outbox on the cloud database. Each conditional write is one `where(…).update` whose
 * `stats.updated` says whether it happened (an update that matches nothing succeeds with 0), so
 * two dispatchers cannot both claim one message. Commits add the messages (applications.ts).
 */
import { COLLECTIONS } from '../store/collections';
import type { Outbox, OutboxMessage } from '../store/types';
import type { CloudDatabase, Doc } from './db';
import { readAll } from './reads';

export function cloudbaseOutbox(db: CloudDatabase): Outbox {
  return {
    async dueMessages(now, limit) {
      const query = db
        .collection(COLLECTIONS.outbox)
        .where({ status: db.command.in(['pending', 'sending']), nextAttemptAt: db.command.lte(now) })
        .orderBy('nextAttemptAt', 'asc');
      return (await readAll(query, limit)).map(toMessage);
    },

    async updateMessage(next, expectedRev) {
      const { stats } = await db
        .collection(COLLECTIONS.outbox)
        .where({ _id: next.id, rev: expectedRev })
        .update({
          data: {
            status: next.status,
            attempts: next.attempts,
            nextAttemptAt: next.nextAttemptAt,
            leaseUntil: next.leaseUntil,
            lastError: next.lastError,
            updatedAt: next.updatedAt,
            rev: next.rev,
          },
        });
      return stats.updated === 1;
    },

    async outboxOf(applicationId) {
      const query = db.collection(COLLECTIONS.outbox).where({ applicationId }).orderBy('createdAt', 'asc');
      return (await readAll(query, 1_000)).map(toMessage);
    },
  };
}

function toMessage({ _id, ...rest }: Doc): OutboxMessage {
  return { ...(rest as unknown as Omit<OutboxMessage, 'id'>), id: _id };
}
