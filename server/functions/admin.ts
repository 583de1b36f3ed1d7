import { defineFunction } from '../action-map';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';

/** A reviewer: an OPENID on the admins list, or an operator call from the console. */
export type Reviewer = { kind: 'admin'; openid: string; name: string } | { kind: 'operator'; name: string };

export const admin = defineFunction<'admin', Reviewer, ServerDeps>({
  name: 'admin',
  actions: {},
  async identify(caller) {
    if (caller.kind === 'operator') return { kind: 'operator', name: caller.name };
    if (caller.kind === 'user') throw refuse.forbidden('你不是审核员，无法使用审核台。');
    throw refuse.unauthenticated();
  },
});
