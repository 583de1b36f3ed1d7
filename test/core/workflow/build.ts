/**
 * Applications in any state, reached the way production reaches them: through `transition`,
 * never by setting fields by hand.
 */
import {
  applyBaseEffect,
  startApplication,
  transition,
  type Actor,
  type Application,
  type CancelScope,
  type FaceTask,
  type FilingEvent,
  type FilingKind,
  type FilingState,
} from '@beian/core';
import { personalForm } from '../../fixtures/forms';

export const OWNER = 'o-filer-a';
export const owner: Actor = { kind: 'filer', openid: OWNER };
export const stranger: Actor = { kind: 'filer', openid: 'o-filer-b' };
export const admin: Actor = { kind: 'admin', openid: 'o-admin', name: '审核员甲' };
export const operator: Actor = { kind: 'operator', name: '运维乙' };
export const system: Actor = { kind: 'system' };
export const wechat: Actor = { kind: 'wechat' };

/** A submission through WeChat, as the server decides it for an authorized mini-program. */
export const WECHAT_SUBMIT: FilingEvent = {
  type: 'submit',
  channel: { kind: 'wechat', reason: '小程序已授权备案助手' },
};

/** A face-verification task WeChat reported finished. */
export const FACE_DONE: FaceTask = {
  taskId: 'task-1',
  status: 'succeeded',
  createdAt: '2026-12-01T01:00:00.000Z',
  noticeExpiresAt: '2026-12-02T01:00:00.000Z',
  expiresAt: '2026-12-04T01:00:00.000Z',
};

export const RECORD_NUMBER = '京ICP备2026059598号-1X';
export const reasons = [
  { field: 'subject.principal.mobile', error: '手机号与负责人不符', suggest: '填写负责人本人实名手机号' },
];

/** Beijing wall-clock time → Date (tests read better in the filers' time zone). */
export const beijing = (local: string): Date => new Date(`${local}+08:00`);

export const HOUR = 60 * 60 * 1000;
export const later = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** The complete personal form, its face check done an hour before `now` (as a filer would). */
export function formAt(now: Date) {
  const form = personalForm();
  form.miniprogram.principal.faceVerification.completedAt = later(now, -HOUR).toISOString();
  return form;
}

/** Applies `event` and fails the test loudly if it is refused. */
export function move(application: Application, event: FilingEvent, actor: Actor, now: Date): Application {
  const result = transition(application, event, actor, now);
  if (!result.ok)
    throw new Error(`${event.type} refused in ${application.state}: ${JSON.stringify(result.error)}`);
  return result.application;
}

export interface Scenario {
  kind?: FilingKind;
  cancelScope?: CancelScope | null;
  /** When the draft is created; each later step is a few hours after the previous one. */
  start?: Date;
  id?: string;
}

/** A filed `new` record, to start changes and cancellations from. */
export function filedRecord(start = beijing('2026-12-01T09:00:00')): Application {
  return inState('filed', { start, id: 'record-1' });
}

export function draft({
  kind = 'new',
  cancelScope = null,
  start = beijing('2026-12-01T09:00:00'),
  id = 'app-1',
}: Scenario = {}) {
  const base = kind === 'new' ? null : filedRecord(later(start, -30 * 24 * HOUR));
  const started = startApplication({ id, owner: OWNER, kind, cancelScope, base, now: start });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  return kind === 'new' ? { ...started.application, form: formAt(start) } : started.application;
}

type Step = [FilingEvent, Actor];
// The paths share their beginnings: each names the step it takes past the one before it.
const SUBMITTED: Step[] = [[{ type: 'submit' }, owner]];
const SMS_SENT: Step[] = [...SUBMITTED, [{ type: 'platform_approve' }, admin]];
const AT_AUTHORITY: Step[] = [...SMS_SENT, [{ type: 'sms_verified' }, owner]];
const PRE_REVIEW: Step[] = [[WECHAT_SUBMIT, owner]];
const FACE_TASK: Step[] = [...PRE_REVIEW, [{ type: 'pre_approve' }, admin]];

const PATHS: Record<Exclude<FilingState, 'draft' | 'cancelled'>, Step[]> = {
  // The WeChat channel's own states: Beian's pre-review, WeChat's face task, the sending step.
  pre_review: PRE_REVIEW,
  pre_rejected: [...PRE_REVIEW, [{ type: 'pre_reject', reasons }, admin]],
  face_verification: FACE_TASK,
  sending: [...FACE_TASK, [{ type: 'face_verified', task: FACE_DONE }, wechat]],
  platform_review: SUBMITTED,
  withdrawn: [...SUBMITTED, [{ type: 'withdraw' }, owner]],
  platform_rejected: [...SUBMITTED, [{ type: 'platform_reject', reasons }, admin]],
  sms_verification: SMS_SENT,
  sms_timeout: [...SMS_SENT, [{ type: 'sms_timeout' }, system]],
  authority_review: AT_AUTHORITY,
  authority_rejected: [...AT_AUTHORITY, [{ type: 'authority_reject', reasons }, admin]],
  filed: [...AT_AUTHORITY, [{ type: 'authority_approve', recordNumber: RECORD_NUMBER }, operator]],
};

/**
 * An application in `state`. Steps are 2 hours apart, except that a timeout waits out the 24-hour
 * window. `cancelled` is a filed record cancelled by an approved cancellation.
 */
export function inState(state: FilingState, scenario: Scenario = {}): Application {
  let application = draft(scenario);
  if (state === 'draft') return application;
  if (state === 'cancelled') {
    const record = filedRecord();
    return applyBaseEffect(
      record,
      { type: 'cancel', baseId: record.id },
      later(new Date(record.updatedAt), HOUR),
    );
  }
  let now = new Date(application.createdAt);
  for (const [event, actor] of PATHS[state]) {
    now = later(now, event.type === 'sms_timeout' ? 25 * HOUR : 2 * HOUR);
    application = move(application, event, actor, now);
  }
  return application;
}

/** The time of the application's last change. */
export const lastChange = (application: Application): Date => new Date(application.updatedAt);
