/**
 * The reviewers' queue on the cloud database, counted in requests against the database double:
 * every request is a round trip on the real cloud, so a page costs one read of applications and
 * one aggregate for the counts per state, whatever the filter (docs/benchmarks.md).
 */
import type { Application } from '@beian/core';
import { CloudbaseStore } from '../../server/cloudbase/store';
import { SEARCH_BACKFILL } from '../../server/cloudbase/search';
import { COLLECTIONS } from '../../server/store/collections';
import { fakeCloudDb, type FakeCloudDb } from './doubles/cloud-db';
import { application } from './helpers/applications';
import { harness, ok, type Harness } from './helpers/harness';

const review = (at: string): Partial<Application> => ({
  state: 'platform_review',
  due: { stage: 'platform_review', at },
});

describe('queue.list on cloudbase', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness('cloudbase');
    for (let i = 0; i < 45; i += 1) {
      const app = application(review(`2026-11-${String(4 + (i % 20)).padStart(2, '0')}T00:00:00.000Z`));
      if (i === 7) app.form.miniprogram.name = '北辰测绘';
      await h.store.insertApplication(app);
    }
    await h.store.insertApplication(application({ state: 'filed' }));
  });
  afterEach(() => h.close());

  /** The requests one queue.list call makes, by kind. */
  async function requestsOf(params: Record<string, unknown>) {
    const before = { ...h.cloudDb.stats };
    const answer = ok(await h.as('operator').admin('queue.list', params));
    const { reads, aggregates, writes } = h.cloudDb.stats;
    return {
      answer,
      reads: reads - before.reads,
      aggregates: aggregates - before.aggregates,
      writes: writes - before.writes,
    };
  }

  it('costs one read and one aggregate per page: first, next, one state, overdue, a search', async () => {
    const first = await requestsOf({});
    expect(first).toMatchObject({ reads: 1, aggregates: 1, writes: 0 });
    expect(first.answer.items).toHaveLength(20);
    expect(first.answer.counts).toMatchObject({ platform_review: 45, filed: 1, draft: 0 });
    const second = await requestsOf({ cursor: first.answer.nextCursor });
    expect(second).toMatchObject({ reads: 1, aggregates: 1 });
    const seen = new Set([...first.answer.items, ...second.answer.items].map((item) => item.id));
    expect(seen.size).toBe(40);
    for (const params of [{ state: 'platform_review' }, { overdue: true }, { query: '测绘' }]) {
      expect(await requestsOf(params)).toMatchObject({ reads: 1, aggregates: 1 });
    }
    expect((await requestsOf({ query: '北辰测绘' })).answer.items).toHaveLength(1);
  });
});

describe('the cloudbase store’s search tokens', () => {
  let db: FakeCloudDb;
  let store: CloudbaseStore;
  beforeEach(async () => {
    db = fakeCloudDb({ throwOnNotFound: false });
    store = new CloudbaseStore(db);
    await store.setup();
  });

  const search = async (query: string) =>
    (await store.queue({ states: ['platform_review'], overdueOnly: false, query, after: null }, 10)).map(
      (a) => a.id,
    );

  it('stores the tokens with every write and finds by them, not by the names alone', async () => {
    const app = application(review('2026-11-04T00:00:00.000Z'));
    app.form.subject.name = '星河科技有限公司';
    await store.insertApplication(app);
    const [stored] = db.dump(COLLECTIONS.applications);
    expect(stored?.searchTokens).toEqual(expect.arrayContaining(['星', '星河', '科技', '公司']));
    expect(await search('科技')).toEqual([app.id]);
    // A document whose tokens say otherwise is not found: the search asks the tokens first.
    await db
      .collection(COLLECTIONS.applications)
      .doc(app.id)
      .update({ data: { searchTokens: db.command.set([]) } });
    expect(await search('科技')).toEqual([]);
  });

  it('gives documents written before the tokens existed their tokens at setup', async () => {
    const app = application(review('2026-11-04T00:00:00.000Z'));
    app.form.subject.name = '北辰测绘';
    await store.insertApplication(app);
    await db
      .collection(COLLECTIONS.applications)
      .doc(app.id)
      .update({ data: { searchTokens: db.command.remove() } });
    expect(await search('测绘')).toEqual([]);
    expect(await store.setup()).toEqual([SEARCH_BACKFILL]);
    expect(await search('测绘')).toEqual([app.id]);
    expect(await store.setup()).toEqual([]);
  });
});
