/**
 * Which event may move an application from which state, to where, and who may cause it. This is
 * the workflow table of DESIGN.md as data; `transition` adds the per-event guards.
 */
import {
  channelOf,
  type Actor,
  type Application,
  type FilingEvent,
  type FilingEventType,
  type FilingState,
} from '../model/application';
import type { Failure } from '../result';
import { EVENT_LABELS, STATE_INFO } from './states';

/** The states each event may leave. */
const SOURCES: Readonly<Record<FilingEventType, readonly FilingState[]>> = {
  // A rejected or timed-out application is edited and submitted again from the start.
  submit: ['draft', 'pre_rejected', 'platform_rejected', 'sms_timeout', 'authority_rejected'],
  // Only until the platform review has passed (docs/domain.md § Withdrawal); before WeChat has
  // the application at all, too. Not while it is being sent: the outcome of that call decides.
  withdraw: ['pre_review', 'face_verification', 'platform_review'],
  pre_approve: ['pre_review'],
  pre_reject: ['pre_review'],
  // Also while sending: a task that lapsed before WeChat took the application sends it back.
  face_task: ['face_verification', 'sending'],
  face_verified: ['face_verification'],
  wechat_sent: ['sending'],
  platform_approve: ['platform_review'],
  // WeChat refuses an application at apply (86202) as its platform review would.
  platform_reject: ['platform_review', 'sending'],
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

/**
 * The states in which a WeChat-channel application waits on WeChat, so Beian asks it for news
 * (the poll and the pushed events): the face task, the sending step, and WeChat's own review.
 */
export const FOLLOWED_STATES: readonly FilingState[] = [
  'face_verification',
  'sending',
  'platform_review',
  'sms_verification',
  'authority_review',
];

/**
 * The stages an application passes on its usual way to the end, in order, ending in `filed` (a
 * cancellation: `cancelled`): the progress page greys out those still ahead.
 */
export function usualPath(application: Pick<Application, 'kind' | 'cancelScope' | 'channel'>): FilingState[] {
  const last: FilingState = application.kind === 'cancel' ? 'cancelled' : 'filed';
  if (channelOf(application) === 'wechat') {
    if (application.kind === 'cancel') return ['pre_review', 'sending', 'sms_verification', last];
    return [
      'pre_review',
      'face_verification',
      'sending',
      'platform_review',
      'sms_verification',
      'authority_review',
      last,
    ];
  }
  if (skipsSmsCheck(application)) return ['platform_review', 'authority_review', last];
  return ['platform_review', 'sms_verification', 'authority_review', last];
}

/** Where the filer may change the form: before the first submission, and wherever a submit may follow. */
export const EDITABLE_STATES: readonly FilingState[] = SOURCES.submit;

export function isEditable(state: FilingState): boolean {
  return EDITABLE_STATES.includes(state);
}

type Target = FilingState | ((application: Application, event?: FilingEvent) => FilingState);

/** Where each event leads; a function where the kind, the channel or the event decides. */
const TARGETS: Readonly<Record<FilingEventType, Target>> = {
  submit: (_application, event) =>
    event?.type === 'submit' && event.channel?.kind === 'wechat' ? 'pre_review' : 'platform_review',
  withdraw: 'withdrawn',
  // A cancellation carries no face verification (`cancel_icp_filing` has no task).
  pre_approve: (application) => (application.kind === 'cancel' ? 'sending' : 'face_verification'),
  pre_reject: 'pre_rejected',
  face_task: 'face_verification',
  face_verified: 'sending',
  // WeChat's own review of an application; MIIT's SMS confirmation of a cancellation.
  wechat_sent: (application) => (application.kind === 'cancel' ? 'sms_verification' : 'platform_review'),
  platform_approve: (application) =>
    skipsSmsCheck(application) && channelOf(application) === 'manual'
      ? 'authority_review'
      : 'sms_verification',
  platform_reject: 'platform_rejected',
  sms_resend: 'sms_verification',
  sms_verified: 'authority_review',
  sms_timeout: 'sms_timeout',
  authority_approve: (application) => (application.kind === 'cancel' ? 'cancelled' : 'filed'),
  authority_reject: 'authority_rejected',
};

/**
 * Where `type` takes the application, or null when the event does not apply in its state. A
 * submit's target depends on the channel it chose (the event's), every other move's on the
 * application's.
 */
export function targetOf(
  application: Application,
  type: FilingEventType,
  event?: FilingEvent,
): FilingState | null {
  if (!SOURCES[type].includes(application.state)) return null;
  const target = TARGETS[type];
  return typeof target === 'function' ? target(application, event) : target;
}

/** The events that apply in the application's state (guards aside), for buttons and tests. */
export function eventsFrom(state: FilingState): FilingEventType[] {
  return (Object.keys(SOURCES) as FilingEventType[]).filter((type) => SOURCES[type].includes(state));
}

type Party = 'owner' | 'reviewer' | 'owner_or_reviewer' | 'system' | 'owner_or_system' | 'wechat';

/** Who may cause each event (in the manual channel; see WECHAT_DECIDES for the other). */
const PARTIES: Readonly<Record<FilingEventType, Party>> = {
  submit: 'owner',
  withdraw: 'owner',
  sms_resend: 'owner',
  pre_approve: 'reviewer',
  pre_reject: 'reviewer',
  // Beian creates the task when the pre-review passes; the filer creates a new one when it lapsed.
  face_task: 'owner_or_system',
  face_verified: 'wechat',
  wechat_sent: 'system',
  // The filer confirms they verified; a reviewer records it from MIIT's system.
  sms_verified: 'owner_or_reviewer',
  platform_approve: 'reviewer',
  platform_reject: 'reviewer',
  authority_approve: 'reviewer',
  authority_reject: 'reviewer',
  // Only the scheduler, once the 24-hour window has closed.
  sms_timeout: 'system',
};

/**
 * In the WeChat channel these outcomes are WeChat's: only its reported status moves them, never a
 * reviewer or the filer (the filer's "我已完成核验" asks for a sync instead).
 */
const WECHAT_DECIDES: readonly FilingEventType[] = [
  'platform_approve',
  'platform_reject',
  'sms_resend',
  'sms_verified',
  'sms_timeout',
  'authority_approve',
  'authority_reject',
];

const forbidden = (message: string): Failure => ({ code: 'FORBIDDEN', message });

function partyOf(application: Application, type: FilingEventType): Party {
  return channelOf(application) === 'wechat' && WECHAT_DECIDES.includes(type) ? 'wechat' : PARTIES[type];
}

interface Standing {
  isOwner: boolean;
  isReviewer: boolean;
  actor: Actor;
}

/** Who each party admits, and what everyone else is told (`what`: the event's label). */
const PARTY_RULES: Readonly<
  Record<
    Party,
    { admits: (who: Standing) => boolean; refusal: (what: string, type: FilingEventType) => string }
  >
> = {
  owner: { admits: (who) => who.isOwner, refusal: (what) => `「${what}」只能由申请人本人在小程序中操作。` },
  reviewer: { admits: (who) => who.isReviewer, refusal: (what) => `只有审核员可以进行「${what}」操作。` },
  owner_or_reviewer: {
    admits: (who) => who.isOwner || who.isReviewer,
    refusal: () => '只有申请人本人或审核员可以确认短信核验。',
  },
  system: {
    admits: (who) => who.actor.kind === 'system',
    refusal: (what, type) =>
      type === 'sms_timeout'
        ? '短信核验超时由系统在 24 小时窗口结束后自动处理。'
        : `「${what}」由系统自动处理。`,
  },
  owner_or_system: {
    admits: (who) => who.isOwner || who.actor.kind === 'system',
    refusal: (what) => `「${what}」只能由申请人本人在小程序中操作。`,
  },
  wechat: {
    admits: (who) => who.actor.kind === 'wechat',
    refusal: (what, type) =>
      type === 'sms_resend'
        ? '通过微信提交的申请由工信部直接发送核验短信，不能在这里重发；如未收到，请等待微信同步核验结果。'
        : `这条申请通过微信提交，「${what}」以微信同步的审核结果为准，无需手动记录。`,
  },
};

/** FORBIDDEN when `actor` may not cause `type` on this application; null when they may. */
export function refuseActor(application: Application, type: FilingEventType, actor: Actor): Failure | null {
  const rule = PARTY_RULES[partyOf(application, type)];
  const standing: Standing = {
    isOwner: actor.kind === 'filer' && actor.openid === application.owner,
    isReviewer: actor.kind === 'admin' || actor.kind === 'operator',
    actor,
  };
  return rule.admits(standing) ? null : forbidden(rule.refusal(EVENT_LABELS[type], type));
}

/** INVALID_STATE for an event that does not apply in the application's state. */
export function refuseState(application: Application, type: FilingEventType): Failure {
  const state = STATE_INFO[application.state].label;
  return {
    code: 'INVALID_STATE',
    message: `这条申请当前为「${state}」，不能进行「${EVENT_LABELS[type]}」操作，请刷新后查看最新状态。`,
  };
}
