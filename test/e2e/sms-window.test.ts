/**
 * The 24-hour SMS window on the manual clock: approved, the clock moved past the window, the
 * scheduler's timer fires → `sms_timeout` and one notice; firing it again changes nothing.
 */
import type { FilingView } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, TEMPLATE, cloudForAll, type TestCloud } from './harness';

const HOUR = 3_600_000;

let test: TestCloud;
let filing: FilingView;

cloudForAll((started) => (test = started));

beforeAll(async () => {
  ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
  const saved = await test.draftWith(FILER, personalForm());
  await test.consent(FILER);
  await test.consent(FILER);
  const submitted = await test.submitted(FILER, saved.id, saved.version, 'submit-sms-01');
  filing = ok(
    await test.as(ADMIN, 'admin', 'review.approve', { id: saved.id, version: submitted.version }),
  ).filing;
  await test.tick();
});

async function current(): Promise<FilingView> {
  return ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id })).filing;
}

describe('the SMS window', () => {
  it('is still open one second before 24 hours', async () => {
    await test.advance(24 * HOUR - 1000);
    const before = (await test.messages()).length;
    expect(await test.tick()).toMatchObject({ timedOut: 0 });
    expect((await current()).state).toBe('sms_verification');
    expect(await test.messages()).toHaveLength(before);
  });

  it('closes at 24 h + 1 s: the scheduler times it out and the filer gets one notice', async () => {
    await test.advance(2000);
    const before = (await test.messages()).length;
    const report = await test.tick();
    expect(report).toMatchObject({ timedOut: 1, dispatch: { sent: 1 } });
    const moved = await current();
    expect(moved.state).toBe('sms_timeout');
    const sent = (await test.messages()).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: FILER,
      templateId: TEMPLATE.result,
      outcome: 'sent',
      data: { phrase3: { value: '核验超时' } },
    });
    const audit = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id })).audit;
    expect(audit[audit.length - 1]).toMatchObject({
      event: { type: 'sms_timeout' },
      actor: { kind: 'system' },
      at: '2026-11-03T02:00:01.000Z',
    });
  });

  it('changes nothing when the trigger fires again', async () => {
    const before = await current();
    const messages = (await test.messages()).length;
    expect(await test.tick()).toEqual({
      timedOut: 0,
      overdueFlagged: 0,
      dispatch: { sent: 0, noConsent: 0, rejected: 0, retried: 0, failed: 0, skipped: 0 },
      // Not a platform (skipped), or WeChat's tables already fetched by the first tick (current).
      tables: expect.objectContaining({ status: expect.stringMatching(/^(skipped|current)$/) }),
    });
    expect(await current()).toEqual(before);
    expect(await test.messages()).toHaveLength(messages);
  });
});
