/**
 * The Store is composed of its aggregates, never inherited (docs/architecture.md § The store):
 * each adapter's aggregates are disjoint and together are the whole store, on both adapters, and
 * no adapter class extends another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cloudbaseApplications } from '../../server/cloudbase/applications';
import { cloudbaseCredits } from '../../server/cloudbase/credits';
import { cloudbaseOutbox } from '../../server/cloudbase/outbox';
import { cloudbaseQueues } from '../../server/cloudbase/queues';
import { cloudbaseRequests } from '../../server/cloudbase/requests';
import { cloudbaseReviewers } from '../../server/cloudbase/reviewers';
import { cloudbaseStore } from '../../server/cloudbase/store';
import { sqliteApplications } from '../../server/sqlite/applications';
import { sqliteCredits } from '../../server/sqlite/credits';
import { sqliteOutbox } from '../../server/sqlite/outbox';
import { sqliteQueues } from '../../server/sqlite/queues';
import { sqliteRequests } from '../../server/sqlite/requests';
import { sqliteReviewers } from '../../server/sqlite/reviewers';
import { sqliteStore } from '../../server/sqlite/store';
import { fakeCloudDb } from './doubles/cloud-db';

/** What the store has beyond its aggregates: the records kept beside them, and its own lifecycle. */
const OWN = ['platform', 'recognitions', 'setup', 'close'];

function expectComposed(parts: readonly object[], store: object): void {
  const names = parts.flatMap((part) => Object.keys(part));
  // A method in two aggregates would be one of them silently: the spread keeps the last.
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  expect(Object.keys(store).sort()).toEqual([...names, ...OWN].sort());
}

describe('the Store, composed of its aggregates', () => {
  it('on sqlite: six disjoint aggregates, together the whole store', async () => {
    const db = new Database(':memory:');
    const store = sqliteStore(db);
    const parts = [
      sqliteApplications,
      sqliteQueues,
      sqliteOutbox,
      sqliteCredits,
      sqliteReviewers,
      sqliteRequests,
    ];
    expectComposed(
      parts.map((part) => part(db)),
      store,
    );
    await store.close();
  });

  it('on cloudbase: six disjoint aggregates, together the whole store', () => {
    const db = fakeCloudDb({ throwOnNotFound: false });
    const parts = [
      cloudbaseApplications,
      cloudbaseQueues,
      cloudbaseOutbox,
      cloudbaseCredits,
      cloudbaseReviewers,
      cloudbaseRequests,
    ];
    expectComposed(
      parts.map((part) => part(db)),
      cloudbaseStore(db),
    );
  });

  it('has no adapter class that extends another (errors aside)', () => {
    const root = join(__dirname, '..', '..', 'server');
    const inherited = ['sqlite', 'cloudbase', 'store'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((name) => name.endsWith('.ts'))
        .flatMap((name) =>
          [...readFileSync(join(root, dir, name), 'utf8').matchAll(/class (\w+) extends (\w+)/g)]
            .filter(([, , base]) => base !== 'Error')
            .map(([found]) => `${dir}/${name}: ${found}`),
        ),
    );
    expect(inherited).toEqual([]);
  });
});
