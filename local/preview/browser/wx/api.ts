/**
 * WeChat's calling convention for asynchronous APIs: `{ success, fail, complete }` callbacks, or a
 * promise when none is given; results carry `errMsg: '<name>:ok'`, failures are plain objects
 * `{ errMsg: '<name>:fail <reason>', errCode? }` (not Error instances), as pages expect.
 */

export interface Callbacks {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (result: unknown) => void;
}

/** A failure with WeChat's reason text (and code, where WeChat gives one). */
export class WxFail {
  constructor(
    readonly reason: string,
    readonly errCode?: number,
  ) {}
}

export type Options = Record<string, unknown> & Callbacks;

export function asyncApi<R extends object>(
  name: string,
  run: (options: Options) => Promise<R> | R,
): (options?: Options) => Promise<R & { errMsg: string }> | undefined {
  return (options = {}) => {
    // `run` starts synchronously: a tap-only API must see the gesture the call was made in.
    const promise = new Promise<R>((resolve) => resolve(run(options))).then(
      (result) => ({ ...result, errMsg: `${name}:ok` }),
      (error: unknown) => {
        throw failure(name, error);
      },
    );
    if (!options.success && !options.fail && !options.complete) return promise;
    deliver(promise, options);
    return undefined;
  };
}

/** Hands a settled call to the caller's callbacks, as WeChat does when any is given. */
export function deliver(promise: Promise<unknown>, options: Callbacks): void {
  promise.then(
    (result) => {
      options.success?.(result);
      options.complete?.(result);
    },
    (error: unknown) => {
      options.fail?.(error);
      options.complete?.(error);
    },
  );
}

function failure(name: string, error: unknown): { errMsg: string; errCode?: number } {
  if (error instanceof WxFail) {
    return {
      errMsg: `${name}:fail ${error.reason}`,
      ...(error.errCode === undefined ? {} : { errCode: error.errCode }),
    };
  }
  // Anything else is a fault of the preview itself: say so where the developer looks.
  console.error(`wx.${name} failed inside the preview:`, error);
  return { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` };
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? fallback : String(value);
}

export function num(value: unknown, fallback: number): number {
  const parsed = Number(value);
  return value === undefined || value === null || Number.isNaN(parsed) ? fallback : parsed;
}
