/**
 * The cloudbase Files adapter on the database double and a getTempFileURL double: who uploaded a
 * file is the record its filer's client registered (first registration wins), that it exists is
 * storage's per-file status. The path is never enough: on the real cloud anyone may write there.
 */
import { cloudFiles } from '../../server/cloudbase/files';
import type { Files } from '../../server/ports';
import { UPLOADS_COLLECTION } from '../../server/store/collections';
import { fakeCloudDb, type FakeCloudDb } from './doubles/cloud-db';
import { fakeCloudStorage, type FakeCloudStorage } from './doubles/cloud-storage';

const A = 'o-filer-a';
const B = 'o-filer-b';
const fileOf = (openid: string, name: string) =>
  `cloud://env-1.7465-env-1-1250000000/filings/${openid}/${name}`;

let db: FakeCloudDb;
let storage: FakeCloudStorage;
let files: Files;

beforeEach(async () => {
  db = fakeCloudDb({ throwOnNotFound: false });
  storage = fakeCloudStorage();
  files = cloudFiles(storage.getTempFileURL, db, { now: () => new Date('2026-11-02T02:00:00.000Z') });
  expect(await files.setup()).toEqual([UPLOADS_COLLECTION]);
});

describe('cloudbase files', () => {
  it('creates its collection once', async () => {
    expect(await files.setup()).toEqual([]);
  });

  it('registers a file its filer uploaded, once, and then vouches for it', async () => {
    const front = fileOf(A, 'front.jpg');
    storage.put(front);
    expect(await files.register(A, front)).toBe('own');
    expect(await files.register(A, front)).toBe('own');
    expect(db.dump(UPLOADS_COLLECTION)).toEqual([
      expect.objectContaining({ fileId: front, owner: A, registeredAt: '2026-11-02T02:00:00.000Z' }),
    ]);
    expect(await files.verify(A, [front])).toEqual({ [front]: 'own' });
  });

  it('refuses to register a file that is not in storage (not uploaded, another environment)', async () => {
    const never = fileOf(A, 'never.jpg');
    expect(await files.register(A, never)).toBe('missing');
    expect(db.dump(UPLOADS_COLLECTION)).toEqual([]);
  });

  it('keeps the first registration: a second filer cannot claim the file', async () => {
    // B wrote under A's folder (storage rules allow it) and registers first.
    const planted = fileOf(A, 'planted.jpg');
    storage.put(planted);
    expect(await files.register(B, planted)).toBe('own');
    expect(await files.register(A, planted)).toBe('foreign');
    expect(await files.verify(A, [planted])).toEqual({ [planted]: 'foreign' });
  });

  it('lets exactly one of two racing registrations win', async () => {
    const raced = fileOf(A, 'raced.jpg');
    storage.put(raced);
    const verdicts = await Promise.all([files.register(A, raced), files.register(B, raced)]);
    expect([...verdicts].sort()).toEqual(['foreign', 'own']);
    expect(db.dump(UPLOADS_COLLECTION)).toHaveLength(1);
  });

  it('answers for each file: own, never registered, registered by another, deleted since', async () => {
    const own = fileOf(A, 'own.jpg');
    const unregistered = fileOf(A, 'unregistered.jpg');
    const others = fileOf(B, 'b.jpg');
    const deleted = fileOf(A, 'deleted.jpg');
    for (const id of [own, unregistered, others, deleted]) storage.put(id);
    await files.register(A, own);
    await files.register(B, others);
    await files.register(A, deleted);
    storage.remove(deleted);
    expect(await files.verify(A, [own, unregistered, others, deleted])).toEqual({
      [own]: 'own',
      [unregistered]: 'missing',
      [others]: 'foreign',
      [deleted]: 'missing',
    });
    // Existence is asked only for the filer's own records, with the shortest link age.
    const lastAsk = storage.asked[storage.asked.length - 1] ?? [];
    expect(lastAsk.map((file) => file.fileID)).toEqual([own, deleted]);
    expect(lastAsk.every((file) => file.maxAge <= 60)).toBe(true);
  });
});
