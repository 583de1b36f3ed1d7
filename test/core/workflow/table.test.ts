/**
 * The full state × event table: every pair is either allowed (and lands where DESIGN.md says) or
 * refused with the exact code. Each event is sent by an actor who may send it, with a valid
 * payload, at a time it could apply — so a refusal here is about the state alone.
 */
import {
  transition,
  type Actor,
  type ErrorCode,
  type FilingEvent,
  type FilingEventType,
  type FilingState,
} from '@beian/core';
import {
  admin,
  HOUR,
  inState,
  lastChange,
  later,
  owner,
  RECORD_NUMBER,
  reasons,
  system,
  type Scenario,
} from './build';

/** The manual channel's events and states; the WeChat channel's table is wechat-table.test.ts. */
type ManualEvent = Exclude<
  FilingEventType,
  'pre_approve' | 'pre_reject' | 'face_task' | 'face_verified' | 'wechat_sent'
>;
type ManualState = Exclude<FilingState, 'pre_review' | 'pre_rejected' | 'face_verification' | 'sending'>;

const EVENTS: Record<ManualEvent, [FilingEvent, Actor]> = {
  submit: [{ type: 'submit' }, owner],
  withdraw: [{ type: 'withdraw' }, owner],
  platform_approve: [{ type: 'platform_approve' }, admin],
  platform_reject: [{ type: 'platform_reject', reasons }, admin],
  sms_resend: [{ type: 'sms_resend' }, owner],
  sms_verified: [{ type: 'sms_verified' }, admin],
  sms_timeout: [{ type: 'sms_timeout' }, system],
  authority_approve: [{ type: 'authority_approve', recordNumber: RECORD_NUMBER }, admin],
  authority_reject: [{ type: 'authority_reject', reasons }, admin],
};

type Outcome = FilingState | ErrorCode;
const X: ErrorCode = 'INVALID_STATE';

// prettier-ignore
const NEW_FILING: Record<ManualState, Record<ManualEvent, Outcome>> = {
  //                   submit              withdraw            platform_approve            platform_reject                 sms_resend                  sms_verified                sms_timeout            authority_approve   authority_reject
  draft:              { submit: 'platform_review', withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  platform_review:    { submit: X,                 withdraw: 'withdrawn', platform_approve: 'sms_verification', platform_reject: 'platform_rejected', sms_resend: X, sms_verified: X,         sms_timeout: X,          authority_approve: X,      authority_reject: X },
  platform_rejected:  { submit: 'platform_review', withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  sms_verification:   { submit: X,                 withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: 'sms_verification', sms_verified: 'authority_review', sms_timeout: 'sms_timeout', authority_approve: X, authority_reject: X },
  sms_timeout:        { submit: 'platform_review', withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  authority_review:   { submit: X,                 withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: 'filed', authority_reject: 'authority_rejected' },
  authority_rejected: { submit: 'platform_review', withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  filed:              { submit: X,                 withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  withdrawn:          { submit: X,                 withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
  cancelled:          { submit: X,                 withdraw: X,         platform_approve: X,         platform_reject: X,             sms_resend: X,                sms_verified: X,             sms_timeout: X,          authority_approve: X,      authority_reject: X },
};

/** What happens when `type` is sent to an application in `state`. */
function outcome(state: FilingState, type: ManualEvent, scenario: Scenario = {}): Outcome {
  const application = inState(state, scenario);
  const [event, actor] = EVENTS[type];
  // Past the SMS window, so a timeout is a question of state only; the admin records the check.
  const now = later(lastChange(application), 25 * HOUR);
  const result = transition(application, event, actor, now);
  return result.ok ? result.application.state : result.error.code;
}

describe('state × event, new filing', () => {
  const pairs = (Object.keys(NEW_FILING) as ManualState[]).flatMap((state) =>
    (Object.keys(EVENTS) as ManualEvent[]).map((type) => [state, type] as const),
  );

  it.each(pairs)('%s + %s', (state, type) => {
    expect(outcome(state, type)).toBe(NEW_FILING[state][type]);
  });

  it('covers all 90 pairs', () => {
    expect(pairs).toHaveLength(90);
  });
});

describe('state × event, where change and cancellation differ', () => {
  it('a change ends filed, under the record number it started with', () => {
    expect(outcome('authority_review', 'authority_approve', { kind: 'change' })).toBe('filed');
  });

  it('a cancellation ends cancelled', () => {
    expect(
      outcome('authority_review', 'authority_approve', { kind: 'cancel', cancelScope: 'miniprogram' }),
    ).toBe('cancelled');
  });

  it('a cancellation cannot be withdrawn once submitted', () => {
    expect(outcome('platform_review', 'withdraw', { kind: 'cancel', cancelScope: 'subject' })).toBe(
      'INVALID_STATE',
    );
    expect(outcome('platform_review', 'withdraw', { kind: 'change' })).toBe('withdrawn');
  });

  it('取消接入 has no MIIT SMS check: the platform review leads straight to the authority', () => {
    expect(outcome('platform_review', 'platform_approve', { kind: 'cancel', cancelScope: 'access' })).toBe(
      'authority_review',
    );
    expect(
      outcome('platform_review', 'platform_approve', { kind: 'cancel', cancelScope: 'miniprogram' }),
    ).toBe('sms_verification');
  });
});
