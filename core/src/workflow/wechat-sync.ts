/**
 * Following WeChat (docs/wechat-platform.md § Following WeChat): which state WeChat's status
 * (`get_icp_entrance_info`) puts an application in, and the events that take it there from where
 * it is. Each event is an ordinary transition with the WeChat actor, so a synced change gets the
 * same audit entry and subscribe message as one a reviewer records.
 *
 *   status 2 → platform_review      3 → platform_rejected (audit_data → reasons)
 *   4 + sms 1 → sms_verification    4 + sms 2 → authority_review    4 + sms 3 → sms_timeout
 *   5 → authority_rejected          6 → filed (record number from get_online_icp_order)
 *
 * A cancellation is followed by `is_canceling`: while true the MIIT SMS is pending; once false
 * the record is gone (cancelled) or, still filed, the principal let the SMS lapse (sms_timeout).
 */
import type { Application, FilingEvent, FilingState, Reason } from '../model/application';

export interface WeChatStatus {
  status: number;
  /** Only meaningful with status 4: 1 等待核验, 2 核验完成, 3 核验超时. */
  smsVerifyStatus: number | null;
  isCanceling: boolean;
}

/** What the events carry: the rejection's reasons, the issued number. */
export interface WeChatOutcome {
  reasons: Reason[];
  recordNumber: string | null;
}

export const WECHAT_STATUS = {
  platformReview: 2,
  platformRejected: 3,
  authorityReview: 4,
  authorityRejected: 5,
  filed: 6,
} as const;

const SMS_TARGETS: Readonly<Record<number, FilingState>> = {
  1: 'sms_verification',
  2: 'authority_review',
  3: 'sms_timeout',
};

/** The state WeChat's status stands for, or null when it says nothing we follow. */
export function stateOfWeChat(
  application: Pick<Application, 'kind'>,
  wechat: WeChatStatus,
): FilingState | null {
  if (application.kind === 'cancel') {
    if (wechat.isCanceling) return null;
    return wechat.status === WECHAT_STATUS.filed ? 'sms_timeout' : 'cancelled';
  }
  switch (wechat.status) {
    case WECHAT_STATUS.platformReview:
      return 'platform_review';
    case WECHAT_STATUS.platformRejected:
      return 'platform_rejected';
    case WECHAT_STATUS.authorityReview:
      return SMS_TARGETS[wechat.smsVerifyStatus ?? 0] ?? null;
    case WECHAT_STATUS.authorityRejected:
      return 'authority_rejected';
    case WECHAT_STATUS.filed:
      return 'filed';
    default:
      return null;
  }
}

/** The way through WeChat's review, and the event of each step. */
const STEPS: readonly {
  from: FilingState;
  event: 'platform_approve' | 'sms_verified' | 'authority_approve';
}[] = [
  { from: 'platform_review', event: 'platform_approve' },
  { from: 'sms_verification', event: 'sms_verified' },
  { from: 'authority_review', event: 'authority_approve' },
];

/** Where a rejection or timeout branches off the way, and its event. */
const BRANCHES: Readonly<Partial<Record<FilingState, { from: FilingState; type: FilingEvent['type'] }>>> = {
  platform_rejected: { from: 'platform_review', type: 'platform_reject' },
  sms_timeout: { from: 'sms_verification', type: 'sms_timeout' },
  authority_rejected: { from: 'authority_review', type: 'authority_reject' },
};

const position = (state: FilingState): number => {
  if (state === 'filed' || state === 'cancelled') return STEPS.length;
  return STEPS.findIndex((step) => step.from === state);
};

function stepEvent(type: (typeof STEPS)[number]['event'], outcome: WeChatOutcome): FilingEvent {
  return type === 'authority_approve' ? { type, recordNumber: outcome.recordNumber ?? '' } : { type };
}

function branchEvent(type: FilingEvent['type'], outcome: WeChatOutcome): FilingEvent {
  if (type === 'platform_reject' || type === 'authority_reject') return { type, reasons: outcome.reasons };
  return { type: 'sms_timeout' };
}

/**
 * The events from the application's state to `target`, in order: the approvals of the stages
 * WeChat passed while we were not looking, then the rejection or timeout if it ended in one.
 * Empty when the application is there already, or when WeChat's state lies behind ours.
 */
export function eventsToward(
  application: Pick<Application, 'state'>,
  target: FilingState,
  outcome: WeChatOutcome,
): FilingEvent[] {
  if (application.state === target) return [];
  const branch = BRANCHES[target];
  const stem = branch ? branch.from : target;
  const from = position(application.state);
  const to = position(stem);
  if (from < 0 || to < 0 || to < from) return [];
  const events = STEPS.slice(from, to).map((step) => stepEvent(step.event, outcome));
  return branch ? [...events, branchEvent(branch.type, outcome)] : events;
}
