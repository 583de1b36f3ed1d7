/**
 * Small JSON state files in the data folder (the clock, the emulated WeChat ledger, file metadata).
 * Written to a temporary file and renamed, so a crash or a kill mid-write leaves the previous
 * state, never half a file.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { z } from 'zod';
import { writePrivateFile } from './private-files';

export class DataFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file} 无法读取（${problem}）。修复或删除该文件，或用 npm start -- --reset 从空数据开始。`);
    this.name = 'DataFileError';
  }
}

export interface ReadOptions {
  /** The error a bad file throws (default: DataFileError, which says how to start afresh). */
  error?: (file: string, problem: string) => Error;
  /** What a file of the wrong shape is told (default: the schema's first issue). */
  shape?: string;
}

/** The file's content checked against `schema`, or null when there is no file yet. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, options: ReadOptions = {}): T | null {
  const refuse = options.error ?? ((path: string, problem: string) => new DataFileError(path, problem));
  if (!existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw refuse(file, '不是合法的 JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw refuse(file, options.shape ?? parsed.error.issues[0]?.message ?? '内容不符合格式');
  return parsed.data;
}

export function writeJsonFile(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  // Owner-only, like everything in the data folder: the rename keeps the temporary file's mode.
  writePrivateFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}
