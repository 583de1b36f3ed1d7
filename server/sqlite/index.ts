/**
 * The embedded store the local cloud runs on. `openSqliteStore(file)` opens (or creates) the
 * database file, switches it to WAL (readers never block the writer; several processes may share
 * the file) and brings the schema up to date.
 */
import Database from 'better-sqlite3';
import { SqliteStore } from './store';

export function openSqliteStore(file: string): SqliteStore {
  const db = new Database(file);
  // Another process writing (a seed script, a second local cloud) makes us wait, not fail. Set
  // first: switching a new file to WAL, and migrating it, take locks another process may hold.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return new SqliteStore(db);
}

export { SqliteStore };
