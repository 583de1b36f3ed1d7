/**
 * Holiday data supplied at run time, so a newly published year (the State Council announces the
 * next year's schedule each autumn) works without a release. The server reads it from the
 * BEIAN_HOLIDAYS environment variable:
 *
 *   { "2027": { "holidays": ["2027-01-01", "2027-02-06", …], "workdays": ["2027-02-14", …] } }
 *
 * `holidays` are days off (weekend days inside a holiday may be listed or not), `workdays` the
 * weekend days that are worked (调休上班). A year given here replaces the built-in one.
 */
import type { IsoDate } from '../model/form';
import { readConfig } from '../config-object';
import type { Failure, Issue } from '../result';
import { dayNumberOf, weekdayOfDay } from './dates';
import type { HolidayData, YearSchedule } from './schedule';

export type ParsedHolidayData = { ok: true; data: HolidayData } | { ok: false; error: Failure };

const issue = (path: string, code: string, message: string): Issue => ({ path, code, message });

function parseDates(value: unknown, year: string, path: string, issues: Issue[]): IsoDate[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(issue(path, 'not_a_list', '应为日期列表，例如 ["2027-01-01"]'));
    return [];
  }
  const dates: IsoDate[] = [];
  value.forEach((date: unknown, index) => {
    if (typeof date !== 'string' || dayNumberOf(date) === null) {
      issues.push(issue(`${path}.${index}`, 'invalid_date', '应为 YYYY-MM-DD 格式的真实日期'));
    } else if (!date.startsWith(`${year}-`)) {
      issues.push(issue(`${path}.${index}`, 'wrong_year', `日期 ${date} 不属于 ${year} 年`));
    } else {
      dates.push(date);
    }
  });
  return dates;
}

function parseYear(year: string, value: unknown, issues: Issue[]): YearSchedule | null {
  if (!/^\d{4}$/.test(year)) {
    issues.push(issue(year, 'invalid_year', '年份应为四位数字，例如 "2027"'));
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(issue(year, 'not_an_object', '应为 { "holidays": [...], "workdays": [...] }'));
    return null;
  }
  const entry = value as Record<string, unknown>;
  if (entry.holidays === undefined)
    issues.push(issue(`${year}.holidays`, 'required', '请列出该年的放假日期'));
  const holidays = parseDates(entry.holidays, year, `${year}.holidays`, issues);
  const workdays = parseDates(entry.workdays, year, `${year}.workdays`, issues);
  workdays.forEach((date, index) => {
    const weekday = weekdayOfDay(dayNumberOf(date) ?? 0);
    // A weekday needs no entry: listing one is almost always a typo for another date.
    if (weekday !== 0 && weekday !== 6) {
      issues.push(
        issue(`${year}.workdays.${index}`, 'not_a_weekend', `${date} 不是周末，调休上班日应为周六或周日`),
      );
    }
    if (holidays.includes(date)) {
      issues.push(issue(`${year}.workdays.${index}`, 'both', `${date} 不能同时是放假日和调休上班日`));
    }
  });
  return { holidays, workdays };
}

const HOLIDAY_MESSAGES = {
  notJson: '节假日数据不是合法的 JSON。',
  notObject: '节假日数据应为按年份分组的对象，例如 { "2027": { "holidays": [...] } }。',
  wrong: '节假日数据有误，请按提示修正。',
};

/** Parses extra holiday data (an object, or its JSON text); every problem is reported with its path. */
export function parseHolidayData(input: unknown): ParsedHolidayData {
  const data: Record<number, YearSchedule> = {};
  const read = readConfig(input, HOLIDAY_MESSAGES, (year, entry, issues) => {
    const schedule = parseYear(year, entry, issues);
    if (schedule) data[Number(year)] = schedule;
  });
  return read.ok ? { ok: true, data } : read;
}
