/**
 * The `scheduler` function: its timer trigger runs `tick` every minute (an operator may run it by
 * hand). A tick times out closed SMS windows, flags overdue reviews, follows WeChat-channel
 * applications, dispatches the outbox and, once a day, refreshes WeChat's tables;
 * running two at once is safe (conditional writes and message claims).
 */
import { defineFunction } from '../action-map';
import { dispatchOutbox, emptyReport } from '../app/outbox';
import { followBatch } from '../channel/follow';
import { flagOverdueReviews, timeOutSmsWindows, type SweepResult } from '../app/sweep';
import { failedRefresh, refreshTables } from '../app/tables';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';
import { schedulerParams } from '../schemas/params';
import type { SchedulerCaller } from './callers';

export type { SchedulerCaller };

/** Messages one tick sends at most, and how long it may keep claiming new ones. */
export const DISPATCH_LIMIT = 100;
export const DISPATCH_BUDGET_MS = 20_000;

const NO_SWEEP: SweepResult = { done: 0, failed: 0 };

/**
 * WeChat-channel applications one tick looks at, the one checked longest ago first: the tick's
 * cost is flat however many are open, and at one tick a minute 20 of them are each seen again
 * within minutes, whatever pushed events were lost.
 */
export const FOLLOW_LIMIT = 20;
const NO_FOLLOW = { checked: 0, moved: 0 };

/** Runs one step of a tick; a failure is logged (no personal data) and counted, never thrown. */
async function isolated<T>(
  deps: ServerDeps,
  failed: { count: number },
  step: string,
  run: () => Promise<T>,
  nothing: T,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    failed.count += 1;
    deps.logger.error(`tick: ${step} failed`, error);
    return nothing;
  }
}

export const scheduler = defineFunction<'scheduler', SchedulerCaller, ServerDeps>({
  name: 'scheduler',
  actions: {
    tick: {
      params: schedulerParams.tick,
      async run(_params, { deps }) {
        // Each step runs whatever the one before it did: a failed sweep must not hold back the
        // outbox's due notices, nor the other way round.
        const failed = { count: 0 };
        const sms = await isolated(deps, failed, 'sms_timeout', () => timeOutSmsWindows(deps), NO_SWEEP);
        const overdue = await isolated(deps, failed, 'overdue', () => flagOverdueReviews(deps), NO_SWEEP);
        // Before the dispatch, so what WeChat moved is told to the filer in this same tick.
        const wechat = await isolated(
          deps,
          failed,
          'wechat',
          () => followBatch(deps, FOLLOW_LIMIT),
          NO_FOLLOW,
        );
        const dispatch = await isolated(
          deps,
          failed,
          'outbox',
          () => dispatchOutbox(deps, { limit: DISPATCH_LIMIT, deadline: Date.now() + DISPATCH_BUDGET_MS }),
          emptyReport(),
        );
        const tables =
          (await isolated(deps, failed, 'tables', () => refreshTables(deps), null)) ??
          (await failedRefresh(deps));
        // Counted in the log, not the answer: the tick's report keeps its published shape.
        const failures = failed.count + sms.failed + overdue.failed;
        if (failures > 0) deps.logger.error(`tick: ${failures} failed (the rest of the tick ran)`);
        if (wechat.checked > 0)
          deps.logger.info(`tick: wechat checked ${wechat.checked}, moved ${wechat.moved}`);
        return { timedOut: sms.done, overdueFlagged: overdue.done, dispatch, tables };
      },
    },
  },
  implicitAction: (event) => (event.Type === 'Timer' ? 'tick' : undefined),
  async identify(caller) {
    if (caller.kind === 'trigger') return { kind: 'system' };
    if (caller.kind === 'operator') return { kind: 'operator', name: caller.name };
    if (caller.kind === 'user') throw refuse.forbidden('定时任务只能由触发器或操作员调用。');
    throw refuse.unauthenticated();
  },
});
