/** Working days of mainland China: the 2026 schedule, estimated years, and extra data. */
import fc from 'fast-check';
import {
  addWorkingDays,
  createCalendar,
  DEFAULT_CALENDAR,
  isWorkingDay,
  parseHolidayData,
  workingDaysBetween,
} from '@beian/core';

/** The State Council's 2026 schedule (国办发明电〔2025〕7号), weekdays off and weekends worked. */
const WEEKDAYS_OFF_2026 = [
  '2026-01-01', '2026-01-02', // 元旦
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', // 春节
  '2026-04-06', // 清明
  '2026-05-01', '2026-05-04', '2026-05-05', // 劳动节
  '2026-06-19', // 端午
  '2026-09-25', // 中秋
  '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆
]; // prettier-ignore
const WEEKENDS_WORKED_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

describe('2026', () => {
  it.each(WEEKDAYS_OFF_2026)('%s is a holiday', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each(WEEKENDS_WORKED_2026)('%s is an adjusted working day (调休)', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });

  it('has 248 working days in all, exact: 261 weekdays − 19 weekdays off + 6 weekends worked', () => {
    expect(WEEKDAYS_OFF_2026).toHaveLength(19);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toEqual({ days: 248, estimated: false });
  });

  it('treats other days by the week: Thursday 10-08 works, Sunday 10-11 does not', () => {
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('matches the 2025 spot checks', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('counts across National Day: 2 working days after 09-30 is 10-09', () => {
    expect(addWorkingDays('2026-09-30', 1)).toEqual({ date: '2026-10-08', estimated: false });
    expect(addWorkingDays('2026-09-30', 2)).toEqual({ date: '2026-10-09', estimated: false });
    expect(addWorkingDays('2026-10-09', 1)).toEqual({ date: '2026-10-10', estimated: false });
  });

  it('answers the date itself for 0 and refuses a negative or fractional count', () => {
    expect(addWorkingDays('2026-10-03', 0)).toEqual({ date: '2026-10-03', estimated: false });
    expect(() => addWorkingDays('2026-10-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-03', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('are each other’s inverse, on any date and count', () => {
    const dayArb = fc
      .integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2030, 11, 31) })
      .map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 45 }), (date, n) => {
        const landed = addWorkingDays(date, n);
        expect(workingDaysBetween(date, landed.date)).toEqual({ days: n, estimated: landed.estimated });
        expect(workingDaysBetween(landed.date, date).days + n).toBe(0);
        if (n > 0) expect(isWorkingDay(landed.date)).toBe(true);
      }),
    );
  });
});

describe('years without holiday data', () => {
  it('counts 2027 on plain weekdays and says so', () => {
    expect(DEFAULT_CALENDAR.hasYear(2026)).toBe(true);
    expect(DEFAULT_CALENDAR.hasYear(2027)).toBe(false);
    expect(isWorkingDay('2027-10-01')).toBe(true); // a Friday; the real holiday is unknown here
    expect(addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', estimated: false });
    expect(addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-01', estimated: true });
    expect(workingDaysBetween('2027-01-01', '2027-01-08')).toEqual({ days: 5, estimated: true });
  });

  it('knows 2004 onwards from the built-in data', () => {
    expect(DEFAULT_CALENDAR.years[0]).toBe(2004);
    expect(DEFAULT_CALENDAR.years).toContain(2026);
  });
});

describe('extra holiday data', () => {
  const json = JSON.stringify({
    2027: {
      holidays: ['2027-01-01', '2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workdays: ['2027-09-26', '2027-10-09'],
    },
  });

  it('makes 2027 exact without a release', () => {
    const parsed = parseHolidayData(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const calendar = createCalendar(parsed.data);
    expect(calendar.hasYear(2027)).toBe(true);
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-09')).toBe(true);
    expect(calendar.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', estimated: false });
    // The default calendar is not touched.
    expect(isWorkingDay('2027-10-01')).toBe(true);
  });

  it('replaces a built-in year when given one', () => {
    const calendar = createCalendar({ 2026: { holidays: [], workdays: [] } });
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true);
  });

  it.each([
    ['not JSON', '{2027', undefined],
    ['a list', '[]', undefined],
    ['a bad year', { '27': { holidays: [] } }, '27'],
    ['no holidays', { 2027: { workdays: [] } }, '2027.holidays'],
    ['an impossible date', { 2027: { holidays: ['2027-02-30'] } }, '2027.holidays.0'],
    ['a date of another year', { 2027: { holidays: ['2028-01-01'] } }, '2027.holidays.0'],
    [
      'a weekday as an adjusted working day',
      { 2027: { holidays: [], workdays: ['2027-10-08'] } },
      '2027.workdays.0',
    ],
    [
      'a day both off and worked',
      { 2027: { holidays: ['2027-10-09'], workdays: ['2027-10-09'] } },
      '2027.workdays.0',
    ],
  ])('refuses %s', (_what, input, path) => {
    const parsed = parseHolidayData(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('VALIDATION');
    if (path) expect(parsed.error.fields?.map((field) => field.path)).toContain(path);
  });
});
