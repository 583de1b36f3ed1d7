/**
 * The clock routes: real by default (and then not movable), manual when asked, moved forward only,
 * and a manual clock's time kept in the data folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClock, RealClockError } from '../../local/clock';
import { cloudForAll, type TestCloud } from '../e2e/harness';

describe('a real clock', () => {
  let test: TestCloud;
  cloudForAll((cloud) => (test = cloud), { clock: 'real' });

  it('tells the real time and refuses to be moved with a 409', async () => {
    const before = Date.now();
    const { status, json } = await test.get('/_/clock');
    expect(status).toBe(200);
    const { mode, now } = json as { mode: string; now: string };
    expect(mode).toBe('real');
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before - 1);
    const moved = await test.post('/_/clock', { advanceMs: 1000 });
    expect(moved.status).toBe(409);
    expect(moved.json).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('BEIAN_CLOCK=manual') },
    });
  });
});

describe('a manual clock', () => {
  let test: TestCloud;
  cloudForAll((cloud) => (test = cloud));

  it('stands still until moved, and moves by exactly what it is told', async () => {
    expect((await test.get('/_/clock')).json).toEqual({ mode: 'manual', now: '2026-11-02T02:00:00.000Z' });
    const { json } = await test.post('/_/clock', { advanceMs: 86_401_000 });
    expect(json).toEqual({ mode: 'manual', now: '2026-11-03T02:00:01.000Z' });
    expect((await test.get('/_/clock')).json).toEqual({ mode: 'manual', now: '2026-11-03T02:00:01.000Z' });
  });

  it('refuses going backwards, fractions and things that are not numbers, with the reason', async () => {
    for (const body of [
      { advanceMs: -1 },
      { advanceMs: 1.5 },
      { advanceMs: '1000' },
      {},
      { advanceMs: 1, to: 'x' },
    ]) {
      const { status, json } = await test.post('/_/clock', body);
      expect(status).toBe(400);
      expect(json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    }
    expect((await test.get('/_/clock')).json).toMatchObject({ now: '2026-11-03T02:00:01.000Z' });
  });

  it('keeps its time in the data folder', () => {
    const saved = JSON.parse(readFileSync(join(test.dataDir, 'clock.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ now: '2026-11-03T02:00:01.000Z' });
  });
});

describe('openClock', () => {
  it('starts a manual clock at the saved time, ignoring startAt, and a real one refuses advance', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-clock-'));
    try {
      const file = join(dir, 'clock.json');
      const first = openClock({ mode: 'manual', file, startAt: new Date('2026-01-01T00:00:00.000Z') });
      first.advance(60_000);
      const second = openClock({ mode: 'manual', file, startAt: new Date('2030-01-01T00:00:00.000Z') });
      expect(second.now().toISOString()).toBe('2026-01-01T00:01:00.000Z');
      expect(() => openClock({ mode: 'real', file }).advance(1)).toThrow(RealClockError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
