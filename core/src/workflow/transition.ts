/**
 * The one way an application moves: a pure function from (application, event, actor, now) to the
 * next application and what the move causes (audit event, notices, effect on the filed record),
 * or a typed refusal. The server stores the result in one conditional write on `version`.
 */
import { beijingDate, formatMonthDayTime } from '../calendar/beijing';
import { DEFAULT_CALENDAR, type Calendar } from '../calendar/calendar';
import type {
  Actor,
  Application,
  AuditEvent,
  FilingEvent,
  FilingState,
  TimelineEntry,
  WeChatTrack,
} from '../model/application';
import type { FilingTables } from '../data/tables';
import type { Notice } from '../notices/notice';
import type { Failure } from '../result';
import { check } from '../rules/check';
import { dueOf, isSmsWindowClosed, smsWindowClosesAt } from './deadlines';
import { noticesFor } from './notify';
import { checkRejectionReasons, checkApprovalNumber } from './payload';
import { refuseActor, refuseState, targetOf } from './moves';
import { baseEffectOf, type BaseEffect } from './records';

export interface TransitionOptions {
  /** The idempotency key of the call, kept in the audit event. */
  requestId?: string;
  /** Working days for due dates; the built-in calendar by default. */
  calendar?: Calendar;
  /** WeChat's enumerations and district tree a submit is checked against; the built-in ones by default. */
  tables?: FilingTables;
}

export interface Effects {
  audit: AuditEvent;
  notices: Notice[];
  /** What an approved change/cancellation does to its filed record, written with the application. */
  base: BaseEffect | null;
}

export type TransitionResult =
  { ok: true; application: Application; effects: Effects } | { ok: false; error: Failure };

const refusal = (error: Failure): TransitionResult => ({ ok: false, error });
const invalidState = (message: string): Failure => ({ code: 'INVALID_STATE', message });

type Guard<T extends FilingEvent['type']> = (
  application: Application,
  event: Extract<FilingEvent, { type: T }>,
  actor: Actor,
  now: Date,
  options: TransitionOptions,
) => Failure | FilingEvent;

const pass =
  <T extends FilingEvent['type']>(): Guard<T> =>
  (_application, event) =>
    event;

function reject(
  _application: Application,
  event: Extract<FilingEvent, { reasons: unknown }>,
): Failure | FilingEvent {
  const reasons = checkRejectionReasons(event.reasons);
  return reasons.ok ? { type: event.type, reasons: reasons.value } : reasons.error;
}

/** The per-event guards; each answers the event as it will be recorded (payloads trimmed). */
const GUARDS: { [T in FilingEvent['type']]: Guard<T> } = {
  submit(application, event, _actor, now, options) {
    const { kind, cancelScope, form } = application;
    const { errors } = check(
      { kind, cancelScope, form },
      { today: beijingDate(now), tables: options.tables, channel: event.channel?.kind },
    );
    if (errors.length === 0) return event;
    return {
      code: 'VALIDATION',
      message: `还有 ${errors.length} 处需要修改，请按提示修正后再提交。`,
      fields: errors,
    };
  },
  withdraw: (application, event) =>
    application.kind === 'cancel' ? invalidState('注销申请提交后不能撤回。') : event,
  pre_approve: pass(),
  pre_reject: reject,
  face_task: pass(),
  face_verified: pass(),
  wechat_sent: pass(),
  platform_approve: pass(),
  platform_reject: reject,
  authority_reject: reject,
  authority_approve(application, event) {
    const number = checkApprovalNumber(application, event.recordNumber);
    return number.ok ? { type: event.type, recordNumber: number.value } : number.error;
  },
  sms_resend(application, event) {
    if ((application.sms?.resends ?? 0) < 1) return event;
    return invalidState('核验短信只能重发一次。如仍未收到，请检查手机是否拦截了 12381 的短信。');
  },
  sms_timeout(application, event, actor, now) {
    // WeChat's own "核验超时" is the fact; the window is only ours to time out in the manual channel.
    if (actor.kind === 'wechat' || isSmsWindowClosed(application, now)) return event;
    return invalidState(
      `短信核验窗口到 ${formatMonthDayTime(smsWindowClosesAt(application) ?? now)} 才结束。`,
    );
  },
  sms_verified(application, event, actor, now) {
    // A reviewer may record a check done in time even after the window has closed; the filer's
    // own confirmation then comes too late.
    if (actor.kind === 'filer' && isSmsWindowClosed(application, now)) {
      return invalidState('短信核验已超过 24 小时，请等待申请退回后重新提交。');
    }
    return event;
  },
};

