/**
 * A scheduler tick is several independent jobs: time out SMS windows, flag overdue reviews, send
 * the outbox. One failed write, or one failed job, is logged and counted; everything else runs.
 */
import { fileTo, ok, useHarness } from './helpers/harness';
import { anotherMiniprogram } from '../fixtures/forms';

const h = useHarness('sqlite');

const DAY = 24 * 3_600_000;

it('flags the other overdue reviews when one write fails, and counts the failure', async () => {
  const filings = [];
  for (let i = 0; i < 3; i += 1) filings.push(await fileTo(h, 'platform_review', anotherMiniprogram()));
  h.advance(10 * DAY);
  const failing = filings[0]?.id;
  const commit = h.store.commit.bind(h.store);
  jest.spyOn(h.store, 'commit').mockImplementation(async (c) => {
    if (c.application.id === failing) throw new Error('disk I/O error');
    return commit(c);
  });
  const report = ok(await h.as('timer').scheduler());
  expect(report.overdueFlagged).toBe(2);
  expect(h.errors).toContain('tick: 1 failed (the rest of the tick ran)');
  expect(h.errors.some((line) => line.includes(`sweep overdue ${failing}`))).toBe(true);
});

it('still sends the outbox when a sweep fails outright', async () => {
  await fileTo(h, 'platform_review');
  jest.spyOn(h.store, 'expiredSmsWindows').mockRejectedValue(new Error('database is locked'));
  const report = ok(await h.as('timer').scheduler());
  expect(h.errors).toContain('tick: 1 failed (the rest of the tick ran)');
  const dispatched = Object.values(report.dispatch).reduce((sum, n) => sum + n, 0);
  expect(dispatched).toBeGreaterThan(0);
  expect(h.errors.some((line) => line.startsWith('tick: sms_timeout failed'))).toBe(true);
});
