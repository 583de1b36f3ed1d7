import { admin } from './admin';
import { filing } from './filing';
import { scheduler } from './scheduler';

/** The deployable functions by name: what `cloudfunctions/<name>` and the local cloud both run. */
export const functions = { filing, admin, scheduler } as const;
