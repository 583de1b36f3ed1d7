/**
 * Timer triggers, read from each function's cloudfunctions/<name>/config.json and checked the way
 * the platform checks them (docs/cloud-platform.md § Functions and identity): at most one per function, a name of letters,
 * digits, - and _, type `timer`, a 7-field cron `sec min hour day month weekday year` read in
 * Beijing time. croner runs them; each firing calls the function with SCF's timer event and the
 * invocation a trigger has (no OPENID, SOURCE `wx_trigger`).
 *
 * The schedule follows real time even when the cloud runs a manual clock: a firing then acts at
 * the manual "now". Tests fire triggers explicitly (`POST /_/triggers/<name>`).
 */
import { join, resolve } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { FUNCTION_NAMES, type FunctionName } from '@beian/core';
import type { Invocation } from '../server/action-map';
import { readJsonFile } from './json-file';

export const CLOUDFUNCTIONS_DIR = resolve(__dirname, '..', 'cloudfunctions');
/** Where WeChat reads trigger crons (UTC+8, per its triggers doc). */
export const TRIGGER_TIMEZONE = 'Asia/Shanghai';

export interface TimerTrigger {
  functionName: FunctionName;
  name: string;
  cron: string;
}

/** SCF's timer event (`Time` in UTC, to the second). */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export const TRIGGER_INVOCATION: Invocation = { openid: null, source: 'wx_trigger' };

export class TriggerConfigError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}：${problem}`);
    this.name = 'TriggerConfigError';
  }
}

const configSchema = z.object({
  triggers: z.array(z.object({ name: z.string(), type: z.string(), config: z.string() })).optional(),
});

/** The timer triggers of every deployable function; throws on a config the platform would refuse. */
export function readTriggers(dir: string = CLOUDFUNCTIONS_DIR): TimerTrigger[] {
  const triggers: TimerTrigger[] = [];
  for (const functionName of FUNCTION_NAMES) {
    const file = join(dir, functionName, 'config.json');
    const read = readJsonFile(file, configSchema, {
      error: (path, problem) => new TriggerConfigError(path, problem),
      shape: 'triggers 应为 [{ name, type, config }]',
    });
    if (!read) continue;
    const declared = read.triggers ?? [];
    if (declared.length > 1) throw new TriggerConfigError(file, '一个云函数最多只能有一个定时触发器');
    for (const { name, type, config } of declared) {
      if (!/^[a-zA-Z][a-zA-Z0-9_-]{0,59}$/.test(name)) {
        throw new TriggerConfigError(
          file,
          `触发器名「${name}」应以字母开头，只含字母、数字、- 和 _，最长 60 位`,
        );
      }
      if (type !== 'timer') throw new TriggerConfigError(file, `触发器类型只能是 timer，而不是「${type}」`);
      checkCron(file, config);
      triggers.push({ functionName, name, cron: config.trim() });
    }
  }
  return triggers;
}

function checkCron(file: string, cron: string): void {
  if (cron.trim().split(/\s+/).length !== 7) {
    throw new TriggerConfigError(file, `cron「${cron}」应有 7 个字段：秒 分 时 日 月 星期 年`);
  }
  try {
    new Cron(cron.trim(), { mode: '7-part', timezone: TRIGGER_TIMEZONE, paused: true }).stop();
  } catch (error) {
    throw new TriggerConfigError(file, `cron「${cron}」无法解析：${(error as Error).message}`);
  }
}

export function timerEvent(trigger: TimerTrigger, at: Date): TimerEvent {
  return {
    Type: 'Timer',
    TriggerName: trigger.name,
    Time: `${at.toISOString().slice(0, 19)}Z`,
  };
}

/** The trigger a `/_/triggers/<name>` path names: by function name or by trigger name. */
export function findTrigger(triggers: readonly TimerTrigger[], name: string): TimerTrigger | null {
  return triggers.find((t) => t.functionName === name || t.name === name) ?? null;
}

export interface Schedule {
  /** When each trigger fires next (by function name). */
  nextRuns(): Record<string, Date | null>;
  stop(): void;
}

/**
 * Runs each trigger on its cron. A firing still running when the next one comes is not doubled
 * (croner's overrun protection), as a function instance busy with the last tick would not be.
 */
export function schedule(
  triggers: readonly TimerTrigger[],
  fire: (trigger: TimerTrigger) => Promise<void>,
): Schedule {
  const jobs = triggers.map((trigger) => ({
    trigger,
    job: new Cron(trigger.cron, { mode: '7-part', timezone: TRIGGER_TIMEZONE, protect: true }, () =>
      fire(trigger),
    ),
  }));
  return {
    nextRuns: () => Object.fromEntries(jobs.map(({ trigger, job }) => [trigger.functionName, job.nextRun()])),
    stop: () => {
      for (const { job } of jobs) job.stop();
    },
  };
}
