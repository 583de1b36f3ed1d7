/**
 * On the real cloud a lost transaction race comes in two shapes: @cloudbase/database's
 * `DATABASE_TRANSACTION_CONFLICT` once its retries are spent, and wx-server-sdk's conflict raised
 * by the write itself (`errCode -501001`, no `.code`), which that retry does not recognise. Either
 * way the store retries, and the caller hears CONFLICT when every attempt loses, never INTERNAL.
 */
import { fileTo, ok, useHarness } from './helpers/harness';

const h = useHarness('cloudbase');

it('retries a write that lost a race once, and the approval goes through', async () => {
  const filing = await fileTo(h, 'platform_review');
  h.cloudDb.conflictOnWrite('applications', 1);
  const approved = await h.as('admin').admin('review.approve', { id: filing.id, version: filing.version });
  expect(ok(approved).filing.state).toBe('sms_verification');
  expect(h.errors).toEqual([]);
});

it('answers CONFLICT, not INTERNAL, when every attempt loses, and writes nothing', async () => {
  const filing = await fileTo(h, 'platform_review');
  const before = h.snapshot();
  h.cloudDb.conflictOnWrite('applications', 10);
  const answer = await h.as('admin').admin('review.approve', { id: filing.id, version: filing.version });
  expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(h.snapshot()).toBe(before);
  expect(h.errors.filter((line) => line.includes('INTERNAL'))).toEqual([]);
});
