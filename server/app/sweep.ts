/**
 * The scheduler's sweeps: time out closed SMS windows and flag reviews past their due date. Each
 * write is conditional on the version read, so two sweeps at once move each application once;
 * the loser's CONFLICT (or INVALID_STATE, once the winner has moved it) is simply skipped.
 */
import { channelOf, flagOverdue } from '@beian/core';
import type { ServerDeps } from '../deps';
import { Refusal } from '../errors';
import { plainWrite } from '../store/types';
import { move } from './move';

/** Per run; the timer fires every minute, so a backlog drains over a few runs. */
export const SWEEP_LIMIT = 100;

/**
 * What a sweep did. A write that fails is logged and counted, and the sweep goes on with the
 * next application: one bad row must not stop the others, nor the rest of the tick.
 */
export interface SweepResult {
  done: number;
  failed: number;
}

export async function timeOutSmsWindows(deps: ServerDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const expired = await deps.store.expiredSmsWindows(now.toISOString(), SWEEP_LIMIT);
  let moved = 0;
  let failed = 0;
  // Through WeChat, WeChat's own 核验超时 decides (server/channel/sync.ts), not our window.
  for (const application of expired.filter((found) => channelOf(found) === 'manual')) {
    try {
      await move(deps, {
        application,
        version: application.version,
        event: { type: 'sms_timeout' },
        actor: { kind: 'system' },
      });
      moved += 1;
    } catch (error) {
      if (error instanceof Refusal) continue;
      failed += 1;
      deps.logger.error(`sweep sms_timeout ${application.id} failed`, error);
    }
  }
  return { done: moved, failed };
}

export async function flagOverdueReviews(deps: ServerDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const late = await deps.store.unflaggedOverdueReviews(now.toISOString(), SWEEP_LIMIT);
  let flagged = 0;
  let failed = 0;
  for (const application of late) {
    const next = flagOverdue(application, now);
    if (!next) continue;
    try {
      const written = await deps.store.commit(plainWrite(next, application.version));
      if (written.ok) flagged += 1;
    } catch (error) {
      failed += 1;
      deps.logger.error(`sweep overdue ${application.id} failed`, error);
    }
  }
  return { done: flagged, failed };
}
