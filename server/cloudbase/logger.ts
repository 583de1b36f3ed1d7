/**
 * The deployed functions' log: the platform collects each invocation's stdout and stderr into the
 * function's log, one console line per call. An error's stack follows its line; a line logged
 * without one (a warning at start, a refused push) stays alone, rather than ending in "undefined".
 */
import type { Logger } from '../ports';

export function consoleLogger(out: Pick<Console, 'log' | 'error'> = console): Logger {
  return {
    info: (line) => out.log(line),
    error: (line, error) =>
      error === undefined ? out.error(line) : out.error(line, error instanceof Error ? error.stack : error),
  };
}
