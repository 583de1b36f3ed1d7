/**
 * The reviewers' records on sqlite: the admins list (with the mobile each registered, which keeps
 * them out of their own applications) and the openings of the review page.
 */
import type Database from 'better-sqlite3';
import type { AdminRecord, Opening } from '@beian/core';
import { adminRecord } from '../store/admins';
import type { Reviewers } from '../store/types';
import { docs, rowOf, type Row } from './rows';

export function sqliteReviewers(db: Database.Database): Reviewers {
  return {
    async getAdmin(openid) {
      const row = rowOf(db, 'SELECT openid, name, added_at, mobile FROM admins WHERE openid = ?', openid);
      return row ? toAdmin(row) : null;
    },

    async putAdmin(admin) {
      // A re-add without a mobile keeps the registered one: dropping it silently would let the
      // reviewer decide their own applications again.
      db.prepare(
        `INSERT INTO admins (openid, name, added_at, mobile) VALUES (?, ?, ?, ?)
         ON CONFLICT (openid) DO UPDATE SET name = excluded.name,
           mobile = COALESCE(excluded.mobile, admins.mobile)`,
      ).run(admin.openid, admin.name, admin.addedAt, admin.mobile ?? null);
    },

    async removeAdmin(openid) {
      return db.prepare('DELETE FROM admins WHERE openid = ?').run(openid).changes === 1;
    },

    async listAdmins() {
      const rows = db
        .prepare('SELECT openid, name, added_at, mobile FROM admins ORDER BY added_at, openid')
        .all();
      return (rows as Row[]).map(toAdmin);
    },

    async recordOpening(opening) {
      db.prepare('INSERT INTO openings (application_id, at, doc) VALUES (?, ?, ?)').run(
        opening.applicationId,
        opening.at,
        JSON.stringify(opening),
      );
    },

    async openingsOf(applicationId) {
      const rows = db
        .prepare('SELECT doc FROM openings WHERE application_id = ? ORDER BY seq')
        .all(applicationId) as Row[];
      return docs<Opening>(rows);
    },
  };
}

function toAdmin(row: Row): AdminRecord {
  return adminRecord(row.openid, row.name, row.added_at, row.mobile);
}
