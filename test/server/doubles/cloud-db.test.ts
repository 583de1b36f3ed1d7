/**
 * The database double holds to the documented wx-server-sdk semantics the adapter relies on
 * (docs/cloud-platform.md § The database); if it did not, the cloudbase contract suite would prove nothing.
 */
import { fakeCloudDb, type FakeCloudDb } from './cloud-db';

let db: FakeCloudDb;
beforeEach(async () => {
  db = fakeCloudDb({ throwOnNotFound: false });
  await db.createCollection('things');
});

it('fails every operation on a collection that was never created with -502005', async () => {
  await expect(db.collection('missing').count()).rejects.toMatchObject({ errCode: -502005 });
  await expect(db.collection('missing').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
});

it('answers a missing document with { data: null }, or throws when throwOnNotFound is left on', async () => {
  expect(await db.collection('things').doc('nope').get()).toMatchObject({ data: null });
  const strict = fakeCloudDb();
  await strict.createCollection('things');
  await expect(strict.collection('things').doc('nope').get()).rejects.toThrow('does not exist');
});

it('returns the documented shapes and at most 100 records without a limit', async () => {
  const things = db.collection('things');
  const added = await things.add({ data: { n: 0 } });
  expect(added).toMatchObject({ _id: expect.any(String), errMsg: 'collection.add:ok' });
  for (let n = 1; n < 130; n += 1) await things.add({ data: { n } });
  expect((await things.get()).data).toHaveLength(100);
  expect(await things.count()).toMatchObject({ total: 130 });
  expect(await things.where({ n: db.command.gte(125) }).update({ data: { big: true } })).toMatchObject({
    stats: { updated: 5 },
  });
  expect(await things.where({ n: -1 }).update({ data: { big: true } })).toMatchObject({
    stats: { updated: 0 },
  });
  expect(await things.doc('nope').update({ data: { a: 1 } })).toMatchObject({ stats: { updated: 0 } });
  expect(await things.doc('nope').remove()).toMatchObject({ stats: { removed: 0 } });
  expect(() => things.limit(1001)).toThrow();
});

it('merges plain nested objects on update, replaces with _.set, increments with _.inc', async () => {
  const things = db.collection('things');
  const { _id } = await things.add({ data: { style: { color: 'red', size: 1 }, count: 1 } });
  await things.doc(_id).update({ data: { style: { color: 'blue' }, count: db.command.inc(2) } });
  expect((await things.doc(_id).get()).data).toMatchObject({ style: { color: 'blue', size: 1 }, count: 3 });
  await things.doc(_id).update({ data: { style: db.command.set({ color: 'green' }) } });
  expect((await things.doc(_id).get()).data?.style).toEqual({ color: 'green' });
  await expect(things.doc(_id).update({ data: { _id: 'x' } })).rejects.toBeTruthy();
  await expect(things.doc(_id).set({ data: { _id: 'x' } })).rejects.toBeTruthy();
});

it('orders, skips, ranges and searches like the cloud database', async () => {
  const things = db.collection('things');
  for (const name of ['b', 'a', 'c', 'Ab']) await things.add({ data: { name } });
  const names = async (q: ReturnType<typeof things.where>) => (await q.get()).data.map((d) => d.name);
  expect(await names(things.where({}).orderBy('name', 'asc').skip(1).limit(2))).toEqual(['a', 'b']);
  expect(await names(things.where({ name: db.command.gt('a') }).orderBy('name', 'desc'))).toEqual(['c', 'b']);
  expect(
    await names(things.where({ name: db.RegExp({ regexp: '^a', options: 'i' }) }).orderBy('name', 'asc')),
  ).toEqual(['Ab', 'a']);
  const either = db.command.or({ name: 'a' }, { name: 'c' });
  expect(await names(things.where(either).orderBy('name', 'asc'))).toEqual(['a', 'c']);
});

it('commits a transaction all at once, and writes nothing when the callback throws', async () => {
  const things = db.collection('things');
  await db.runTransaction(async (tx) => {
    await tx
      .collection('things')
      .doc('a')
      .set({ data: { v: 1 } });
    await tx.collection('things').add({ data: { _id: 'b', v: 2 } });
    expect((await things.doc('a').get()).data).toBeNull();
  });
  expect((await things.doc('a').get()).data).toMatchObject({ v: 1 });
  await expect(
    db.runTransaction(async (tx) => {
      await tx
        .collection('things')
        .doc('a')
        .set({ data: { v: 9 } });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect((await things.doc('a').get()).data).toMatchObject({ v: 1 });
});

it('retries a transaction whose document was written meanwhile, then rejects after its retries', async () => {
  const things = db.collection('things');
  await things.doc('a').set({ data: { v: 0 } });
  let runs = 0;
  const result = await db.runTransaction(async (tx) => {
    runs += 1;
    const { data } = await tx.collection('things').doc('a').get();
    if (runs === 1) await things.doc('a').update({ data: { v: 5 } });
    await tx
      .collection('things')
      .doc('a')
      .set({ data: { v: Number(data?.v) + 1 } });
    return data?.v;
  });
  expect(runs).toBe(2);
  expect(result).toBe(5);
  expect((await things.doc('a').get()).data).toMatchObject({ v: 6 });
  await expect(
    db.runTransaction(async (tx) => {
      await tx.collection('things').doc('a').get();
      await things.doc('a').update({ data: { v: db.command.inc(1) } });
      await tx
        .collection('things')
        .doc('a')
        .set({ data: { v: 0 } });
    }, 2),
    // @cloudbase/database's own error (const/code.js): a `.code`, not an errCode.
  ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
});

it('raises wx-server-sdk’s conflict on the write itself, which the transaction does not retry', async () => {
  const db = fakeCloudDb();
  await db.createCollection('things');
  await db.collection('things').add({ data: { _id: 'a', v: 1 } });
  db.conflictOnWrite('things', 1);
  let runs = 0;
  await expect(
    db.runTransaction(async (tx) => {
      runs += 1;
      await tx
        .collection('things')
        .doc('a')
        .set({ data: { v: 2 } });
    }),
  ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('TransactionConflict') });
  expect(runs).toBe(1);
  expect((await db.collection('things').doc('a').get()).data).toMatchObject({ v: 1 });
});

it('offers no where() inside a transaction (single-document operations only)', async () => {
  await db.runTransaction(async (tx) => {
    expect('where' in tx.collection('things')).toBe(false);
  });
});

it('groups with aggregate().group({ _id: "$field", n: $.sum(1) }), 20 results unless limited', async () => {
  const things = db.collection('things');
  const $ = db.command.aggregate;
  for (let n = 0; n < 30; n += 1) await things.add({ data: { kind: `k${n % 25}`, w: 2 } });
  await things.add({ data: { w: 5 } });
  const before = db.stats.aggregates;
  const unlimited = await things
    .aggregate()
    .group({ _id: '$kind', n: $.sum(1) })
    .end();
  expect(unlimited.list).toHaveLength(20);
  expect(db.stats.aggregates - before).toBe(1);
  const all = await things
    .aggregate()
    .group({ _id: '$kind', n: $.sum(1), weight: $.sum('$w') })
    .limit(100)
    .end();
  expect(all.list).toHaveLength(26);
  expect(all.list).toEqual(
    expect.arrayContaining([
      { _id: 'k0', n: 2, weight: 4 },
      { _id: 'k24', n: 1, weight: 2 },
      { _id: null, n: 1, weight: 5 },
    ]),
  );
  const matched = await things
    .aggregate()
    .match({ kind: 'k1' })
    .group({ _id: '$kind', n: $.sum(1) })
    .end();
  expect(matched.list).toEqual([{ _id: 'k1', n: 2 }]);
  expect(() => things.aggregate().group({ _id: 'kind', n: $.sum(1) })).toThrow();
  expect(() => things.aggregate().group({ _id: '$kind', n: 1 })).toThrow();
});

it('matches arrays holding every value with _.all, and present or missing fields with _.exists', async () => {
  const things = db.collection('things');
  const _ = db.command;
  await things.add({ data: { _id: 'ab', tags: ['a', 'b'] } });
  await things.add({ data: { _id: 'a', tags: ['a'] } });
  await things.add({ data: { _id: 'none' } });
  const ids = async (condition: object) =>
    (await things.where(condition).get()).data.map((d) => d._id).sort();
  expect(await ids({ tags: _.all(['a']) })).toEqual(['a', 'ab']);
  expect(await ids({ tags: _.all(['b', 'a']) })).toEqual(['ab']);
  expect(await ids({ tags: _.all(['c']) })).toEqual([]);
  expect(await ids({ tags: _.exists(false) })).toEqual(['none']);
  expect(await ids({ tags: _.exists(true) })).toEqual(['a', 'ab']);
});
