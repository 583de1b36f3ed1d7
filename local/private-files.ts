/**
 * The data folder holds every filer's application and their ID photos, so only the user running
 * the local cloud may read it: files 600, folders 700. Modes are set explicitly after each create
 * (a `mode` option is filtered through the umask, which differs per shell and per machine), and
 * `tightenTree` repairs what an older version left readable to everyone.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export function writePrivateFile(file: string, data: string | Uint8Array): void {
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Creates `dir` and any missing parents up to `within`, each 700. Folders above `within` (the
 * data folder's own parents) are never touched.
 */
export function makePrivateDir(dir: string, within: string = dirname(dir)): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const steps = relative(within, dir)
    .split(sep)
    .filter((step) => step !== '' && step !== '..');
  let current = within;
  for (const step of steps) {
    current = join(current, step);
    chmodSync(current, PRIVATE_DIR_MODE);
  }
}

/** Sets 700 on `path` and every folder below it, 600 on every file; links are not followed. */
export function tightenTree(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
    return;
  }
  if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(path)) tightenTree(join(path, entry));
}
