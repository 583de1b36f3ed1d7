/** What the progress page tells the filer to do, and which actions it offers, in each state. */
import { FILING_STATES, STATE_INFO, todoOf, type FilerAction, type FilingState } from '@beian/core';
import { HOUR, inState, lastChange, later, move, owner } from './build';

const ACTIONS: Record<FilingState, FilerAction[]> = {
  draft: ['edit', 'submit'],
  pre_review: ['withdraw', 'subscribe'],
  pre_rejected: ['edit', 'submit'],
  face_verification: ['withdraw', 'subscribe'],
  sending: ['subscribe'],
  platform_review: ['withdraw', 'subscribe'],
  platform_rejected: ['edit', 'submit'],
  sms_verification: ['sms.confirm', 'sms.resend', 'subscribe'],
  sms_timeout: ['edit', 'submit'],
  authority_review: ['subscribe'],
  authority_rejected: ['edit', 'submit'],
  filed: ['change', 'cancel'],
  withdrawn: [],
  cancelled: [],
};

describe('todoOf', () => {
  it.each(FILING_STATES)('offers the actions that fit %s', (state) => {
    const application = inState(state);
    const todo = todoOf(application, later(lastChange(application), HOUR));
    expect(todo.actions).toEqual(ACTIONS[state]);
    expect(todo.title).not.toBe('');
    expect(todo.detail).not.toBe('');
  });

  it('gives the SMS deadline in Beijing time and drops the resend once used', () => {
    const waiting = inState('sms_verification');
    const closes = later(new Date(waiting.sms?.firstSentAt ?? ''), 24 * HOUR);
    const hhmm = new Date(closes.getTime() + 8 * HOUR).toISOString().slice(11, 16);
    expect(todoOf(waiting, lastChange(waiting)).detail).toContain(hhmm);
    const resent = move(waiting, { type: 'sms_resend' }, owner, later(lastChange(waiting), HOUR));
    expect(todoOf(resent, lastChange(resent)).actions).toEqual(['sms.confirm', 'subscribe']);
    expect(todoOf(resent, later(closes, 1)).actions).toEqual([]);
  });

  it('never offers to withdraw a cancellation, and offers nothing further on a filed change', () => {
    const cancel = inState('platform_review', { kind: 'cancel', cancelScope: 'miniprogram' });
    expect(todoOf(cancel, lastChange(cancel)).actions).toEqual(['subscribe']);
    const change = inState('filed', { kind: 'change' });
    expect(todoOf(change, lastChange(change)).actions).toEqual([]);
  });

  it('shows the record number once filed', () => {
    const filed = inState('filed');
    expect(todoOf(filed, lastChange(filed)).detail).toContain(filed.recordNumber ?? '?');
  });
});

describe('STATE_INFO', () => {
  it.each(FILING_STATES)('%s has a label, an explanation and a phrase of ≤ 5 Chinese characters', (state) => {
    const info = STATE_INFO[state];
    expect(info.label).not.toBe('');
    expect(info.explanation.length).toBeGreaterThan(10);
    expect(info.phrase).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
  });

  it('labels the states as the design does and marks the ends', () => {
    expect(STATE_INFO.platform_review.label).toBe('平台初审中');
    expect(STATE_INFO.sms_verification.label).toBe('待工信部短信核验');
    expect(STATE_INFO.sms_timeout.label).toBe('短信核验超时，已驳回');
    expect(FILING_STATES.filter((state) => STATE_INFO[state].terminal)).toEqual([
      'filed',
      'withdrawn',
      'cancelled',
    ]);
  });
});
