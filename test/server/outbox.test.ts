/**
 * The outbox, dispatched by the scheduler: credits decide whether WeChat is called at all, each
 * WeChat error class ends where it should, retries back off, a failed send never undoes the
 * transition, and two dispatchers at once send each message at most once — on both stores.
 */
import { backoffMs, LEASE_MS, MAX_ATTEMPTS } from '../../server/app/outbox';
import { application, commitOf, message } from './helpers/applications';
import { fileTo, ok, OWNER, STORES, useHarness } from './helpers/harness';
import { anotherMiniprogram } from '../fixtures/forms';

describe.each(STORES)('outbox on %s', (kind) => {
  const h = useHarness(kind);

  const tick = async () => ok(await h.as('timer').scheduler()).dispatch;
  const progressTemplate = () => h.deps.templates.progress.templateId;
  const subscribe = async (times = 1) => {
    for (let i = 0; i < times; i += 1) {
      await h.as('owner').filing('subscription.record', { results: { [progressTemplate()]: 'accept' } });
    }
  };
  const outbox = async (id: string) => h.store.outboxOf(id);
  const credits = async () => (await h.store.creditsOf(OWNER))[progressTemplate()] ?? 0;

  it('skips a message without a credit and never calls WeChat for it', async () => {
    const filing = await fileTo(h, 'platform_review');
    expect(await tick()).toMatchObject({ skipped: 1, sent: 0 });
    expect(h.messenger.calls).toBe(0);
    expect((await outbox(filing.id))[0]).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(await tick()).toMatchObject({ skipped: 0 });
  });

  it('does not let messages without a credit use up the batch: a due notice goes out in the same tick', async () => {
    // 150 notices for someone without a credit, more than one batch of 100, due before ours.
    const stranger = application({ owner: 'o-no-credit-1' });
    await h.store.insertApplication(stranger);
    const early = { nextAttemptAt: '2026-11-01T00:00:00.000Z' };
    const skipped = Array.from({ length: 150 }, () => message(stranger, early));
    await h.store.commit(commitOf({ ...stranger, version: 2 }, 1, { outbox: skipped }));
    await subscribe(1);
    const due = await fileTo(h, 'platform_review');
    const report = await tick();
    expect(report).toMatchObject({ sent: 1, skipped: 150 });
    expect((await outbox(due.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('sends with a credit and spends it', async () => {
    await subscribe(2);
    const filing = await fileTo(h, 'platform_review');
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(h.messenger.sent).toHaveLength(1);
    expect(h.messenger.sent[0]?.message).toMatchObject({
      touser: OWNER,
      templateId: progressTemplate(),
      page: expect.stringContaining(filing.id),
    });
    expect((await outbox(filing.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await credits()).toBe(1);
  });

  it('closes a message as no_consent on 43101 and zeroes the credit', async () => {
    await subscribe(3);
    const filing = await fileTo(h, 'platform_review');
    h.messenger.answer(43101);
    expect(await tick()).toMatchObject({ noConsent: 1 });
    expect((await outbox(filing.id))[0]).toMatchObject({
      status: 'no_consent',
      lastError: '43101 errcode 43101',
    });
    expect(await credits()).toBe(0);
    expect(await tick()).toMatchObject({ noConsent: 0, retried: 0 });
  });

  it.each([47003, 40037, 41030])(
    'rejects on %i for good, logs it loudly and gives the credit back',
    async (code) => {
      await subscribe();
      const filing = await fileTo(h, 'platform_review');
      h.messenger.answer(code);
      expect(await tick()).toMatchObject({ rejected: 1 });
      expect((await outbox(filing.id))[0]).toMatchObject({ status: 'rejected', attempts: 1 });
      expect(h.errors.some((line) => line.includes('REJECTED') && line.includes(String(code)))).toBe(true);
      expect(await credits()).toBe(1);
      h.advance(3_600_000);
      expect(await tick()).toMatchObject({ rejected: 0, sent: 0 });
    },
  );

  it('retries other errors with exponential backoff and fails after the 5th attempt', async () => {
    await subscribe();
    const filing = await fileTo(h, 'platform_review');
    h.messenger.answer(-501001, -501001, -501001, -501001, -501001);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await tick()).toMatchObject({ retried: 1 });
      const [message] = await outbox(filing.id);
      expect(message).toMatchObject({ status: 'pending', attempts: attempt });
      // Not due again before its backoff has passed.
      h.advance(backoffMs(attempt) - 1000);
      expect(await tick()).toMatchObject({ retried: 0, failed: 0 });
      h.advance(1000);
    }
    expect(await tick()).toMatchObject({ failed: 1 });
    expect((await outbox(filing.id))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(h.messenger.calls).toBe(MAX_ATTEMPTS);
    expect(await credits()).toBe(1);
    expect(backoffMs(1)).toBe(60_000);
    expect(backoffMs(4)).toBe(8 * 60_000);
  });

  it('leaves the transition standing when sending fails', async () => {
    await subscribe();
    const filing = await fileTo(h, 'platform_review');
    h.messenger.answer(47003);
    await tick();
    const { filing: after } = ok(await h.as('owner').filing('filing.get', { id: filing.id }));
    expect(after).toMatchObject({ state: 'platform_review', version: filing.version });
  });

  it('sends each message at most once when two ticks run at once', async () => {
    await subscribe(10);
    const filings = [];
    for (let i = 0; i < 4; i += 1) filings.push(await fileTo(h, 'platform_review', anotherMiniprogram()));
    const reports = await Promise.all([tick(), tick(), tick()]);
    const sent = reports.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(4);
    expect(h.messenger.calls).toBe(4);
    const tos = h.messenger.sent.map((m) => m.message.page);
    expect(new Set(tos).size).toBe(4);
    expect(await credits()).toBe(6);
  });

  it('does not resend a message whose dispatcher died mid-send; it closes it as failed', async () => {
    await subscribe();
    const filing = await fileTo(h, 'platform_review');
    const [message] = await outbox(filing.id);
    if (!message) throw new Error('no message');
    const leaseUntil = new Date(Date.parse(message.nextAttemptAt) + LEASE_MS).toISOString();
    await h.store.updateMessage(
      { ...message, status: 'sending', leaseUntil, nextAttemptAt: leaseUntil, rev: message.rev + 1 },
      message.rev,
    );
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    h.advance(LEASE_MS);
    expect(await tick()).toMatchObject({ failed: 1 });
    expect(h.messenger.calls).toBe(0);
  });
});
