/**
 * The Store on better-sqlite3: one aggregate per file (applications.ts, queues.ts, outbox.ts,
 * credits.ts, reviewers.ts, requests.ts) over the same database handle, composed into the one
 * port (server/store/compose.ts). Calls are synchronous underneath; the async surface is the
 * port's. Migrations run when the store is built.
 */
import type Database from 'better-sqlite3';
import { composeStore } from '../store/compose';
import type { Store } from '../store/types';
import { sqliteApplications } from './applications';
import { sqliteCredits } from './credits';
import { migrate } from './migrate';
import { sqliteOutbox } from './outbox';
import { SqlitePlatformRecords } from './platform';
import { SqliteRecognitions } from './recognitions';
import { sqliteQueues } from './queues';
import { sqliteRequests } from './requests';
import { sqliteReviewers } from './reviewers';

/** The sqlite store is the port and nothing more; the name stays for the callers that use it. */
export type SqliteStore = Store;

export function sqliteStore(db: Database.Database): SqliteStore {
  const created = migrate(db);
  return composeStore({
    applications: sqliteApplications(db),
    queues: sqliteQueues(db),
    outbox: sqliteOutbox(db),
    credits: sqliteCredits(db),
    reviewers: sqliteReviewers(db),
    requests: sqliteRequests(db),
    platform: new SqlitePlatformRecords(db),
    recognitions: new SqliteRecognitions(db),
    // Migrations already ran on open; report what that open created (nothing on a second run).
    setup: async () => created.splice(0),
    close: async () => {
      if (db.open) db.close();
    },
  });
}
