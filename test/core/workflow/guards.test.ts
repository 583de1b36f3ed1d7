/** Who may cause which event, and the per-event guards (payloads, one resend, the SMS window). */
import { emptyForm, transition, type Actor, type FilingEvent, type FilingEventType } from '@beian/core';
import {
  admin,
  HOUR,
  inState,
  lastChange,
  later,
  move,
  operator,
  owner,
  RECORD_NUMBER,
  reasons,
  stranger,
  system,
} from './build';

const ACTORS: Record<string, Actor> = { owner, stranger, admin, operator, system };

const CASES: [FilingEvent, Parameters<typeof inState>[0], string[]][] = [
  [{ type: 'submit' }, 'draft', ['owner']],
  [{ type: 'withdraw' }, 'platform_review', ['owner']],
  [{ type: 'sms_resend' }, 'sms_verification', ['owner']],
  [{ type: 'sms_verified' }, 'sms_verification', ['owner', 'admin', 'operator']],
  [{ type: 'platform_approve' }, 'platform_review', ['admin', 'operator']],
  [{ type: 'platform_reject', reasons }, 'platform_review', ['admin', 'operator']],
  [{ type: 'authority_approve', recordNumber: RECORD_NUMBER }, 'authority_review', ['admin', 'operator']],
  [{ type: 'authority_reject', reasons }, 'authority_review', ['admin', 'operator']],
  [{ type: 'sms_timeout' }, 'sms_verification', ['system']],
];

describe('actor guards', () => {
  const rows = CASES.flatMap(([event, state, allowed]) =>
    Object.keys(ACTORS).map((who) => [event.type, who, allowed.includes(who), event, state] as const),
  );

  it.each(rows)('%s by %s → allowed: %s', (_type, who, allowed, event, state) => {
    const application = inState(state);
    // Inside the SMS window for everyone but the scheduler, whose event needs it closed.
    const now = later(lastChange(application), event.type === 'sms_timeout' ? 24 * HOUR : HOUR);
    const result = transition(application, event, ACTORS[who] as Actor, now);
    if (allowed) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('names the refused action in Chinese', () => {
    const result = transition(inState('platform_review'), { type: 'platform_approve' }, owner, new Date());
    expect(result).toMatchObject({
      ok: false,
      error: { message: '只有审核员可以进行「平台初审通过」操作。' },
    });
  });
});

describe('guards', () => {
  const at = (type: FilingEventType) => (type === 'sms_timeout' ? 24 * HOUR : HOUR);

  it('refuses to submit a form that fails the checks, with every error at its field path', () => {
    const application = { ...inState('draft'), form: emptyForm() };
    const result = transition(application, { type: 'submit' }, owner, later(lastChange(application), HOUR));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.length).toBeGreaterThan(0);
    expect(result.error.fields?.map((issue) => issue.path)).toContain('subject.name');
    expect(result.error.message).toMatch(/^还有 \d+ 处需要修改/);
  });

  it('allows one SMS resend, not two, and keeps the window where it was', () => {
    const waiting = inState('sms_verification');
    const once = move(waiting, { type: 'sms_resend' }, owner, later(lastChange(waiting), HOUR));
    expect(once.sms).toEqual({ firstSentAt: waiting.sms?.firstSentAt, resends: 1 });
    expect(once.due).toEqual(waiting.due);
    const twice = transition(once, { type: 'sms_resend' }, owner, later(lastChange(once), HOUR));
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('times out the SMS check only once 24 hours have passed since the first SMS', () => {
    const waiting = inState('sms_verification');
    const firstSms = new Date(waiting.sms?.firstSentAt ?? '');
    const early = transition(waiting, { type: 'sms_timeout' }, system, later(firstSms, 24 * HOUR - 1));
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const resent = move(waiting, { type: 'sms_resend' }, owner, later(firstSms, 20 * HOUR));
    // The resend does not extend the window.
    const onTime = transition(resent, { type: 'sms_timeout' }, system, later(firstSms, 24 * HOUR));
    expect(onTime).toMatchObject({ ok: true, application: { state: 'sms_timeout' } });
  });

  it("refuses the filer's own confirmation after the window, but lets a reviewer record a check done in time", () => {
    const waiting = inState('sms_verification');
    const closed = later(new Date(waiting.sms?.firstSentAt ?? ''), 24 * HOUR + 1);
    expect(transition(waiting, { type: 'sms_verified' }, owner, closed)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(transition(waiting, { type: 'sms_verified' }, admin, closed)).toMatchObject({
      ok: true,
      application: { state: 'authority_review' },
    });
  });

  it.each([
    ['no reasons', [], 'reasons'],
    ['an empty field', [{ field: ' ', error: '照片模糊', suggest: '' }], 'reasons.0.field'],
    ['an empty error', [{ field: 'subject.name', error: '', suggest: '改正' }], 'reasons.0.error'],
    [
      'a suggestion that is not text',
      [{ field: 'subject.name', error: '不符', suggest: 3 }],
      'reasons.0.suggest',
    ],
  ])('refuses a rejection with %s (VALIDATION at %s)', (_what, given, path) => {
    for (const type of ['platform_reject', 'authority_reject'] as const) {
      const application = inState(type === 'platform_reject' ? 'platform_review' : 'authority_review');
      const event = { type, reasons: given } as FilingEvent;
      const result = transition(application, event, admin, later(lastChange(application), at(type)));
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toContain(path);
    }
  });

  it('stores reasons trimmed', () => {
    const application = inState('platform_review');
    const padded = [{ field: ' subject.name ', error: ' 与证件不符 ', suggest: ' 按营业执照填写 ' }];
    const rejected = move(
      application,
      { type: 'platform_reject', reasons: padded },
      admin,
      lastChange(application),
    );
    expect(rejected.reasons).toEqual([
      { field: 'subject.name', error: '与证件不符', suggest: '按营业执照填写' },
    ]);
  });

  it.each(['', '京ICP备123号-1X', 'ICP备2026059598号-1X', '京ICP备2026059598号'])(
    'refuses the record number %j (VALIDATION at recordNumber)',
    (recordNumber) => {
      const application = inState('authority_review');
      const result = transition(
        application,
        { type: 'authority_approve', recordNumber },
        admin,
        lastChange(application),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.fields?.[0]?.path).toBe('recordNumber');
    },
  );

  it('accepts the licence-prefix form and trims the number', () => {
    const application = inState('authority_review');
    const event: FilingEvent = { type: 'authority_approve', recordNumber: ' 粤B2-20090059-1626X ' };
    expect(move(application, event, admin, lastChange(application)).recordNumber).toBe('粤B2-20090059-1626X');
  });

  it("refuses a change's approval under another record number than the record's", () => {
    const application = inState('authority_review', { kind: 'change' });
    const event: FilingEvent = { type: 'authority_approve', recordNumber: '京ICP备2026059598号-2X' };
    const result = transition(application, event, admin, lastChange(application));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'recordNumber' }] },
    });
  });

  it('leaves the application untouched when it refuses', () => {
    const application = inState('sms_verification');
    const copy = JSON.parse(JSON.stringify(application)) as unknown;
    transition(application, { type: 'platform_approve' }, admin, new Date());
    transition(application, { type: 'sms_timeout' }, system, lastChange(application));
    transition(application, { type: 'withdraw' }, stranger, new Date());
    expect(application).toEqual(copy);
  });
});
