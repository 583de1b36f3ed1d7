/**
 * The embedded store the local cloud runs on. `openSqliteStore(file)` opens (or creates) the
 * database file, switches it to WAL (readers never block the writer; several processes may share
 * the file) and brings the schema up to date.
 */
import Database from 'better-sqlite3';
import { sqliteStore, type SqliteStore } from './store';

export function openSqliteStore(file: string): SqliteStore {
  const db = new Database(file);
  // Another process writing (a seed script, a second local cloud) makes us wait, not fail. Set
  // first: switching a new file to WAL, and migrating it, take locks another process may hold.
  db.pragma('busy_timeout = 5000');
  switchToWal(db);
  db.pragma('synchronous = NORMAL');
  return sqliteStore(db);
}

/** How long a new file's switch to WAL waits for another process switching it too. */
const WAL_WAIT_MS = 5000;

/**
 * `journal_mode = WAL` needs the file to itself, and sqlite answers SQLITE_BUSY at once, without
 * the busy handler, when another process holds it (two processes opening a new file together):
 * wait here instead, and stop as soon as the file is in WAL — the mode is kept in the file, so
 * the other process's switch counts for us too.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + WAL_WAIT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      if (journalMode(db) === 'wal') return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function journalMode(db: Database.Database): string {
  try {
    return String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  } catch {
    return '';
  }
}

export type { SqliteStore };
