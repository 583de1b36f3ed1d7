/**
 * The reviewers' queue on the cloud database, in requests: each is a round trip on the real cloud,
 * so what a page costs is how many it makes. The real admin action map on the cloudbase store,
 * over the in-memory wx-server-sdk database double (test/server/doubles/cloud-db.ts, held to the
 * SDK's documented semantics by its own tests), with the bench's 1,000 applications.
 */
import { CloudbaseStore } from '../server/cloudbase/store';
import { functions } from '../server/functions';
import { fakeCloudDb } from '../test/server/doubles/cloud-db';
import { exact, type Figure } from './figures';
import { benchDeps } from './deps';
import { personalForm } from './fixtures';
import { applicationOf, HEAVY_FILER, NOW, SEARCH_TARGET } from './sqlite/seed';

const COUNT = 1_000;
const KEY = 'bench-operator-key-0123';
/**
 * Measured the same way on the store before the aggregate (b92f1f7): one `count()` per state (10)
 * beside the page's read, on every page and every filter.
 */
const BEFORE = { reads: 11, note: '1 read + 10 count()' };

export async function measureCloudbaseQueue(): Promise<Figure[]> {
  const db = fakeCloudDb({ throwOnNotFound: false });
  const store = new CloudbaseStore(db);
  await store.setup();
  const base = personalForm(HEAVY_FILER);
  for (let i = 0; i < COUNT; i += 1) await store.insertApplication(applicationOf(i, COUNT, base));
  const deps = benchDeps(store, { clock: { now: () => new Date(NOW) }, operatorKey: KEY });
  const page = async (params: Record<string, unknown>) => {
    const before = { ...db.stats };
    const event = { action: 'queue.list', ...params, operator: { name: 'bench', key: KEY } };
    const answer = await functions.admin(event, { openid: null, source: null }, deps);
    if (!answer.ok) throw new Error(`queue.list: ${answer.error.message}`);
    const data = answer.data as { nextCursor: string | null };
    return {
      reads: db.stats.reads - before.reads,
      aggregates: db.stats.aggregates - before.aggregates,
      data,
    };
  };
  const first = await page({});
  const scenarios: [string, string, Record<string, unknown>][] = [
    ['first', 'first page, all submitted', {}],
    ['next', 'next page (cursor)', { cursor: first.data.nextCursor }],
    ['state', 'first page of one state (authority_review)', { state: 'authority_review' }],
    ['search', 'search matching one application', { query: SEARCH_TARGET.miniprogramName }],
  ];
  const figures: Figure[] = [];
  for (const [id, label, params] of scenarios) {
    const { reads, aggregates } = await page(params);
    figures.push(
      exact(
        {
          area: 'cloudbase',
          id: `cloudbase.queue.requests.${id}`,
          label: `queue.list requests per page — ${label}`,
          unit: 'count',
          target: '≤ 2 (1 read + 1 aggregate)',
          ok: reads <= 1 && aggregates <= 1,
          note: `${reads} read + ${aggregates} aggregate; before: ${BEFORE.reads} (${BEFORE.note}); database double, ${COUNT.toLocaleString('en-US')} applications`,
        },
        reads + aggregates,
      ),
    );
  }
  return figures;
}
