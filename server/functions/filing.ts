import { defineFunction } from '../action-map';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';

/** A filer is whoever the WeChat context says is calling; they act only on their own applications. */
export interface Filer {
  kind: 'filer';
  openid: string;
}

export const filing = defineFunction<'filing', Filer, ServerDeps>({
  name: 'filing',
  actions: {},
  async identify(caller) {
    if (caller.kind === 'user') return { kind: 'filer', openid: caller.openid };
    throw refuse.unauthenticated();
  },
});
