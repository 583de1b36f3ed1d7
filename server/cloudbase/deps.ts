import type { ServerDeps } from '../deps';

/** The deployed functions' dependencies: configuration from the function's environment variables. */
export function cloudbaseDeps(env: NodeJS.ProcessEnv = process.env): ServerDeps {
  return {
    clock: { now: () => new Date() },
    operatorKey: env.BEIAN_OPERATOR_KEY || null,
    logger: {
      // The platform collects stdout/stderr per invocation into the function's log.
      info: (line) => console.log(line),
      error: (line, error) => console.error(line, error instanceof Error ? error.stack : error),
    },
  };
}
