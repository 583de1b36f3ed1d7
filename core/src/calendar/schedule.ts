/**
 * How holiday schedules are stored: the generated built-in years in a compact form, and years
 * supplied at run time (e.g. the State Council's 2027 schedule, once published) as full dates.
 */
import type { IsoDate } from '../model/form';

/** A year as the generated module stores it: space-separated `MM-DD` lists. */
export interface CompactYear {
  holidays: string;
  workdays: string;
}

export type CompactYears = Readonly<Record<number, CompactYear>>;

/** One year's 放假 days and 调休 working days (weekend days that are worked). */
export interface YearSchedule {
  holidays: readonly IsoDate[];
  workdays: readonly IsoDate[];
}

/** Extra years, keyed by year; a year given here replaces the built-in data for that year. */
export type HolidayData = Readonly<Record<number, YearSchedule>>;

export function expandCompactYear(year: number, compact: CompactYear): YearSchedule {
  const dates = (list: string) =>
    list
      .split(' ')
      .filter((monthDay) => monthDay !== '')
      .map((monthDay) => `${year}-${monthDay}`);
  return { holidays: dates(compact.holidays), workdays: dates(compact.workdays) };
}
