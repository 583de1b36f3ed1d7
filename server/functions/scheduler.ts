/**
 * The `scheduler` function: its timer trigger runs `tick` every minute (an operator may run it by
 * hand). A tick times out closed SMS windows, flags overdue reviews and dispatches the outbox;
 * running two at once is safe (conditional writes and message claims).
 */
import { defineFunction } from '../action-map';
import { dispatchOutbox } from '../app/outbox';
import { flagOverdueReviews, timeOutSmsWindows } from '../app/sweep';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';
import { schedulerParams } from '../schemas/params';
import type { SchedulerCaller } from './callers';

export type { SchedulerCaller };

/** Messages one tick sends at most, and how long it may keep claiming new ones. */
export const DISPATCH_LIMIT = 100;
export const DISPATCH_BUDGET_MS = 20_000;

export const scheduler = defineFunction<'scheduler', SchedulerCaller, ServerDeps>({
  name: 'scheduler',
  actions: {
    tick: {
      params: schedulerParams.tick,
      async run(_params, { deps }) {
        const timedOut = await timeOutSmsWindows(deps);
        const overdueFlagged = await flagOverdueReviews(deps);
        const dispatch = await dispatchOutbox(deps, {
          limit: DISPATCH_LIMIT,
          deadline: Date.now() + DISPATCH_BUDGET_MS,
        });
        return { timedOut, overdueFlagged, dispatch };
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
