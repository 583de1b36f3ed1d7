/**
 * One Store from its aggregates (types.ts), the same way for both adapters: each adapter builds
 * every aggregate in its own file over its database and hands them here, instead of stacking them
 * in a chain of base classes.
 *
 * Each aggregate is a plain object of functions closed over the database (no `this`), so the
 * spread below keeps every method working, and the type checker sees the result is the whole
 * port (spreading a class instance would drop its prototype's methods, and fail to compile).
 * The result is one flat object: callers go on asking `deps.store.commit(…)`, and a test that
 * replaces `store.commit` reaches every caller.
 */
import type { PlatformRecords } from '../wechat/records';
import type { RecognitionRecords } from './recognitions';
import type { Applications, Credits, Outbox, Queues, Requests, Reviewers, Store } from './types';

export interface StoreParts {
  applications: Applications;
  queues: Queues;
  outbox: Outbox;
  credits: Credits;
  reviewers: Reviewers;
  requests: Requests;
  platform: PlatformRecords;
  recognitions: RecognitionRecords;
  setup(): Promise<string[]>;
  close(): Promise<void>;
}

export function composeStore(parts: StoreParts): Store {
  const { applications, queues, outbox, credits, reviewers, requests, platform, recognitions, setup, close } =
    parts;
  return {
    ...applications,
    ...queues,
    ...outbox,
    ...credits,
    ...reviewers,
    ...requests,
    platform,
    recognitions,
    setup,
    close,
  };
}

/**
 * A constructor whose `new` answers `build(…)`'s object, for callers that construct a store with
 * `new` (tests, benches). JavaScript's `new` answers the object a function returns; TypeScript
 * has no way to declare such a function a constructor but a cast, so the cast lives here once.
 */
export function constructorOf<A extends unknown[], T extends object>(
  build: (...args: A) => T,
): new (...args: A) => T {
  function composed(...args: A): T {
    return build(...args);
  }
  return composed as unknown as new (...args: A) => T;
}
