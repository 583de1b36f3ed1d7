/**
 * The local cloud's clock. Real by default; `BEIAN_CLOCK=manual` gives a clock that stands still
 * until moved (`POST /_/clock`), so a 24-hour SMS window can be crossed in a second. The manual
 * clock's time is saved in the data folder on every move: a restart carries on where it stopped.
 */
import { z } from 'zod';
import type { Clock } from '../server/ports';
import { readJsonFile, writeJsonFile } from './json-file';

export type ClockMode = 'real' | 'manual';

export const CLOCK_MODES: readonly ClockMode[] = ['real', 'manual'];

/** One move at most: ten years is already far past any deadline the workflow knows. */
export const MAX_ADVANCE_MS = 10 * 366 * 24 * 3_600_000;

export interface LocalClock extends Clock {
  readonly mode: ClockMode;
  /** Moves a manual clock forward and answers the new time; a real clock refuses. */
  advance(ms: number): Date;
}

export class RealClockError extends Error {
  constructor() {
    super('时钟是真实时间，不能拨动：用 BEIAN_CLOCK=manual 启动本地云才能使用手动时钟。');
    this.name = 'RealClockError';
  }
}

const savedSchema = z.object({ now: z.iso.datetime() });

export interface ClockOptions {
  mode: ClockMode;
  /** Where a manual clock keeps its time. */
  file: string;
  /** A manual clock's first time when nothing is saved yet (default: the real now). */
  startAt?: Date;
}

export function openClock(options: ClockOptions): LocalClock {
  if (options.mode === 'real') {
    return {
      mode: 'real',
      now: () => new Date(),
      advance: () => {
        throw new RealClockError();
      },
    };
  }
  const saved = readJsonFile(options.file, savedSchema);
  let now = saved ? Date.parse(saved.now) : (options.startAt ?? new Date()).getTime();
  const save = (): void => writeJsonFile(options.file, { now: new Date(now).toISOString() });
  save();
  return {
    mode: 'manual',
    now: () => new Date(now),
    advance(ms) {
      if (!Number.isInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
        throw new RangeError('advanceMs 应为不小于 0 的整数毫秒数（时钟只能向前拨，一次最多十年）。');
      }
      now += ms;
      save();
      return new Date(now);
    },
  };
}
