/**
 * Timer triggers: read from the functions' config.json as the platform checks them, fired by hand
 * through `/_/triggers/<name>` with the timer's event and invocation, and run on their cron.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLOUDFUNCTIONS_DIR,
  readTriggers,
  schedule,
  timerEvent,
  TriggerConfigError,
} from '../../local/triggers';
import { cloudForAll, TestCloud } from '../e2e/harness';

let dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A cloudfunctions/ folder with `scheduler/config.json` holding `triggers`. */
function functionsWith(triggers: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'beian-functions-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'scheduler'));
  writeFileSync(
    join(dir, 'scheduler', 'config.json'),
    JSON.stringify({ permissions: { openapi: [] }, triggers }),
  );
  return dir;
}

describe('reading triggers', () => {
  it("finds the scheduler's every-minute trigger in the repository", () => {
    expect(readTriggers(CLOUDFUNCTIONS_DIR)).toEqual([
      { functionName: 'scheduler', name: 'everyMinute', cron: '0 * * * * * *' },
    ]);
  });

  it.each([
    [
      [
        { name: 'a', type: 'timer', config: '0 * * * * * *' },
        { name: 'b', type: 'timer', config: '0 * * * * * *' },
      ],
      '最多只能有一个',
    ],
    [[{ name: '1bad', type: 'timer', config: '0 * * * * * *' }], '应以字母开头'],
    [[{ name: 'job', type: 'http', config: '0 * * * * * *' }], '只能是 timer'],
    [[{ name: 'job', type: 'timer', config: '0 * * * * *' }], '7 个字段'],
    [[{ name: 'job', type: 'timer', config: '0 99 * * * * *' }], '无法解析'],
    ['not a list', 'triggers 应为'],
  ])('refuses what the platform would refuse: %j', (triggers, message) => {
    const dir = functionsWith(triggers);
    expect(() => readTriggers(dir)).toThrow(TriggerConfigError);
    expect(() => readTriggers(dir)).toThrow(message);
  });

  it("builds SCF's timer event, in UTC to the second", () => {
    const trigger = { functionName: 'scheduler' as const, name: 'everyMinute', cron: '0 * * * * * *' };
    expect(timerEvent(trigger, new Date('2026-11-02T02:00:07.123Z'))).toEqual({
      Type: 'Timer',
      TriggerName: 'everyMinute',
      Time: '2026-11-02T02:00:07Z',
    });
  });
});

describe('firing triggers', () => {
  let test: TestCloud;
  cloudForAll((cloud) => (test = cloud));

  it('fires by function or trigger name and answers the tick', async () => {
    for (const name of ['scheduler', 'everyMinute']) {
      const { status, json } = await test.post(`/_/triggers/${name}`);
      expect(status).toBe(200);
      expect(json).toMatchObject({
        ok: true,
        data: { timedOut: 0, overdueFlagged: 0, dispatch: { sent: 0 } },
      });
    }
    expect(test.logs).toContainEqual(
      expect.stringMatching(/POST \/_\/triggers\/scheduler scheduler tick system OK/),
    );
  });

  it('answers 404 naming the triggers there are', async () => {
    const { status, json } = await test.post('/_/triggers/filing');
    expect(status).toBe(404);
    expect(json).toMatchObject({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('scheduler') },
    });
  });

  it('lists the triggers (not scheduled in tests: no next run)', async () => {
    expect((await test.get('/_/triggers')).json).toEqual({
      triggers: [{ function: 'scheduler', name: 'everyMinute', cron: '0 * * * * * *', nextRun: null }],
    });
  });

  it('refuses a user calling the scheduler directly, as the platform caller rules say', async () => {
    const { json } = await test.post('/functions/scheduler', {
      event: { Type: 'Timer', TriggerName: 'everyMinute' },
      context: { openid: 'o-filer-a' },
    });
    expect(json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('running triggers on their cron', () => {
  it('fires an every-second trigger on its own, as the timer (no OPENID)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-functions-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'scheduler'));
    writeFileSync(
      join(dir, 'scheduler', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }] }),
    );
    const test = await TestCloud.start({ schedule: true, cloudfunctionsDir: dir });
    try {
      const listed = (await test.get('/_/triggers')).json as { triggers: { nextRun: string | null }[] };
      expect(Date.parse(listed.triggers[0]?.nextRun ?? '')).toBeGreaterThan(Date.now() - 1000);
      await new Promise((resolve) => setTimeout(resolve, 2300));
      const fired = test.logs.filter((line) =>
        / timer scheduler\/everySecond scheduler tick system OK \d+ms$/.test(line),
      );
      expect(fired.length).toBeGreaterThanOrEqual(1);
    } finally {
      await test.close();
    }
  });
});

describe('cron times', () => {
  it('reads the cron in Beijing time: 02:00 every day is 18:00 UTC', () => {
    const timers = schedule(
      [{ functionName: 'scheduler', name: 'nightly', cron: '0 0 2 * * * *' }],
      async () => {
        throw new Error('must not fire in this test');
      },
    );
    try {
      const next = timers.nextRuns().scheduler;
      expect(next?.getUTCHours()).toBe(18);
      expect(next?.getUTCMinutes()).toBe(0);
    } finally {
      timers.stop();
    }
  });

  it('honours the year field', () => {
    const timers = schedule(
      [{ functionName: 'scheduler', name: 'past', cron: '0 0 0 1 1 * 2020' }],
      async () => undefined,
    );
    try {
      expect(timers.nextRuns().scheduler).toBeNull();
    } finally {
      timers.stop();
    }
  });
});
