import type Database from 'better-sqlite3';
import { MIGRATIONS, TABLES } from './schema';
import type { Application } from '@beian/core';
import { indexFields } from '../store/keys';
import { searchColumns } from './search';

/**
 * Brings the database to the latest schema. Returns the tables created by this run (none when
 * the file was already current, or when another process migrated it first).
 *
 * The migrations run in one IMMEDIATE transaction that reads the schema version again once it
 * holds the write lock: two processes opening a new file at once (a second local cloud, a seed
 * script) had both read version 0, and the one that waited ran the migrations a second time and
 * failed on the tables the other had just created.
 */
export function migrate(db: Database.Database): string[] {
  requireSupported(schemaVersion(db));
  // Migrations backfill computed columns with the same code the store writes them with.
  db.function(
    'beian_search_unigrams',
    { deterministic: true },
    (subject: unknown, miniprogram: unknown) =>
      searchColumns(String(subject ?? ''), String(miniprogram ?? '')).unigrams,
  );
  db.function(
    'beian_search_bigrams',
    { deterministic: true },
    (subject: unknown, miniprogram: unknown) =>
      searchColumns(String(subject ?? ''), String(miniprogram ?? '')).bigrams,
  );
  db.function('beian_related_key', { deterministic: true }, (doc: unknown, field: unknown) => {
    const fields = indexFields(JSON.parse(String(doc)) as Application);
    const name = String(field) as 'subjectKey' | 'appid' | 'principalMobile' | 'miniprogramMobile';
    return fields[name];
  });
  // Current already: no write lock to wait for, which every open after the first would do.
  if (schemaVersion(db) === MIGRATIONS.length) return [];
  return db
    .transaction(() => {
      const current = schemaVersion(db);
      requireSupported(current);
      const before = new Set(tableNames(db));
      MIGRATIONS.slice(current).forEach((sql, offset) => {
        db.exec(sql);
        db.pragma(`user_version = ${current + offset + 1}`);
      });
      return tableNames(db).filter((name) => !before.has(name) && TABLES.includes(name));
    })
    .immediate();
}

function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function requireSupported(version: number): void {
  if (version > MIGRATIONS.length) {
    throw new Error(`数据库版本 ${version} 比程序支持的 ${MIGRATIONS.length} 新：请升级程序后再打开。`);
  }
}

function tableNames(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}
