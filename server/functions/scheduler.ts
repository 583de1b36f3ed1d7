import { defineFunction } from '../action-map';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';

/** The scheduler runs for its timer trigger (the system) or an operator, never for a user. */
export type SchedulerCaller = { kind: 'system' } | { kind: 'operator'; name: string };

export const scheduler = defineFunction<'scheduler', SchedulerCaller, ServerDeps>({
  name: 'scheduler',
  actions: {},
  implicitAction: (event) => (event.Type === 'Timer' ? 'tick' : undefined),
  async identify(caller) {
    if (caller.kind === 'trigger') return { kind: 'system' };
    if (caller.kind === 'operator') return { kind: 'operator', name: caller.name };
    if (caller.kind === 'user') throw refuse.forbidden('定时任务只能由触发器或操作员调用。');
    throw refuse.unauthenticated();
  },
});
