/**
 * Due dates, overdue flags and ETAs, on the 2026 calendar (National Day 10-01…10-07, 10-10 a
 * working Saturday; 中秋 09-25…09-27) and across into 2027, which has no holiday data yet.
 */
import {
  createCalendar,
  etaOf,
  flagOverdue,
  isOverdue,
  todoOf,
  transition,
  type Application,
} from '@beian/core';
import { admin, beijing, draft, HOUR, later, move, owner } from './build';

function submittedAt(when: Date): Application {
  return move(draft({ start: later(when, -HOUR) }), { type: 'submit' }, owner, when);
}

/** Submitted, then passed the platform review, at these Beijing times: waiting for the SMS. */
function approvedAt(submitted: string, approved: string): Application {
  return move(submittedAt(beijing(submitted)), { type: 'platform_approve' }, admin, beijing(approved));
}

describe('platform review due date', () => {
  it.each([
    // Wednesday before National Day: Thu 10-08 and Fri 10-09 are the 2 working days.
    ['2026-09-30T10:00:00', '2026-10-09'],
    // Friday late evening: Mon and Tue.
    ['2026-11-27T23:30:00', '2026-12-01'],
    // Saturday just after midnight (still Friday in UTC): Mon and Tue.
    ['2026-11-28T00:30:00', '2026-12-01'],
    // Friday before the working Saturday 10-10: Sat 10-10 counts.
    ['2026-10-09T15:00:00', '2026-10-12'],
  ])('submitted %s (Beijing) is due at the end of %s (Beijing)', (submitted, dueDay) => {
    const application = submittedAt(beijing(submitted));
    expect(application.due).toEqual({
      stage: 'platform_review',
      at: beijing(`${dueDay}T23:59:59.999`).toISOString(),
    });
  });
});

describe('authority review due date', () => {
  it('is the end of the 20th working day, skipping 中秋 and National Day and counting 10-10', () => {
    const waiting = approvedAt('2026-09-21T09:00:00', '2026-09-23T12:00:00');
    const review = move(waiting, { type: 'sms_verified' }, owner, beijing('2026-09-24T09:00:00'));
    expect(review.due).toEqual({
      stage: 'authority_review',
      at: beijing('2026-10-29T23:59:59.999').toISOString(),
    });
  });
});

describe('overdue', () => {
  const application = submittedAt(beijing('2026-12-01T10:00:00'));
  const due = new Date(application.due?.at ?? '');

  it('is not overdue until the due time has passed', () => {
    expect(isOverdue(application, due)).toBe(false);
    expect(flagOverdue(application, due)).toBeNull();
    expect(isOverdue(application, later(due, 1))).toBe(true);
  });

  it('is flagged once, with a new version, and shown to the filer as running late', () => {
    const now = later(due, HOUR);
    const flagged = flagOverdue(application, now);
    expect(flagged).toMatchObject({
      overdueSince: now.toISOString(),
      version: application.version + 1,
      state: 'platform_review',
    });
    if (!flagged) return;
    expect(flagOverdue(flagged, later(now, HOUR))).toBeNull();
    expect(todoOf(flagged, now).detail).toContain('审核已超过预计时间');
  });

  it('is cleared when the application leaves the stage', () => {
    const flagged = flagOverdue(application, later(due, HOUR));
    if (!flagged) throw new Error('not flagged');
    const approved = transition(flagged, { type: 'platform_approve' }, admin, later(due, 2 * HOUR));
    expect(approved).toMatchObject({
      ok: true,
      application: { overdueSince: null, state: 'sms_verification' },
    });
  });

  it('does not apply to the SMS check (the scheduler times it out) or to states without a due date', () => {
    const waiting = move(application, { type: 'platform_approve' }, admin, later(due, -HOUR));
    expect(isOverdue(waiting, later(due, 100 * HOUR))).toBe(false);
    expect(flagOverdue(draft(), later(due, 100 * HOUR))).toBeNull();
  });
});

describe('ETA of the current stage', () => {
  it('gives 1–2 working days for the platform review', () => {
    const application = submittedAt(beijing('2026-09-30T10:00:00'));
    expect(etaOf(application, beijing('2026-10-02T10:00:00'))).toEqual({
      stage: 'platform_review',
      earliest: '2026-10-08',
      latest: '2026-10-09',
      estimated: false,
    });
  });

  it('gives the SMS window from today to its closing day', () => {
    const waiting = approvedAt('2026-12-01T10:00:00', '2026-12-02T20:00:00');
    expect(etaOf(waiting, beijing('2026-12-02T21:00:00'))).toEqual({
      stage: 'sms_verification',
      earliest: '2026-12-02',
      latest: '2026-12-03',
      estimated: false,
    });
  });

  it('says "estimated" when the authority review runs into 2027, and not once 2027 is supplied', () => {
    const waiting = approvedAt('2026-12-14T10:00:00', '2026-12-15T10:00:00');
    const review = move(waiting, { type: 'sms_verified' }, owner, beijing('2026-12-15T12:00:00'));
    const eta = etaOf(review, beijing('2026-12-16T10:00:00'));
    // 12-16…12-31 are 12 working days; 8 more on plain weekdays of January 2027.
    expect(eta).toEqual({
      stage: 'authority_review',
      earliest: '2026-12-16',
      latest: '2027-01-12',
      estimated: true,
    });
    expect(todoOf(review, beijing('2026-12-16T10:00:00')).detail).toContain('未含节假日安排');

    const with2027 = createCalendar({
      2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] },
    });
    expect(etaOf(review, beijing('2026-12-16T10:00:00'), with2027)).toEqual({
      stage: 'authority_review',
      earliest: '2026-12-16',
      latest: '2027-01-13',
      estimated: false,
    });
  });

  it('has no ETA outside the timed stages', () => {
    expect(etaOf(draft(), new Date())).toBeNull();
  });
});

describe('due dates with a supplied calendar', () => {
  it('use the calendar passed to transition', () => {
    const start = draft({ start: beijing('2026-12-30T08:00:00') });
    const calendar = createCalendar({ 2027: { holidays: ['2027-01-01'], workdays: [] } });
    const plain = transition(start, { type: 'submit' }, owner, beijing('2026-12-30T09:00:00'));
    const exact = transition(start, { type: 'submit' }, owner, beijing('2026-12-30T09:00:00'), { calendar });
    // Plain weekdays: Thu 12-31, Fri 01-01. With 2027 known, 01-01 is a holiday: Mon 01-04.
    expect(plain.ok && plain.application.due?.at).toBe(beijing('2027-01-01T23:59:59.999').toISOString());
    expect(exact.ok && exact.application.due?.at).toBe(beijing('2027-01-04T23:59:59.999').toISOString());
  });
});
