/**
 * A versioned move: one call that carries the version the user was looking at (a filer's
 * withdraw, a reviewer's approval, …). The progress page and the admin review page run their
 * moves through `runMove`, so both follow the same rule: one move at a time, the page reloaded
 * after it, and a CONFLICT (someone else moved the application first) reloaded and explained,
 * never retried.
 */
import type { Envelope } from '@beian/core';
import { CONFLICT_NOTICE, showDone, showFailure } from '../utils/feedback';

/** What a move needs of its page: the application it shows, a busy flag, and a reload. */
export interface MoveHost {
  readonly data: { readonly id: string; readonly version: number; readonly busy: boolean };
  setData(patch: { busy: boolean }): void;
  load(): Promise<void>;
}

/** The application as the user saw it: the services send this version with the move. */
export interface Seen {
  id: string;
  version: number;
}

/**
 * Runs `run` with the version seen and tells the user how it went. Answers null when another
 * move of the page is still running (nothing was sent), else the server's answer.
 */
export async function runMove<T>(
  host: MoveHost,
  run: (seen: Seen) => Promise<Envelope<T>>,
  done: string,
): Promise<Envelope<T> | null> {
  if (host.data.busy) return null;
  host.setData({ busy: true });
  const answer = await run({ id: host.data.id, version: host.data.version });
  host.setData({ busy: false });
  if (answer.ok) {
    showDone(done);
    await host.load();
  } else if (answer.error.code === 'CONFLICT') {
    await host.load();
    showFailure({ message: CONFLICT_NOTICE });
  } else {
    showFailure(answer.error);
  }
  return answer;
}
