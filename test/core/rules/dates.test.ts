import { addMonths, isIsoDate } from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

describe('dates', () => {
  eachAnswer('accepts real calendar dates only', isIsoDate, [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-13-01', false],
    ['2024-1-1', false],
    ['长期', false],
    [20240101, false],
  ]);

  it.each([
    ['2026-11-28', 1, '2026-12-28'],
    ['2026-11-28', 3, '2027-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('adds months and clamps to the end of the month: %s plus %p is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
