/**
 * A new draft within its owner's cap. The count and the insert run in one IMMEDIATE transaction:
 * it holds the file's write lock from BEGIN, so no other writer (in this process or another) can
 * insert between our count and our insert, and drafts created at once cannot pass one count.
 */
import type Database from 'better-sqlite3';
import type { Application } from '@beian/core';
import { applicationRow, INSERT_APPLICATION } from './rows';

export function insertDraftWithin(db: Database.Database, application: Application, maxOpen: number): boolean {
  return db
    .transaction(() => {
      const { n } = db
        .prepare(`SELECT count(*) AS n FROM applications WHERE owner = ? AND state = 'draft'`)
        .get(application.owner) as { n: number };
      if (n >= maxOpen) return false;
      db.prepare(INSERT_APPLICATION).run(applicationRow(application));
      return true;
    })
    .immediate();
}
