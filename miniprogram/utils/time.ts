/**
 * Times as a filer in China reads them. The mini-program's JS engine may lack time-zone data, so
 * Beijing time is UTC + 8 h computed by hand (China has no daylight saving), never `Intl`.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const SECOND_MS = 1000;
const HOUR_MS = 60 * 60 * SECOND_MS;

/** The SMS check window (24 h from the first SMS; a resend does not extend it). */
export const SMS_WINDOW_MS = 24 * HOUR_MS;

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function beijingParts(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS);
}

/** `2026-05-06 14:03` in Beijing time; '' for a missing or unreadable time. */
export function beijingDateTime(iso: string | null | undefined): string {
  const at = iso ? beijingParts(iso) : null;
  if (!at) return '';
  const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  return `${date} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** `2026-05-06` in Beijing time; '' for a missing or unreadable time. */
export function beijingDay(iso: string | null | undefined): string {
  return beijingDateTime(iso).slice(0, 10);
}

/** Milliseconds left until `deadline` (never negative). */
export function remainingMs(deadline: number, now: number): number {
  return Math.max(0, deadline - now);
}

/** A countdown as `23:59:59`; whole seconds rounded up so zero shows only when time is really up. */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND_MS));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return `${pad(hours)}:${pad(minutes)}:${pad(total % 60)}`;
}

/** When the SMS window closes, as epoch milliseconds; null when the first-SMS time is unreadable. */
export function smsDeadline(firstSentAt: string): number | null {
  const ms = Date.parse(firstSentAt);
  return Number.isNaN(ms) ? null : ms + SMS_WINDOW_MS;
}
