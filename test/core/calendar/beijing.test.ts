/** Beijing time without Intl: dates, day ends and the formats WeChat documents. */
import {
  beijingDate,
  endOfBeijingDay,
  formatBeijingDate,
  formatBeijingTime,
  formatMonthDayTime,
  startOfBeijingDay,
} from '@beian/core';

describe('Beijing time', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(beijingDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(beijingDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });

  it('ends and starts a Beijing day at the right UTC instants', () => {
    expect(endOfBeijingDay('2026-10-09')).toBe('2026-10-09T15:59:59.999Z');
    expect(startOfBeijingDay('2026-10-09')).toBe('2026-10-08T16:00:00.000Z');
    expect(beijingDate(endOfBeijingDay('2026-02-28'))).toBe('2026-02-28');
  });

  it('formats times as WeChat shows them, in Beijing time', () => {
    expect(formatBeijingTime('2026-09-30T17:05:00.000Z')).toBe('2026年10月1日 01:05');
    expect(formatBeijingDate(new Date('2026-09-30T17:05:00.000Z'))).toBe('2026年10月1日');
    expect(formatMonthDayTime('2026-10-09T02:00:00.000Z')).toBe('10月9日 10:00');
  });

  it('refuses a time that is not one', () => {
    expect(() => beijingDate('yesterday')).toThrow(RangeError);
  });
});
