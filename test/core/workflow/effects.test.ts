/** What an accepted transition changes and causes: the application's fields, audit, notices, base effect. */
import { applyBaseEffect, transition, type Actor, type Application, type FilingEvent } from '@beian/core';
import {
  admin,
  beijing,
  draft,
  filedRecord,
  HOUR,
  inState,
  later,
  OWNER,
  owner,
  RECORD_NUMBER,
  reasons,
} from './build';

function accepted(
  application: Application,
  event: FilingEvent,
  actor: Actor = owner,
  now = later(new Date(application.updatedAt), HOUR),
) {
  const result = transition(application, event, actor, now, { requestId: 'req-42' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ...result, now };
}

describe('an accepted transition', () => {
  it('bumps the version, stamps the time, closes the old stage and opens the new one', () => {
    const before = inState('draft');
    const { application, now } = accepted(before, { type: 'submit' });
    const at = now.toISOString();
    expect(application.version).toBe(before.version + 1);
    expect(application.updatedAt).toBe(at);
    expect(application.submittedAt).toBe(at);
    expect(application.timeline).toEqual([
      { state: 'draft', startedAt: before.createdAt, endedAt: at },
      { state: 'platform_review', startedAt: at, endedAt: null },
    ]);
  });

  it('records an audit event with the actor, the event, both states and the request id', () => {
    const before = inState('platform_review');
    const { effects, now } = accepted(before, { type: 'platform_reject', reasons }, admin);
    expect(effects.audit).toEqual({
      applicationId: before.id,
      at: now.toISOString(),
      actor: admin,
      event: { type: 'platform_reject', reasons },
      from: 'platform_review',
      to: 'platform_rejected',
      requestId: 'req-42',
    });
  });

  it('keeps the reasons of a rejection until the next submission', () => {
    const rejected = inState('platform_rejected');
    expect(rejected.reasons).toEqual(reasons);
    expect(accepted(rejected, { type: 'submit' }).application.reasons).toEqual([]);
  });

  it('starts the SMS window on entering the SMS check, and a new submission starts a new one', () => {
    const review = inState('platform_review');
    const { application, now } = accepted(review, { type: 'platform_approve' }, admin);
    expect(application.sms).toEqual({ firstSentAt: now.toISOString(), resends: 0 });
    expect(application.due).toEqual({ stage: 'sms_verification', at: later(now, 24 * HOUR).toISOString() });
    const timedOut = inState('sms_timeout');
    expect(accepted(timedOut, { type: 'submit' }).application.sms).toBeNull();
  });

  it('sets the record number on approval', () => {
    const { application } = accepted(
      inState('authority_review'),
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
      admin,
    );
    expect(application).toMatchObject({ state: 'filed', recordNumber: RECORD_NUMBER, due: null });
  });

  it('clears the overdue flag when the review ends', () => {
    const review = { ...inState('platform_review'), overdueSince: '2026-12-05T00:00:00.000Z' };
    expect(accepted(review, { type: 'platform_approve' }, admin).application.overdueSince).toBeNull();
  });
});

describe('notices', () => {
  it('tells the filer about a submission, with the expected date of the platform result', () => {
    const { effects } = accepted(
      draft({ start: beijing('2026-09-29T09:00:00') }),
      { type: 'submit' },
      owner,
      beijing('2026-09-30T10:00:00'),
    );
    expect(effects.notices).toEqual([
      {
        role: 'progress',
        to: OWNER,
        applicationId: 'app-1',
        page: 'pages/progress/index?id=app-1',
        values: {
          filing: '三哥记账本',
          state: { text: '平台初审中', phrase: '平台初审中' },
          time: beijing('2026-09-30T10:00:00').toISOString(),
          // 10-01…10-07 are the National Day holiday: the 2nd working day is Friday 10-09.
          note: '预计10月9日前出初审结果',
        },
      },
    ]);
  });

  it('sends a rejection as a result with its reason', () => {
    const { effects } = accepted(inState('platform_review'), { type: 'platform_reject', reasons }, admin);
    expect(effects.notices).toHaveLength(1);
    expect(effects.notices[0]).toMatchObject({
      role: 'result',
      values: { stage: '平台初审', result: { phrase: '未通过' }, detail: '手机号与负责人不符' },
    });
  });

  it('sends the SMS check as a to-do with its deadline', () => {
    const { effects, now } = accepted(inState('platform_review'), { type: 'platform_approve' }, admin);
    expect(effects.notices).toEqual([
      expect.objectContaining({
        role: 'todo',
        values: expect.objectContaining({
          task: '完成工信部短信核验',
          deadline: later(now, 24 * HOUR).toISOString(),
        }),
      }),
    ]);
  });

  it('sends the record number when filed, and nothing for a resend', () => {
    const filed = accepted(
      inState('authority_review'),
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
      admin,
    );
    expect(filed.effects.notices[0]).toMatchObject({
      role: 'result',
      values: { result: { text: '备案成功' }, detail: RECORD_NUMBER },
    });
    expect(accepted(inState('sms_verification'), { type: 'sms_resend' }).effects.notices).toEqual([]);
  });

  it('sends a notice for every state change', () => {
    const steps: [Application, FilingEvent, typeof owner][] = [
      [inState('draft'), { type: 'submit' }, owner],
      [inState('platform_review'), { type: 'withdraw' }, owner],
      [inState('sms_verification'), { type: 'sms_verified' }, owner],
      [inState('authority_review'), { type: 'authority_reject', reasons }, admin],
    ];
    for (const [application, event, actor] of steps) {
      expect(accepted(application, event, actor).effects.notices.length).toBeGreaterThanOrEqual(1);
    }
    const waiting = inState('sms_verification');
    const closed = later(new Date(waiting.updatedAt), 24 * HOUR);
    const timedOut = accepted(waiting, { type: 'sms_timeout' }, { kind: 'system' }, closed);
    expect(timedOut.effects.notices.map((notice) => notice.role)).toEqual(['result']);
  });
});

describe('change and cancellation of a filed record', () => {
  it('a change replaces the record’s form on approval and keeps its number', () => {
    const change = inState('authority_review', { kind: 'change' });
    const edited = {
      ...change,
      form: { ...change.form, miniprogram: { ...change.form.miniprogram, name: '三哥记账本Pro' } },
    };
    const { application, effects } = accepted(
      edited,
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
      admin,
    );
    expect(application).toMatchObject({ state: 'filed', recordNumber: RECORD_NUMBER });
    expect(effects.base).toEqual({ type: 'replace_form', baseId: 'record-1', form: edited.form });

    const record = filedRecord();
    const updated = applyBaseEffect(
      record,
      effects.base ?? { type: 'cancel', baseId: '' },
      new Date(application.updatedAt),
    );
    expect(updated).toMatchObject({
      state: 'filed',
      recordNumber: RECORD_NUMBER,
      version: record.version + 1,
    });
    expect(updated.form.miniprogram.name).toBe('三哥记账本Pro');
    expect(updated.timeline).toEqual(record.timeline);
  });

  it('a cancellation ends cancelled and cancels the record, which gets a timeline entry', () => {
    const cancel = inState('authority_review', { kind: 'cancel', cancelScope: 'miniprogram' });
    const { application, effects, now } = accepted(
      cancel,
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
      admin,
    );
    expect(application).toMatchObject({ state: 'cancelled', recordNumber: RECORD_NUMBER });
    expect(effects.base).toEqual({ type: 'cancel', baseId: 'record-1' });
    expect(effects.notices[0]).toMatchObject({ role: 'result', values: { result: { phrase: '已注销' } } });

    const record = filedRecord();
    const cancelled = applyBaseEffect(record, { type: 'cancel', baseId: 'record-1' }, now);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.timeline.slice(-2)).toEqual([
      { state: 'filed', startedAt: record.updatedAt, endedAt: now.toISOString() },
      { state: 'cancelled', startedAt: now.toISOString(), endedAt: null },
    ]);
  });

  it('a new filing has no base effect', () => {
    const { effects } = accepted(
      inState('authority_review'),
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
      admin,
    );
    expect(effects.base).toBeNull();
  });

  it('refuses to apply an effect to the wrong record or one no longer filed', () => {
    const record = filedRecord();
    expect(() => applyBaseEffect(record, { type: 'cancel', baseId: 'other' }, new Date())).toThrow();
    const cancelled = applyBaseEffect(record, { type: 'cancel', baseId: record.id }, new Date());
    expect(() => applyBaseEffect(cancelled, { type: 'cancel', baseId: record.id }, new Date())).toThrow();
  });
});