function guard(
  application: Application,
  event: FilingEvent,
  actor: Actor,
  now: Date,
  options: TransitionOptions,
): Failure | FilingEvent {
  // The map is keyed by the event's own type, so the guard and the event always match.
  const run = GUARDS[event.type] as Guard<FilingEvent['type']>;
  return run(application, event, actor, now, options);
}

function moveTimeline(timeline: readonly TimelineEntry[], to: FilingState, at: string): TimelineEntry[] {
  const closed = timeline.map((entry, index) =>
    index === timeline.length - 1 ? { ...entry, endedAt: at } : entry,
  );
  return [...closed, { state: to, startedAt: at, endedAt: null }];
}

/** The application after `event`, before its due date is computed. */
function apply(application: Application, event: FilingEvent, to: FilingState, at: string): Application {
  const changed = to !== application.state;
  const next: Application = {
    ...application,
    state: to,
    version: application.version + 1,
    updatedAt: at,
    timeline: changed ? moveTimeline(application.timeline, to, at) : application.timeline,
    overdueSince: changed ? null : application.overdueSince,
  };
  return { ...next, ...changesOf(application, event, to, at) };
}

/** What the event itself changes, beyond the state, the version and the timeline. */
function changesOf(
  application: Application,
  event: FilingEvent,
  to: FilingState,
  at: string,
): Partial<Application> {
  switch (event.type) {
    case 'submit':
      return { submittedAt: at, reasons: [], sms: null, ...channelOnSubmit(application, event) };
    case 'pre_reject':
    case 'platform_reject':
    case 'authority_reject':
      return { reasons: event.reasons };
    case 'face_task':
    case 'face_verified':
      return { wechat: { ...(application.wechat ?? emptyTrack()), face: event.task } };
    case 'platform_approve':
    case 'wechat_sent':
      return to === 'sms_verification' ? { sms: { firstSentAt: at, resends: 0 } } : {};
    case 'sms_resend':
      return application.sms ? { sms: { ...application.sms, resends: application.sms.resends + 1 } } : {};
    case 'authority_approve':
      return { recordNumber: event.recordNumber };
    default:
      return {};
  }
}

export function emptyTrack(): WeChatTrack {
  return { face: null, media: [], send: null, status: null, checkedAt: null };
}

/**
 * What a submit records of its channel. A WeChat submission keeps the face task (still usable if
 * it has not lapsed) and the media cache (a media_id WeChat has forgotten is uploaded again), and
 * starts a new send. A submit that names no channel is the manual one and adds nothing.
 */
function channelOnSubmit(
  application: Application,
  event: Extract<FilingEvent, { type: 'submit' }>,
): Pick<Application, 'channel' | 'wechat'> | Record<string, never> {
  if (!event.channel) return application.channel ? { channel: undefined, wechat: null } : {};
  if (event.channel.kind === 'manual') return { channel: event.channel, wechat: null };
  const before = application.wechat ?? emptyTrack();
  return { channel: event.channel, wechat: { ...emptyTrack(), face: before.face, media: before.media } };
}

/**
 * Moves `application` by `event`. Refusals: FORBIDDEN when `actor` may not cause the event,
 * INVALID_STATE when the event does not apply now, VALIDATION for a form that fails `check` on
 * submit, missing reasons or a bad record number.
 */
export function transition(
  application: Application,
  event: FilingEvent,
  actor: Actor,
  now: Date,
  options: TransitionOptions = {},
): TransitionResult {
  const forbidden = refuseActor(application, event.type, actor);
  if (forbidden) return refusal(forbidden);
  const to = targetOf(application, event.type, event);
  if (to === null) return refusal(refuseState(application, event.type));
  const recorded = guard(application, event, actor, now, options);
  if ('code' in recorded) return refusal(recorded);

  const at = now.toISOString();
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const moved = apply(application, recorded, to, at);
  const next = to === application.state ? moved : { ...moved, due: dueOf(moved, calendar) };
  const audit: AuditEvent = {
    applicationId: application.id,
    at,
    actor,
    event: recorded,
    from: application.state,
    to,
    requestId: options.requestId ?? null,
  };
  const notices = to === application.state ? [] : noticesFor(next, at, calendar);
  const base = to === 'filed' || to === 'cancelled' ? baseEffectOf(next) : null;
  return { ok: true, application: next, effects: { audit, notices, base } };
}
