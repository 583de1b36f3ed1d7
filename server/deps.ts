import type { BaseDeps } from './action-map';
import type { Clock } from './ports';

/** Everything the action maps need, supplied by an adapter set (cloudbase or sqlite). */
export interface ServerDeps extends BaseDeps {
  clock: Clock;
}
