/**
 * What the local cloud keeps in its data folder ($BEIAN_DATA_DIR, default `.beian/`), and the
 * two things other commands read from it: the operator key and where the running cloud listens.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';
import { makePrivateDir, tightenTree, writePrivateFile } from './private-files';

export const DEFAULT_DATA_DIR = '.beian';
export const DEFAULT_PORT = 8787;

export interface DataDir {
  root: string;
  /** The sqlite database (with its -wal and -shm companions). */
  database: string;
  /** Stored files, by cloud path. */
  files: string;
  /** Content type and uploader of each stored file. */
  fileIndex: string;
  /** Signs temporary file URLs, so they stay valid across a restart. */
  storageSecret: string;
  /** WeChat's side of subscribe messages: consent credits and what was sent. */
  wechat: string;
  /** The emulated open platform's state: tokens, authorizations, media, verify tasks, orders, calls. */
  openPlatform: string;
  /** The bytes of each media uploaded to the emulated open platform, by media_id. */
  openPlatformMedia: string;
  /** The emulated platform's own secrets (appid, appsecret, token, EncodingAESKey): kept across --reset. */
  openPlatformSecrets: string;
  /** The manual clock's current time. */
  clock: string;
  /** Kept across --reset: scripts that carry the key keep working. */
  operatorKey: string;
  /** Which process serves this folder, and on which URL (`npm run call` and `npm run seed` read it). */
  running: string;
}

export function dataDirOf(root: string): DataDir {
  const dir = resolve(root);
  return {
    root: dir,
    database: join(dir, 'beian.db'),
    files: join(dir, 'files'),
    fileIndex: join(dir, 'files.json'),
    storageSecret: join(dir, 'storage-secret'),
    wechat: join(dir, 'wechat.json'),
    openPlatform: join(dir, 'wechat-open.json'),
    openPlatformMedia: join(dir, 'wechat-media'),
    openPlatformSecrets: join(dir, 'wechat-platform-secrets.json'),
    clock: join(dir, 'clock.json'),
    operatorKey: join(dir, 'operator-key'),
    running: join(dir, 'local-cloud.json'),
  };
}

/** $BEIAN_DATA_DIR or `.beian/`, as `npm start` resolves it. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): DataDir {
  return dataDirOf(env.BEIAN_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
}

/**
 * Empties the folder of everything the local cloud wrote except the operator key. Only our own
 * entries are removed, so a data folder pointed at the wrong place loses nothing else.
 */
export function resetDataDir(dir: DataDir): void {
  for (const file of resettable(dir)) rmSync(file, { force: true });
  rmSync(dir.files, { recursive: true, force: true });
  rmSync(dir.openPlatformMedia, { recursive: true, force: true });
}

/**
 * Our files besides the folders, except the operator key, the emulated platform's secrets (Beian's
 * configuration may carry them, like the key) and the running marker.
 */
function resettable(dir: DataDir): string[] {
  const { database, fileIndex, storageSecret, wechat, openPlatform, clock } = dir;
  return [
    database,
    `${database}-wal`,
    `${database}-shm`,
    fileIndex,
    storageSecret,
    wechat,
    openPlatform,
    clock,
  ];
}

/**
 * Creates the folder, owner-only (private-files.ts), and repairs the modes of what is already
 * there. The database file is created here, empty and 600, because sqlite gives its -wal and
 * -shm the database file's mode, and would otherwise create all three readable by everyone.
 */
export function ensureDataDir(dir: DataDir): void {
  makePrivateDir(dir.root);
  makePrivateDir(dir.files, dir.root);
  makePrivateDir(dir.openPlatformMedia, dir.root);
  if (!existsSync(dir.database)) writePrivateFile(dir.database, '');
  for (const file of [...resettable(dir), dir.operatorKey, dir.openPlatformSecrets, dir.running])
    tightenTree(file);
  tightenTree(dir.files);
  tightenTree(dir.openPlatformMedia);
}

export interface OperatorKey {
  key: string;
  /** True on the start that made it: the one time it is printed in full. */
  created: boolean;
}

/** The key operator calls carry: kept in the folder so `npm run call` and restarts use the same one. */
export function loadOrCreateOperatorKey(dir: DataDir): OperatorKey {
  if (existsSync(dir.operatorKey))
    return { key: readFileSync(dir.operatorKey, 'utf8').trim(), created: false };
  const key = randomBytes(18).toString('base64url');
  writePrivateFile(dir.operatorKey, `${key}\n`);
  return { key, created: true };
}

/** What a banner or a log may show of a key: its first four characters. */
export function maskKey(key: string): string {
  return `${key.length >= 8 ? key.slice(0, 4) : ''}****`;
}

export function readOperatorKey(dir: DataDir): string | null {
  return existsSync(dir.operatorKey) ? readFileSync(dir.operatorKey, 'utf8').trim() || null : null;
}

const runningSchema = z.object({ pid: z.number().int(), url: z.string(), startedAt: z.string() });
export type RunningCloud = z.infer<typeof runningSchema>;

/** The cloud serving this folder, if its process is still alive. */
export function runningCloud(dir: DataDir): RunningCloud | null {
  let running: RunningCloud | null;
  try {
    running = readJsonFile(dir.running, runningSchema);
  } catch {
    return null;
  }
  return running && isAlive(running.pid) ? running : null;
}

export function markRunning(dir: DataDir, url: string): void {
  writeJsonFile(dir.running, { pid: process.pid, url, startedAt: new Date().toISOString() });
}

/** Removes the marker if this process wrote it (a damaged marker is removed too). */
export function clearRunning(dir: DataDir): void {
  let running: RunningCloud | null;
  try {
    running = readJsonFile(dir.running, runningSchema);
  } catch {
    running = { pid: process.pid, url: '', startedAt: '' };
  }
  if (running?.pid === process.pid) rmSync(dir.running, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
