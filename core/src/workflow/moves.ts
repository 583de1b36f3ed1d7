/**
 * Which event may move an application from which state, to where, and who may cause it. This is
 * the workflow table of DESIGN.md as data; `transition` adds the per-event guards.
 */
import type { Actor, Application, FilingEventType, FilingState } from '../model/application';
import type { Failure } from '../result';
import { EVENT_LABELS, STATE_INFO } from './states';

/** The states each event may leave. */
const SOURCES: Readonly<Record<FilingEventType, readonly FilingState[]>> = {
  // A rejected or timed-out application is edited and submitted again from the start.
  submit: ['draft', 'platform_rejected', 'sms_timeout', 'authority_rejected'],
  // Only until the platform review has passed (filing-rules.md §11).
  withdraw: ['platform_review'],
  platform_approve: ['platform_review'],
  platform_reject: ['platform_review'],
  sms_resend: ['sms_verification'],
  sms_verified: ['sms_verification'],
  sms_timeout: ['sms_verification'],
  authority_approve: ['authority_review'],
  authority_reject: ['authority_review'],
};

/**
 * 取消接入 is the one operation MIIT does not confirm by SMS (filing-rules.md §8.5): such a
 * cancellation goes from the platform review straight to the authority.
 */
export function skipsSmsCheck(application: Pick<Application, 'kind' | 'cancelScope'>): boolean {
  return application.kind === 'cancel' && application.cancelScope === 'access';
}

/** Where the filer may change the form: before the first submission, and wherever a submit may follow. */
export const EDITABLE_STATES: readonly FilingState[] = SOURCES.submit;

export function isEditable(state: FilingState): boolean {
  return EDITABLE_STATES.includes(state);
}

/** Where `type` takes the application, or null when the event does not apply in its state. */
export function targetOf(application: Application, type: FilingEventType): FilingState | null {
  if (!SOURCES[type].includes(application.state)) return null;
  switch (type) {
    case 'submit':
      return 'platform_review';
    case 'withdraw':
      return 'withdrawn';
    case 'platform_approve':
      return skipsSmsCheck(application) ? 'authority_review' : 'sms_verification';
    case 'platform_reject':
      return 'platform_rejected';
    case 'sms_resend':
      return 'sms_verification';
    case 'sms_verified':
      return 'authority_review';
    case 'sms_timeout':
      return 'sms_timeout';
    case 'authority_approve':
      return application.kind === 'cancel' ? 'cancelled' : 'filed';
    case 'authority_reject':
      return 'authority_rejected';
  }
}

/** The events that apply in the application's state (guards aside), for buttons and tests. */
export function eventsFrom(state: FilingState): FilingEventType[] {
  return (Object.keys(SOURCES) as FilingEventType[]).filter((type) => SOURCES[type].includes(state));
}

type Party = 'owner' | 'reviewer' | 'owner_or_reviewer' | 'system';

/** Who may cause each event. */
const PARTIES: Readonly<Record<FilingEventType, Party>> = {
  submit: 'owner',
  withdraw: 'owner',
  sms_resend: 'owner',
  // The filer confirms they verified; a reviewer records it from MIIT's system.
  sms_verified: 'owner_or_reviewer',
  platform_approve: 'reviewer',
  platform_reject: 'reviewer',
  authority_approve: 'reviewer',
  authority_reject: 'reviewer',
  // Only the scheduler, once the 24-hour window has closed.
  sms_timeout: 'system',
};

const forbidden = (message: string): Failure => ({ code: 'FORBIDDEN', message });

/** FORBIDDEN when `actor` may not cause `type` on this application; null when they may. */
export function refuseActor(application: Application, type: FilingEventType, actor: Actor): Failure | null {
  const party = PARTIES[type];
  const isOwner = actor.kind === 'filer' && actor.openid === application.owner;
  const isReviewer = actor.kind === 'admin' || actor.kind === 'operator';
  const what = EVENT_LABELS[type];
  switch (party) {
    case 'owner':
      return isOwner ? null : forbidden(`「${what}」只能由申请人本人在小程序中操作。`);
    case 'reviewer':
      return isReviewer ? null : forbidden(`只有审核员可以进行「${what}」操作。`);
    case 'owner_or_reviewer':
      return isOwner || isReviewer ? null : forbidden('只有申请人本人或审核员可以确认短信核验。');
    case 'system':
      return actor.kind === 'system' ? null : forbidden('短信核验超时由系统在 24 小时窗口结束后自动处理。');
  }
}

/** INVALID_STATE for an event that does not apply in the application's state. */
export function refuseState(application: Application, type: FilingEventType): Failure {
  const state = STATE_INFO[application.state].label;
  return {
    code: 'INVALID_STATE',
    message: `这条申请当前为「${state}」，不能进行「${EVENT_LABELS[type]}」操作，请刷新后查看最新状态。`,
  };
}
