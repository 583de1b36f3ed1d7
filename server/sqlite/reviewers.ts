/**
 * The reviewers' records on sqlite: the admins list (with the mobile each registered, which keeps
 * them out of their own applications) and the openings of the review page.
 */
import type { AdminRecord, Opening } from '@beian/core';
import { SqliteMessages } from './messages';

type Row = Record<string, unknown>;

export class SqliteReviewers extends SqliteMessages {
  async getAdmin(openid: string): Promise<AdminRecord | null> {
    const row = this.db
      .prepare('SELECT openid, name, added_at, mobile FROM admins WHERE openid = ?')
      .get(openid) as Row | undefined;
    return row ? toAdmin(row) : null;
  }

  async putAdmin(admin: AdminRecord): Promise<void> {
    // A re-add without a mobile keeps the registered one: dropping it silently would let the
    // reviewer decide their own applications again.
    this.db
      .prepare(
        `INSERT INTO admins (openid, name, added_at, mobile) VALUES (?, ?, ?, ?)
         ON CONFLICT (openid) DO UPDATE SET name = excluded.name,
           mobile = COALESCE(excluded.mobile, admins.mobile)`,
      )
      .run(admin.openid, admin.name, admin.addedAt, admin.mobile ?? null);
  }

  async removeAdmin(openid: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM admins WHERE openid = ?').run(openid).changes === 1;
  }

  async listAdmins(): Promise<AdminRecord[]> {
    const rows = this.db
      .prepare('SELECT openid, name, added_at, mobile FROM admins ORDER BY added_at, openid')
      .all();
    return (rows as Row[]).map(toAdmin);
  }

  async recordOpening(opening: Opening): Promise<void> {
    this.db
      .prepare('INSERT INTO openings (application_id, at, doc) VALUES (?, ?, ?)')
      .run(opening.applicationId, opening.at, JSON.stringify(opening));
  }

  async openingsOf(applicationId: string): Promise<Opening[]> {
    const rows = this.db
      .prepare('SELECT doc FROM openings WHERE application_id = ? ORDER BY seq')
      .all(applicationId) as Row[];
    return rows.map((row) => JSON.parse(String(row.doc)) as Opening);
  }
}

function toAdmin(row: Row): AdminRecord {
  const admin: AdminRecord = {
    openid: String(row.openid),
    name: String(row.name),
    addedAt: String(row.added_at),
  };
  if (typeof row.mobile === 'string') admin.mobile = row.mobile;
  return admin;
}
