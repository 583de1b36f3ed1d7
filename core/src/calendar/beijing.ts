/**
 * Beijing time (UTC+8, no daylight saving since 1991). Computed by adding 8 hours to UTC rather
 * than through Intl time zones, which the mini-program's JS engine may lack.
 */
import type { IsoDate } from '../model/form';
import { toDayNumber } from './dates';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function instant(at: Date | string): Date {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${String(at)}`);
  return date;
}

/** The wall-clock fields of an instant in Beijing, read through a shifted UTC date. */
function beijingFields(at: Date | string) {
  const shifted = new Date(instant(at).getTime() + BEIJING_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    iso: shifted.toISOString(),
  };
}

/** The Beijing calendar date of an instant: what "today" means to a filer and a reviewer. */
export function beijingDate(now: Date | string): IsoDate {
  return beijingFields(now).iso.slice(0, 10);
}

/** 00:00:00.000 of a Beijing date, as an ISO instant (UTC). */
export function startOfBeijingDay(date: IsoDate): string {
  return new Date(toDayNumber(date) * DAY_MS - BEIJING_OFFSET_MS).toISOString();
}

/** 23:59:59.999 of a Beijing date, as an ISO instant (UTC): the deadline "by the end of that day". */
export function endOfBeijingDay(date: IsoDate): string {
  return new Date((toDayNumber(date) + 1) * DAY_MS - BEIJING_OFFSET_MS - 1).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026年10月1日 15:01` — the format WeChat documents for `time` keywords. */
export function formatBeijingTime(at: Date | string): string {
  const f = beijingFields(at);
  return `${f.year}年${f.month}月${f.day}日 ${pad(f.hour)}:${pad(f.minute)}`;
}

/** `2026年10月1日` — the format WeChat documents for `date` keywords. */
export function formatBeijingDate(at: Date | string): string {
  const f = beijingFields(at);
  return `${f.year}年${f.month}月${f.day}日`;
}

/** `10月1日`, for short texts (a date within the coming weeks needs no year). */
export function formatMonthDay(date: IsoDate): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日`;
}

/** `10月1日 15:01` in Beijing time. */
export function formatMonthDayTime(at: Date | string): string {
  const f = beijingFields(at);
  return `${f.month}月${f.day}日 ${pad(f.hour)}:${pad(f.minute)}`;
}
