/**
 * The outbox and the subscription credits on sqlite. Claims and results are conditional on the
 * message's `rev`, and a credit is taken with `count > 0` in the same statement, so two dispatchers
 * running at once can neither send one message twice nor spend one credit twice.
 */
import type Database from 'better-sqlite3';
import type { OutboxMessage } from '../store/types';

type Row = Record<string, unknown>;

export class SqliteMessages {
  constructor(protected readonly db: Database.Database) {}

  protected insertMessage(message: OutboxMessage): void {
    this.db
      .prepare(
        'INSERT INTO outbox (id, application_id, status, next_attempt_at, rev, doc) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        message.id,
        message.applicationId,
        message.status,
        message.nextAttemptAt,
        message.rev,
        JSON.stringify(message),
      );
  }

  async dueMessages(now: string, limit: number): Promise<OutboxMessage[]> {
    const rows = this.db
      .prepare(
        `SELECT doc FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
         ORDER BY next_attempt_at LIMIT ?`,
      )
      .all(now, limit) as Row[];
    return rows.map((row) => JSON.parse(String(row.doc)) as OutboxMessage);
  }

  async updateMessage(next: OutboxMessage, expectedRev: number): Promise<boolean> {
    const { changes } = this.db
      .prepare('UPDATE outbox SET status = ?, next_attempt_at = ?, rev = ?, doc = ? WHERE id = ? AND rev = ?')
      .run(next.status, next.nextAttemptAt, next.rev, JSON.stringify(next), next.id, expectedRev);
    return changes === 1;
  }

  async outboxOf(applicationId: string): Promise<OutboxMessage[]> {
    const rows = this.db
      .prepare('SELECT doc FROM outbox WHERE application_id = ? ORDER BY rowid')
      .all(applicationId) as Row[];
    return rows.map((row) => JSON.parse(String(row.doc)) as OutboxMessage);
  }

  async addCredits(owner: string, templateIds: readonly string[], max: number): Promise<void> {
    const add = this.db.prepare(
      `INSERT INTO credits (owner, template_id, count) VALUES (?, ?, min(1, ?))
       ON CONFLICT (owner, template_id) DO UPDATE SET count = min(count + 1, ?)`,
    );
    this.db
      .transaction(() => {
        for (const templateId of templateIds) add.run(owner, templateId, max, max);
      })
      .immediate();
  }

  async takeCredit(owner: string, templateId: string): Promise<boolean> {
    const { changes } = this.db
      .prepare('UPDATE credits SET count = count - 1 WHERE owner = ? AND template_id = ? AND count > 0')
      .run(owner, templateId);
    return changes === 1;
  }

  async returnCredit(owner: string, templateId: string, max: number): Promise<void> {
    await this.addCredits(owner, [templateId], max);
  }

  async clearCredit(owner: string, templateId: string): Promise<void> {
    this.db
      .prepare('UPDATE credits SET count = 0 WHERE owner = ? AND template_id = ?')
      .run(owner, templateId);
  }

  async creditsOf(owner: string): Promise<Record<string, number>> {
    const rows = this.db
      .prepare('SELECT template_id, count FROM credits WHERE owner = ? ORDER BY template_id')
      .all(owner) as Row[];
    return Object.fromEntries(rows.map((row) => [String(row.template_id), Number(row.count)]));
  }
}
