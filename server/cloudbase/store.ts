/**
 * The Store on the wx-server-sdk cloud database (`cloud.database({ throwOnNotFound: false })`):
 * one aggregate per file (applications.ts, queues.ts, outbox.ts, credits.ts, reviewers.ts,
 * requests.ts) over the same database, composed into the one port (server/store/compose.ts).
 * Setup belongs to the whole store: it creates every collection and backfills older documents.
 */
import { COLLECTIONS } from '../store/collections';
import { composeStore, constructorOf } from '../store/compose';
import type { Store } from '../store/types';
import { cloudbaseApplications } from './applications';
import { cloudbaseCredits } from './credits';
import { COLLECTION_MISSING, errCodeOf, type CloudDatabase } from './db';
import { cloudbaseOutbox } from './outbox';
import { CloudbasePlatformRecords } from './platform';
import { CloudbaseRecognitions } from './recognitions';
import { cloudbaseQueues } from './queues';
import { backfillRelatedKeys } from './related';
import { cloudbaseRequests } from './requests';
import { cloudbaseReviewers } from './reviewers';
import { backfillSearchTokens, SEARCH_BACKFILL } from './search';

export function cloudbaseStore(db: CloudDatabase): Store {
  return composeStore({
    applications: cloudbaseApplications(db),
    queues: cloudbaseQueues(db),
    outbox: cloudbaseOutbox(db),
    credits: cloudbaseCredits(db),
    reviewers: cloudbaseReviewers(db),
    requests: cloudbaseRequests(db),
    platform: new CloudbasePlatformRecords(db),
    recognitions: new CloudbaseRecognitions(db),
    setup: () => setup(db),
    // The SDK keeps no connection of ours to close.
    close: async () => {},
  });
}

/** `new CloudbaseStore(db)`: the same composed store, for the callers that construct it. */
export const CloudbaseStore = constructorOf(cloudbaseStore);
export type CloudbaseStore = Store;

/**
 * Creates the collections that do not exist yet (a read answering -502005 means missing), then
 * gives older applications the cross-record fields (related.ts) and the search tokens; a run that
 * rewrote some says how many, and another run does the rest.
 */
async function setup(db: CloudDatabase): Promise<string[]> {
  const created: string[] = [];
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.collection(name).count();
    } catch (error) {
      if (errCodeOf(error) !== COLLECTION_MISSING) throw error;
      await db.createCollection(name);
      created.push(name);
    }
  }
  const tokens = await backfillSearchTokens(db);
  const rewritten = await backfillRelatedKeys(db);
  const notes = tokens > 0 ? [...created, SEARCH_BACKFILL] : created;
  if (rewritten === 0) return notes;
  return [
    ...notes,
    `${COLLECTIONS.applications}: ${rewritten} 条申请补齐了关联字段，请再运行一次直到不再出现`,
  ];
}
