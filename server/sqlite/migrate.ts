import type Database from 'better-sqlite3';
import { MIGRATIONS, TABLES } from './schema';
import { searchColumns } from './search';

/**
 * Brings the database to the latest schema, each migration in its own transaction. Returns the
 * tables created by this run (none when the file was already current).
 */
export function migrate(db: Database.Database): string[] {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(`数据库版本 ${current} 比程序支持的 ${MIGRATIONS.length} 新：请升级程序后再打开。`);
  }
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
  const before = new Set(tableNames(db));
  MIGRATIONS.slice(current).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + offset + 1}`);
    })();
  });
  return tableNames(db).filter((name) => !before.has(name) && TABLES.includes(name));
}

function tableNames(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}
