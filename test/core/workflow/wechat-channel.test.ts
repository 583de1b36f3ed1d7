/**
 * The WeChat channel's part of the workflow: a submit through WeChat goes to Beian's pre-review,
 * then WeChat's face task and the sending step; from there WeChat's reported status decides, and
 * neither a reviewer nor the filer may record WeChat's outcomes by hand.
 */
import {
  eventsToward,
  stateOfWeChat,
  todoOf,
  transition,
  type Application,
  type FilingEvent,
} from '@beian/core';
import {
  admin,
  FACE_DONE,
  HOUR,
  inState,
  lastChange,
  later,
  owner,
  RECORD_NUMBER,
  reasons,
  system,
  wechat,
} from './build';

const at = (application: Application) => later(lastChange(application), HOUR);

describe('the WeChat channel', () => {
  it('sends a WeChat submission to the pre-review, and records the channel and why', () => {
    const application = inState('pre_review');
    expect(application.state).toBe('pre_review');
    expect(application.channel?.kind).toBe('wechat');
    expect(application.channel?.reason).not.toBe('');
    expect(application.wechat).toMatchObject({ face: null, media: [], send: null });
    expect(application.due?.stage).toBe('pre_review');
  });

  it('approval of the pre-review waits for the face task; a cancellation is sent at once', () => {
    const approved = transition(
      inState('pre_review'),
      { type: 'pre_approve' },
      admin,
      at(inState('pre_review')),
    );
    expect(approved.ok && approved.application.state).toBe('face_verification');
    const cancel = inState('pre_review', { kind: 'cancel', cancelScope: 'miniprogram' });
    const sent = transition(cancel, { type: 'pre_approve' }, admin, at(cancel));
    expect(sent.ok && sent.application.state).toBe('sending');
  });

  it('rejection of the pre-review returns it to the filer with the reasons, to edit and submit again', () => {
    const rejected = inState('pre_rejected');
    expect(rejected.reasons).toEqual(reasons);
    expect(todoOf(rejected, at(rejected)).actions).toEqual(['edit', 'submit']);
  });

  it('records the face task on the application and moves on once it succeeded', () => {
    const waiting = inState('face_verification');
    const task = { ...FACE_DONE, status: 'waiting' as const };
    const noted = transition(waiting, { type: 'face_task', task }, system, at(waiting));
    if (!noted.ok) throw new Error('refused');
    expect(noted.application.state).toBe('face_verification');
    expect(noted.application.wechat?.face).toEqual(task);
    expect(noted.effects.notices).toEqual([]);
    const done = transition(
      noted.application,
      { type: 'face_verified', task: FACE_DONE },
      wechat,
      at(noted.application),
    );
    expect(done.ok && done.application.state).toBe('sending');
  });

  it('offers a new face task when the old one failed', () => {
    const waiting = inState('face_verification');
    const failed = transition(
      waiting,
      { type: 'face_task', task: { ...FACE_DONE, status: 'failed' } },
      system,
      at(waiting),
    );
    if (!failed.ok) throw new Error('refused');
    expect(todoOf(failed.application, at(failed.application)).actions).toContain('face.retry');
  });

  it("lets only WeChat move WeChat's outcomes", () => {
    const sent = transition(inState('sending'), { type: 'wechat_sent' }, system, at(inState('sending')));
    if (!sent.ok) throw new Error('refused');
    expect(sent.application.state).toBe('platform_review');
    const byAdmin = transition(sent.application, { type: 'platform_approve' }, admin, at(sent.application));
    expect(byAdmin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byWeChat = transition(sent.application, { type: 'platform_approve' }, wechat, at(sent.application));
    expect(byWeChat.ok && byWeChat.application.state).toBe('sms_verification');
    if (!byWeChat.ok) return;
    const confirm = transition(
      byWeChat.application,
      { type: 'sms_verified' },
      owner,
      at(byWeChat.application),
    );
    expect(confirm).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // WeChat's own timeout is the fact, before our 24-hour window closes.
    const timeout = transition(
      byWeChat.application,
      { type: 'sms_timeout' },
      wechat,
      at(byWeChat.application),
    );
    expect(timeout.ok && timeout.application.state).toBe('sms_timeout');
  });

  it('refuses a refused apply back to the filer as a platform rejection', () => {
    const sending = inState('sending');
    const refused = transition(sending, { type: 'platform_reject', reasons }, wechat, at(sending));
    expect(refused.ok && refused.application.state).toBe('platform_rejected');
  });

  it('lets the filer withdraw before WeChat has the application, not while it is sent', () => {
    for (const state of ['pre_review', 'face_verification'] as const) {
      const application = inState(state);
      const withdrawn = transition(application, { type: 'withdraw' }, owner, at(application));
      expect(withdrawn.ok && withdrawn.application.state).toBe('withdrawn');
    }
    const sending = inState('sending');
    expect(transition(sending, { type: 'withdraw' }, owner, at(sending))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('a submit again through the manual channel clears the WeChat track', () => {
    const rejected = inState('pre_rejected');
    const manual: FilingEvent = { type: 'submit', channel: { kind: 'manual', reason: '未授权' } };
    const again = transition(rejected, manual, owner, at(rejected));
    expect(again.ok && again.application.state).toBe('platform_review');
    expect(again.ok && again.application.wechat).toBeNull();
  });
});

describe("WeChat's status", () => {
  const outcome = { reasons, recordNumber: RECORD_NUMBER };
  const status = (value: number, sms: number | null = null, isCanceling = false) => ({
    status: value,
    smsVerifyStatus: sms,
    isCanceling,
  });

  it.each([
    [2, null, 'platform_review'],
    [3, null, 'platform_rejected'],
    [4, 1, 'sms_verification'],
    [4, 2, 'authority_review'],
    [4, 3, 'sms_timeout'],
    [5, null, 'authority_rejected'],
    [6, null, 'filed'],
    [1024, null, null],
  ])('status %s, sms %s → %s', (value, sms, state) => {
    expect(stateOfWeChat({ kind: 'new' }, status(value, sms))).toBe(state);
  });

  it('follows a cancellation by is_canceling: pending, done, or lapsed', () => {
    const cancel = { kind: 'cancel' as const };
    expect(stateOfWeChat(cancel, status(6, null, true))).toBeNull();
    expect(stateOfWeChat(cancel, status(1024))).toBe('cancelled');
    expect(stateOfWeChat(cancel, status(6))).toBe('sms_timeout');
  });

  it('walks the stages WeChat passed unseen, then the rejection it ended in', () => {
    expect(eventsToward({ state: 'platform_review' }, 'filed', outcome).map((event) => event.type)).toEqual([
      'platform_approve',
      'sms_verified',
      'authority_approve',
    ]);
    expect(eventsToward({ state: 'platform_review' }, 'authority_rejected', outcome)).toEqual([
      { type: 'platform_approve' },
      { type: 'sms_verified' },
      { type: 'authority_reject', reasons },
    ]);
    expect(eventsToward({ state: 'sms_verification' }, 'sms_timeout', outcome)).toEqual([
      { type: 'sms_timeout' },
    ]);
    expect(eventsToward({ state: 'authority_review' }, 'filed', outcome)).toEqual([
      { type: 'authority_approve', recordNumber: RECORD_NUMBER },
    ]);
  });

  it('never walks back, nor from a state WeChat does not decide', () => {
    expect(eventsToward({ state: 'authority_review' }, 'platform_review', outcome)).toEqual([]);
    expect(eventsToward({ state: 'platform_review' }, 'platform_review', outcome)).toEqual([]);
    expect(eventsToward({ state: 'platform_rejected' }, 'filed', outcome)).toEqual([]);
  });

  it('every event of a walk is accepted in turn, with the WeChat actor', () => {
    let application = transition(inState('sending'), { type: 'wechat_sent' }, system, at(inState('sending')));
    if (!application.ok) throw new Error('refused');
    let current = application.application;
    for (const event of eventsToward(current, 'filed', outcome)) {
      application = transition(current, event, wechat, at(current));
      if (!application.ok) throw new Error(JSON.stringify(application.error));
      current = application.application;
    }
    expect(current.state).toBe('filed');
    expect(current.recordNumber).toBe(RECORD_NUMBER);
  });
});
