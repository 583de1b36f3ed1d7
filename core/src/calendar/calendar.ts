/**
 * Working days of mainland China (工作日): Monday to Friday, minus public holidays, plus the
 * adjusted working weekends (调休). Years without holiday data are counted on plain weekdays and
 * every answer that touched such a year says `estimated: true`, so the UI can say
 * "预计（未含节假日安排）" instead of promising a date.
 */
import type { IsoDate } from '../model/form';
import { fromDayNumber, toDayNumber, weekdayOfDay, yearOfDay } from './dates';
import { BUILT_IN_HOLIDAYS } from './holidays-data';
import { expandCompactYear, type HolidayData, type YearSchedule } from './schedule';

export interface WorkingDate {
  date: IsoDate;
  /** True when a day in a year without holiday data was counted. */
  estimated: boolean;
}

export interface WorkingDayCount {
  days: number;
  /** True when a day in a year without holiday data was counted. */
  estimated: boolean;
}

export interface Calendar {
  /** The years whose holidays are known, ascending. */
  readonly years: readonly number[];
  hasYear(year: number): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /** The `n`th working day after `date` (`date` itself is not counted; n = 0 answers `date`). */
  addWorkingDays(date: IsoDate, n: number): WorkingDate;
  /**
   * Working days after `a` up to and including `b` — so `addWorkingDays(a, n)` lands on a `b` with
   * `workingDaysBetween(a, b).days === n`. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): WorkingDayCount;
}

interface KnownYear {
  off: ReadonlySet<number>;
  on: ReadonlySet<number>;
}

function known(schedule: YearSchedule): KnownYear {
  return {
    off: new Set(schedule.holidays.map(toDayNumber)),
    on: new Set(schedule.workdays.map(toDayNumber)),
  };
}

/**
 * A calendar from the built-in data (chinese-days, generated) and `extra` years. Pass the result
 * of `parseHolidayData` to add a year that was published after this release.
 */
export function createCalendar(extra: HolidayData = {}): Calendar {
  // Each year is expanded the first time a day of it is asked about: a cloud function creates a
  // calendar at every cold start and mostly asks about this year and the next (docs/benchmarks.md).
  const sources = new Map<number, () => YearSchedule>();
  for (const [year, compact] of Object.entries(BUILT_IN_HOLIDAYS)) {
    sources.set(Number(year), () => expandCompactYear(Number(year), compact));
  }
  for (const [year, schedule] of Object.entries(extra)) sources.set(Number(year), () => schedule);
  const expanded = new Map<number, KnownYear>();
  const yearData = (year: number): KnownYear | undefined => {
    const done = expanded.get(year);
    if (done) return done;
    const source = sources.get(year);
    if (!source) return undefined;
    const data = known(source());
    expanded.set(year, data);
    return data;
  };

  const isWorkingDayNumber = (day: number): boolean => {
    const data = yearData(yearOfDay(day));
    if (data?.on.has(day)) return true;
    if (data?.off.has(day)) return false;
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  };
  const hasYear = (year: number) => sources.has(year);

  return {
    years: [...sources.keys()].sort((a, b) => a - b),
    hasYear,
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0)
        throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
      let day = toDayNumber(date);
      let estimated = false;
      for (let counted = 0; counted < n;) {
        day += 1;
        estimated ||= !hasYear(yearOfDay(day));
        if (isWorkingDayNumber(day)) counted += 1;
      }
      return { date: fromDayNumber(day), estimated };
    },
    workingDaysBetween(a, b) {
      const [from, to] = [toDayNumber(a), toDayNumber(b)];
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let days = 0;
      let estimated = false;
      for (let day = low + 1; day <= high; day += 1) {
        estimated ||= !hasYear(yearOfDay(day));
        if (isWorkingDayNumber(day)) days += 1;
      }
      // `|| 0` turns -0 (no days, counted backwards) into 0.
      return { days: sign * days || 0, estimated };
    },
  };
}

/** The calendar with the built-in years only. */
export const DEFAULT_CALENDAR: Calendar = createCalendar();

export function isWorkingDay(date: IsoDate, calendar: Calendar = DEFAULT_CALENDAR): boolean {
  return calendar.isWorkingDay(date);
}

export function addWorkingDays(date: IsoDate, n: number, calendar: Calendar = DEFAULT_CALENDAR): WorkingDate {
  return calendar.addWorkingDays(date, n);
}

export function workingDaysBetween(
  a: IsoDate,
  b: IsoDate,
  calendar: Calendar = DEFAULT_CALENDAR,
): WorkingDayCount {
  return calendar.workingDaysBetween(a, b);
}
