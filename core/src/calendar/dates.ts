/**
 * Calendar dates (`YYYY-MM-DD`) as whole days, computed in UTC so the answer never depends on the
 * time zone of the device or the cloud function that runs it.
 */
import type { IsoDate } from '../model/form';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or null when `value` is not a real calendar date. */
export function dayNumberOf(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 02-30 over to 03-02: a date is real only if it survives the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(time / DAY_MS);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumberOf(value) !== null;
}

/** Days since 1970-01-01; a malformed date is a programming error, not user input. */
export function toDayNumber(date: IsoDate): number {
  const day = dayNumberOf(date);
  if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}
