/**
 * The generated holiday module agrees with chinese-days, its source, on every day it covers —
 * and is up to date with the installed package (the generator's own check).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isWorkday } from 'chinese-days';
import { DEFAULT_CALENDAR } from '@beian/core';

const root = join(__dirname, '..', '..', '..');

describe('built-in holidays', () => {
  it('match chinese-days on every day of 2004–2026', () => {
    const disagreements: string[] = [];
    for (let time = Date.UTC(2004, 0, 1); time <= Date.UTC(2026, 11, 31); time += 24 * 60 * 60 * 1000) {
      const date = new Date(time).toISOString().slice(0, 10);
      if (DEFAULT_CALENDAR.isWorkingDay(date) !== isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('are what the generator makes from the installed package', () => {
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [join(root, 'scripts', 'generate-holidays.ts'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('up to date');
    expect(run.status).toBe(0);
  });
});
