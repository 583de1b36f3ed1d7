/**
 * When each stage is due, and when it is expected to end. Platform review: 1–2 working days;
 * authority review: 1–20 working days (the legal ceiling, 信息产业部令第33号 Art. 12); the SMS
 * window: 24 hours from the first SMS, a resend does not extend it. Reviews past their due date are
 * flagged overdue for the reviewers, never moved automatically; a closed SMS window is timed out by
 * the scheduler.
 */
import { beijingDate, endOfBeijingDay } from '../calendar/beijing';
import { DEFAULT_CALENDAR, type Calendar } from '../calendar/calendar';
import type { StageEta } from '../contract';
import {
  isReviewStage,
  type Application,
  type Due,
  type DueStage,
  type ReviewStage,
} from '../model/application';

/** The guide's range for each review, in working days; a new review stage must say its own. */
export const REVIEW_WORKING_DAYS: Readonly<Record<ReviewStage, { earliest: number; latest: number }>> = {
  // Beian's own pre-review keeps the pace the guide sets for a platform review.
  pre_review: { earliest: 1, latest: 2 },
  platform_review: { earliest: 1, latest: 2 },
  authority_review: { earliest: 1, latest: 20 },
};

export const SMS_WINDOW_MS = 24 * 60 * 60 * 1000;

/** WeChat's face-verification notice to the administrator lapses after 24 hours… */
export const FACE_NOTICE_MS = 24 * 60 * 60 * 1000;
/** …and a finished task is usable at apply for 3 days from its creation. */
export const FACE_TASK_MS = 3 * 24 * 60 * 60 * 1000;

/** When the application entered its current state (the open timeline entry). */
export function stageStartedAt(application: Application): string {
  return application.timeline[application.timeline.length - 1]?.startedAt ?? application.updatedAt;
}

/** The SMS window of the current submission: it closes 24 h after the first SMS. */
export function smsWindowClosesAt(application: Application): string | null {
  if (application.state !== 'sms_verification') return null;
  const firstSentAt = application.sms?.firstSentAt ?? stageStartedAt(application);
  return new Date(Date.parse(firstSentAt) + SMS_WINDOW_MS).toISOString();
}

export function isSmsWindowClosed(application: Application, now: Date): boolean {
  const closesAt = smsWindowClosesAt(application);
  return closesAt !== null && now.getTime() >= Date.parse(closesAt);
}

/** The due date of the state `application` is in, counted from `startedAt`. */
export function dueOf(application: Application, calendar: Calendar = DEFAULT_CALENDAR): Due | null {
  const state = application.state;
  if (state === 'sms_verification') {
    const at = smsWindowClosesAt(application);
    return at === null ? null : { stage: state, at };
  }
  if (!isReviewStage(state)) return null;
  const start = beijingDate(stageStartedAt(application));
  const last = calendar.addWorkingDays(start, REVIEW_WORKING_DAYS[state].latest);
  return { stage: state, at: endOfBeijingDay(last.date) };
}

/** A review (platform or authority) that has run past its due date. */
export function isOverdue(application: Application, now: Date): boolean {
  const due = application.due;
  return (
    isReviewStage(application.state) &&
    due !== null &&
    due.stage === application.state &&
    now.getTime() > Date.parse(due.at)
  );
}

/**
 * The application flagged overdue (version + 1), or null when there is nothing to flag: not
 * overdue, or flagged already. The flag is cleared when the application leaves the stage.
 */
export function flagOverdue(application: Application, now: Date): Application | null {
  if (!isOverdue(application, now) || application.overdueSince !== null) return null;
  const at = now.toISOString();
  return { ...application, overdueSince: at, version: application.version + 1, updatedAt: at };
}

/**
 * When the current stage should end: the earliest and latest date of the guide's working-day
 * range from the day the stage started, or for the SMS check, today until the window closes.
 */
export function etaOf(
  application: Application,
  now: Date,
  calendar: Calendar = DEFAULT_CALENDAR,
): StageEta | null {
  const state = application.state;
  if (state === 'sms_verification') {
    const closesAt = smsWindowClosesAt(application) ?? now.toISOString();
    const latest = beijingDate(closesAt);
    const today = beijingDate(now);
    return { stage: state, earliest: today < latest ? today : latest, latest, estimated: false };
  }
  if (!isReviewStage(state)) return null;
  const start = beijingDate(stageStartedAt(application));
  const range = REVIEW_WORKING_DAYS[state];
  const earliest = calendar.addWorkingDays(start, range.earliest);
  const latest = calendar.addWorkingDays(start, range.latest);
  const stage: DueStage = state;
  return {
    stage,
    earliest: earliest.date,
    latest: latest.date,
    estimated: earliest.estimated || latest.estimated,
  };
}
