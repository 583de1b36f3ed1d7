/**
 * One log line per call. The action-map helper already writes `function action caller code ms`;
 * here each line gets a timestamp and what started the call (`POST /functions/filing`, or
 * `timer scheduler/everyMinute`), carried through the async call by AsyncLocalStorage. Paths are
 * logged without their query (which may carry tokens); bodies are never logged, so no ID numbers or
 * phone numbers reach the log.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../server/ports';

interface CallContext {
  origin: string;
  /** Whether the call already wrote its line (the function's own). */
  logged: boolean;
}

export interface CallLog {
  /** The server's logger: each line prefixed with the time and the origin of the current call. */
  logger: Logger;
  /** Runs `work` as one call from `origin`. */
  within<T>(origin: string, work: () => Promise<T>): Promise<T>;
  /** Writes the call's line unless the function already wrote one. */
  settle(line: string): void;
}

export function createCallLog(sink: (line: string) => void): CallLog {
  const storage = new AsyncLocalStorage<CallContext>();
  const write = (line: string): void => {
    const context = storage.getStore();
    if (context) context.logged = true;
    sink(`${new Date().toISOString()} ${context ? `${context.origin} ` : ''}${line}`);
  };
  return {
    logger: {
      info: write,
      error: (line, error) => write(`${line}${error === undefined ? '' : ` ${describe(error)}`}`),
    },
    within: (origin, work) => storage.run({ origin, logged: false }, work),
    settle(line) {
      if (!storage.getStore()?.logged) write(line);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
