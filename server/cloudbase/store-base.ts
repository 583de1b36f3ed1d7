/**
 * The cloud-database side of everything that is not an application: the outbox, subscription
 * credits and stored answers (admins and openings: reviewers.ts). Each conditional write is one `where(…).update` whose
 * `stats.updated` says whether it happened (an update that matches nothing succeeds with 0).
 */
import { createHash } from 'node:crypto';
import type { AuditEvent, DueStage } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import type { OutboxMessage, StoredRequest } from '../store/types';
import { errCodeOf, PAGE_LIMIT, type CloudDatabase, type Doc, type Query } from './db';

export class CloudbaseRecords {
  constructor(protected readonly db: CloudDatabase) {}

  protected get _() {
    return this.db.command;
  }

  /** Reads up to `limit` records of a query, 100 at a time (the cloud function read limit). */
  protected async readAll(query: Query, limit: number): Promise<Doc[]> {
    const found: Doc[] = [];
    while (found.length < limit) {
      const pageSize = Math.min(PAGE_LIMIT, limit - found.length);
      const { data } = await query.skip(found.length).limit(pageSize).get();
      found.push(...data);
      if (data.length < pageSize) break;
    }
    return found;
  }

  /**
   * Reads up to `limit` records ordered by a unique key, 100 at a time, each read a range after
   * the last key seen (`query(after)`), so the database walks its index instead of skipping.
   */
  protected async readByKey(
    query: (after: string | null) => Query,
    after: string | null,
    key: string,
    limit: number,
  ): Promise<Doc[]> {
    const found: Doc[] = [];
    let last = after;
    while (found.length < limit) {
      const pageSize = Math.min(PAGE_LIMIT, limit - found.length);
      const { data } = await query(last).limit(pageSize).get();
      found.push(...data);
      const tail = data[data.length - 1];
      if (data.length < pageSize || !tail) break;
      last = String(tail[key]);
    }
    return found;
  }

  async auditOf(applicationId: string): Promise<AuditEvent[]> {
    const query = this.db.collection(COLLECTIONS.audit).where({ applicationId }).orderBy('version', 'asc');
    const docs = await this.readAll(query, 10_000);
    return docs.map((doc) => {
      const event: Record<string, unknown> = { ...doc };
      delete event._id;
      delete event.version;
      return event as unknown as AuditEvent;
    });
  }

  async recentStageHours(stage: DueStage, limit: number): Promise<number[]> {
    const query = this.db.collection(COLLECTIONS.stageExits).where({ stage }).orderBy('leftAt', 'desc');
    return (await this.readAll(query, limit)).map((doc) => Number(doc.hours));
  }

  async dueMessages(now: string, limit: number): Promise<OutboxMessage[]> {
    const query = this.db
      .collection(COLLECTIONS.outbox)
      .where({ status: this._.in(['pending', 'sending']), nextAttemptAt: this._.lte(now) })
      .orderBy('nextAttemptAt', 'asc');
    return (await this.readAll(query, limit)).map(toMessage);
  }

  async updateMessage(next: OutboxMessage, expectedRev: number): Promise<boolean> {
    const { stats } = await this.db
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
  }

  async outboxOf(applicationId: string): Promise<OutboxMessage[]> {
    const query = this.db.collection(COLLECTIONS.outbox).where({ applicationId }).orderBy('createdAt', 'asc');
    return (await this.readAll(query, 1_000)).map(toMessage);
  }

  async addCredits(owner: string, templateIds: readonly string[], max: number): Promise<void> {
    for (const templateId of templateIds) await this.addCredit(owner, templateId, max);
  }

  private async addCredit(owner: string, templateId: string, max: number): Promise<void> {
    const credits = this.db.collection(COLLECTIONS.credits);
    const _id = creditId(owner, templateId);
    // Two first-time adds may race: the loser's `add` fails on the taken _id and it increments.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { stats } = await credits
        .where({ _id, count: this._.lt(max) })
        .update({ data: { count: this._.inc(1) } });
      if (stats.updated === 1) return;
      const { data } = await credits.doc(_id).get();
      if (data && Number(data.count) >= max) return;
      if (data) continue;
      try {
        await credits.add({ data: { _id, owner, templateId, count: 1 } });
        return;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
  }

  async takeCredit(owner: string, templateId: string): Promise<boolean> {
    const { stats } = await this.db
      .collection(COLLECTIONS.credits)
      .where({ _id: creditId(owner, templateId), count: this._.gt(0) })
      .update({ data: { count: this._.inc(-1) } });
    return stats.updated === 1;
  }

  async returnCredit(owner: string, templateId: string, max: number): Promise<void> {
    await this.addCredit(owner, templateId, max);
  }

  async clearCredit(owner: string, templateId: string): Promise<void> {
    await this.db
      .collection(COLLECTIONS.credits)
      .doc(creditId(owner, templateId))
      .update({ data: { count: 0 } });
  }

  async creditsOf(owner: string): Promise<Record<string, number>> {
    const docs = await this.readAll(this.db.collection(COLLECTIONS.credits).where({ owner }), 1_000);
    const entries = docs.map((doc) => [String(doc.templateId), Number(doc.count)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }

  async getRequest(key: string): Promise<StoredRequest | null> {
    const { data } = await this.db.collection(COLLECTIONS.requests).doc(key).get();
    if (!data) return null;
    return {
      key: data._id,
      owner: String(data.owner),
      applicationId: String(data.applicationId),
      fingerprint: String(data.fingerprint ?? ''),
      answer: String(data.answer),
      at: String(data.at),
    };
  }

  /** Creates the collections that do not exist yet (-502005 on a read means missing). */
  async setup(): Promise<string[]> {
    const created: string[] = [];
    for (const name of Object.values(COLLECTIONS)) {
      try {
        await this.db.collection(name).count();
      } catch (error) {
        if (errCodeOf(error) !== -502005) throw error;
        await this.db.createCollection(name);
        created.push(name);
      }
    }
    return created;
  }
}

/** A credit document per filer and template, under an id that needs no escaping. */
function creditId(owner: string, templateId: string): string {
  return createHash('sha256').update(`${owner}\n${templateId}`).digest('hex').slice(0, 40);
}

function toMessage({ _id, ...rest }: Doc): OutboxMessage {
  return { ...(rest as unknown as Omit<OutboxMessage, 'id'>), id: _id };
}
