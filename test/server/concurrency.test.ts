/**
 * Races on the sqlite store, as two reviewers or a double-tapping filer cause them: exactly one
 * write wins, the others are told so, and nothing is written twice.
 */
import { fileTo, ok, useHarness } from './helpers/harness';
import { anotherMiniprogram } from '../fixtures/forms';

const h = useHarness('sqlite');

it('lets exactly one of 20 parallel approvals win; the rest get CONFLICT', async () => {
  const filing = await fileTo(h, 'platform_review');
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      h
        .as(i % 2 === 0 ? 'admin' : 'operator')
        .admin('review.approve', { id: filing.id, version: filing.version }),
    ),
  );
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? null : a.error.code))).toEqual(
    Array(19).fill('CONFLICT'),
  );
  const audit = await h.store.auditOf(filing.id);
  expect(audit.filter((a) => a.event.type === 'platform_approve')).toHaveLength(1);
  const stored = await h.store.getApplication(filing.id);
  expect(stored).toMatchObject({ state: 'sms_verification', version: filing.version + 1 });
  // One transition, one set of notices: the submission's and the approval's.
  const messages = await h.store.outboxOf(filing.id);
  expect(messages.length).toBeGreaterThan(0);
  expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
});

it('submits once for 20 parallel submits with one request id, and answers all 20 the same', async () => {
  const draft = await fileTo(h, 'draft');
  const params = { id: draft.id, version: draft.version, requestId: 'double-tap-0001' };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => h.as('owner').filing('filing.submit', params)),
  );
  const first = ok(answers[0] ?? { ok: false, error: { code: 'INTERNAL', message: 'none' } });
  expect(first.filing.state).toBe('platform_review');
  for (const answer of answers) expect(answer).toEqual({ ok: true, data: first });
  const audit = await h.store.auditOf(draft.id);
  expect(audit.filter((a) => a.event.type === 'submit')).toHaveLength(1);
  expect((await h.store.getApplication(draft.id))?.version).toBe(draft.version + 1);
});

it('moves each due application once when two scheduler ticks run at once', async () => {
  const filings = [];
  for (let i = 0; i < 5; i += 1) filings.push(await fileTo(h, 'sms_verification', anotherMiniprogram()));
  h.advance(25 * 3_600_000);
  const reports = await Promise.all([h.as('timer').scheduler(), h.as('operator').scheduler()]);
  const timedOut = reports.reduce((n, r) => n + ok(r).timedOut, 0);
  expect(timedOut).toBe(5);
  for (const filing of filings) {
    const audit = await h.store.auditOf(filing.id);
    expect(audit.filter((a) => a.event.type === 'sms_timeout')).toHaveLength(1);
  }
});
