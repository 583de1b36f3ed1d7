/**
 * Restarting the local cloud mid-way (close, start again on the same data folder) loses nothing:
 * applications and their audit, the manual clock's time, WeChat's consent credits and sent
 * messages, the outbox still to send, uploaded files, the admins and the operator key.
 */
import type { FilingView } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, OPERATOR_KEY, START, TEMPLATE, TestCloud } from './harness';

const HOUR = 3_600_000;

let test: TestCloud;

afterAll(async () => {
  await test.close();
});

describe('a restart in the middle of an application', () => {
  it('carries on where it stopped', async () => {
    test = await TestCloud.start({ operatorKey: undefined });
    const operatorKey = test.cloud.operatorKey;
    expect(operatorKey).not.toBe(OPERATOR_KEY);
    ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
    const saved = await test.draftWith(FILER, personalForm());
    await test.consent(FILER);
    await test.consent(FILER, [TEMPLATE.todo]);
    let filing: FilingView = await test.submitted(FILER, saved.id, saved.version, 'restart-0001');
    await test.tick();
    filing = ok(
      await test.as(ADMIN, 'admin', 'review.approve', { id: filing.id, version: filing.version }),
    ).filing;
    const now = await test.advance(2 * HOUR);
    const sentBefore = await test.messages();
    expect(sentBefore).toHaveLength(1);

    await test.restart();

    expect(test.cloud.operatorKey).toBe(operatorKey);
    expect((await test.get('/_/clock')).json).toEqual({ mode: 'manual', now });
    expect(now).toBe(new Date(START.getTime() + 2 * HOUR).toISOString());
    const before = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id }));
    expect(before.filing).toEqual(filing);
    expect(await test.messages()).toEqual(sentBefore);
    expect((await test.get(`/_/subscriptions?openid=${FILER}`)).json).toEqual({
      openid: FILER,
      credits: { [TEMPLATE.progress]: 0, [TEMPLATE.result]: 1, [TEMPLATE.todo]: 2 },
    });
    // The to-do queued before the restart is sent after it.
    const report = await test.tick();
    expect(report.dispatch).toMatchObject({ sent: 1 });
    const sent = await test.messages();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ seq: 2, templateId: TEMPLATE.todo, at: now });
    // Still an admin, the files still there, and the application moves on.
    const review = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id }));
    const link = Object.values(review.media)[0] ?? '';
    expect((await fetch(link)).status).toBe(200);
    expect(review.audit).toHaveLength(2);
    filing = ok(
      await test.as(FILER, 'filing', 'sms.confirm', { id: filing.id, version: filing.version }),
    ).filing;
    expect(filing.state).toBe('authority_review');
  });
});
