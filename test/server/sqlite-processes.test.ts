/**
 * Two processes on one database file (a second local cloud, `npm run seed` beside a running one).
 * A write transaction that began deferred could not wait for the other writer and failed with
 * SQLITE_BUSY_SNAPSHOT, which a caller saw as INTERNAL; write transactions now begin IMMEDIATE,
 * so they wait (busy_timeout) and then either write or find a conflict.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/sqlite';
import { MIGRATIONS } from '../../server/sqlite/schema';
import { COLLECTION_NAMES } from '../../server/store/collections';
import { application } from './helpers/applications';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Outcome {
  written: number;
  conflicts: number;
  thrown: string[];
}

/** Runs a helper script under tsx and parses what it prints. */
function run<T>(script: string, args: string[]): Promise<T> {
  const child = spawn(TSX, [join(__dirname, 'helpers', script), ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as T)
        : reject(new Error(`${script} exited ${code}: ${stderr}`)),
    );
  });
}

const writer = (file: string, rounds: number, ids: string[]) =>
  run<Outcome>('sqlite-writer.ts', [file, String(rounds), ...ids]);

it('lets two processes write the same applications without an error, each write or a conflict', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-processes-'));
  try {
    const file = join(dir, 'beian.db');
    const store = openSqliteStore(file);
    const apps = Array.from({ length: 5 }, () => application());
    for (const app of apps) await store.insertApplication(app);
    await store.close();
    const ids = apps.map((app) => app.id);
    const rounds = 150;
    const [a, b] = await Promise.all([writer(file, rounds, ids), writer(file, rounds, ids)]);
    expect([...(a?.thrown ?? []), ...(b?.thrown ?? [])]).toEqual([]);
    const reopened = openSqliteStore(file);
    const versions = await Promise.all(ids.map(async (id) => (await reopened.getApplication(id))?.version));
    await reopened.close();
    // Every write that answered "written" is there: nothing acknowledged was lost.
    const written = (a?.written ?? 0) + (b?.written ?? 0);
    expect(versions.reduce((sum, v) => (sum ?? 0) + (v ?? 0) - 1, 0)).toBe(written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

/**
 * Two processes opening a new file at once both migrated it: each read the schema version before
 * taking the write lock, so the second ran the migrations again and failed on tables the first
 * had just created. The version is now read again under the lock, and only one process migrates.
 */
it('lets two processes open and migrate one new file at once: both open it, one creates the tables', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-migrate-'));
  try {
    // Several fresh files, so the race is run more than once per test.
    const files = Array.from({ length: 8 }, (_, i) => join(dir, `beian-${i}.db`));
    const startAt = String(Date.now() + 2_000);
    type Opened = { created?: string[]; thrown?: string };
    const [a = [], b = []] = await Promise.all([
      run<Opened[]>('sqlite-opener.ts', [startAt, ...files]),
      run<Opened[]>('sqlite-opener.ts', [startAt, ...files]),
    ]);
    expect([...a, ...b].filter((opened) => opened.thrown !== undefined)).toEqual([]);
    files.forEach((file, i) => {
      const created = [...(a[i]?.created ?? []), ...(b[i]?.created ?? [])];
      expect(created.sort()).toEqual([...COLLECTION_NAMES].sort());
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      db.close();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
