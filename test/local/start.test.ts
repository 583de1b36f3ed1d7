/**
 * `npm start` as a developer runs it: the banner with every URL and the operator key, `--reset`,
 * one cloud per data folder, and a graceful stop on SIGTERM/SIGINT (in-flight calls finish, the
 * database closes cleanly, exit 0).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../../local/cloud';
import { solidPng } from '../../local/demo-image';
import { FILER, ok, TestCloud } from '../e2e/harness';
import { runScript, StartedMain } from './spawn';

jest.setTimeout(60_000);

let dataDir: string;
const JSON_TYPE = { 'content-type': 'application/json' };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'beian-start-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function json(url: string): Promise<unknown> {
  return (await fetch(url)).json();
}

describe('npm start', () => {
  it('prints the URLs and the operator key, serves the functions, and stops cleanly on SIGTERM', async () => {
    const main = new StartedMain(['--no-preview'], { PORT: '0', BEIAN_DATA_DIR: dataDir });
    const url = await main.url();
    const key = readFileSync(join(dataDir, 'operator-key'), 'utf8').trim();
    for (const line of [
      `POST ${url}/functions/{filing,admin,scheduler}`,
      `GET  ${url}/_/messages`,
      `GET  ${url}/_/clock  (real)`,
      `POST ${url}/_/triggers/scheduler  (everyMinute, cron "0 * * * * * *", Beijing time)`,
      `POST ${url}/_/storage/upload`,
      `operator key:   ${key}`,
    ]) {
      expect(main.text).toContain(line);
    }
    expect(main.text).not.toContain('preview:');
    const answer = await fetch(`${url}/functions/admin`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ event: { action: 'stats.get', operator: { name: 'tester', key } } }),
    });
    expect(await answer.json()).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(main.text).toMatch(/Z POST \/functions\/admin admin stats\.get operator OK \d+ms/);

    const { code, stdout } = await main.stop('SIGTERM');
    expect(code).toBe(0);
    expect(stdout).toContain('stopped');
    // Closed cleanly: the write-ahead log was checkpointed away and the folder is free again.
    expect(existsSync(join(dataDir, 'beian.db-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'local-cloud.json'))).toBe(false);
  });

  it('stops with npm: a SIGTERM to npm reaches the cloud, which closes and frees its folder', async () => {
    const main = new StartedMain(['--no-preview'], { PORT: '0', BEIAN_DATA_DIR: dataDir }, 'npm');
    await main.url();
    // What `kill <npm pid>` does: before, npm's shell died and left the server holding the folder.
    const { code, stdout } = await main.stop('SIGTERM');
    expect(stdout).toContain('stopped');
    expect(code === 0 || code === null).toBe(true);
    expect(existsSync(join(dataDir, 'local-cloud.json'))).toBe(false);
  });

  it('prints the operator key in full on the start that creates it only, masked afterwards', async () => {
    const first = new StartedMain(['--no-preview'], { PORT: '0', BEIAN_DATA_DIR: dataDir });
    await first.url();
    const key = readFileSync(join(dataDir, 'operator-key'), 'utf8').trim();
    expect(first.text).toContain(`operator key:   ${key}   (new, shown this once`);
    expect((await first.stop()).code).toBe(0);

    const again = new StartedMain(['--no-preview'], { PORT: '0', BEIAN_DATA_DIR: dataDir });
    await again.url();
    expect(again.text).toContain(
      `operator key:   ${key.slice(0, 4)}****   (in ${join(dataDir, 'operator-key')}`,
    );
    expect(again.text).not.toContain(key);
    expect((await again.stop()).code).toBe(0);

    const given = new StartedMain(['--no-preview'], {
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      BEIAN_OPERATOR_KEY: 'env-key-0123456789',
    });
    await given.url();
    expect(given.text).toContain('operator key:   env-****');
    expect(given.text).not.toContain('env-key-0123456789');
    expect((await given.stop()).code).toBe(0);
  });

  it('runs the manual clock when BEIAN_CLOCK=manual, and stops on SIGINT too', async () => {
    const main = new StartedMain(['--no-preview'], {
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      BEIAN_CLOCK: 'manual',
    });
    const url = await main.url();
    expect(main.text).toContain('cron firings still follow real time');
    const moved = await fetch(`${url}/_/clock`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{"advanceMs":3600000}',
    });
    expect(moved.status).toBe(200);
    expect(await json(`${url}/_/clock`)).toMatchObject({ mode: 'manual' });
    expect((await main.stop('SIGINT')).code).toBe(0);
  });

  it('starts from empty data with --reset, keeping the operator key', async () => {
    const before = await startLocalCloud({ port: 0, dataDir, clock: 'manual', schedule: false });
    const key = before.operatorKey;
    await fetch(`${before.url}/_/clock`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{"advanceMs":86400000}',
    });
    await fetch(`${before.url}/_/storage/upload?cloudPath=filings/${FILER}/a.png`, {
      method: 'POST',
      headers: { 'x-wx-openid': FILER, 'content-type': 'image/png' },
      body: new Uint8Array(solidPng(2, 2, [0, 0, 0])),
    });
    await fetch(`${before.url}/_/subscriptions`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ openid: FILER, results: { 'REPLACE-ME-progress': 'accept' } }),
    });
    await fetch(`${before.url}/functions/filing`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ event: { action: 'draft.create', kind: 'new' }, context: { openid: FILER } }),
    });
    const clockBefore = ((await json(`${before.url}/_/clock`)) as { now: string }).now;
    await before.close();

    const main = new StartedMain(['--reset', '--no-preview'], {
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      BEIAN_CLOCK: 'manual',
    });
    const url = await main.url();
    expect(main.text).toContain(`data reset: ${dataDir}`);
    expect(main.text).toContain(`operator key:   ${key.slice(0, 4)}****`);
    expect(main.text).not.toContain(key);
    const list = await fetch(`${url}/functions/filing`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ event: { action: 'filing.list' }, context: { openid: FILER } }),
    });
    expect(await list.json()).toEqual({ ok: true, data: { items: [], nextCursor: null } });
    expect(await json(`${url}/_/subscriptions?openid=${FILER}`)).toEqual({ openid: FILER, credits: {} });
    const clock = (await json(`${url}/_/clock`)) as { now: string };
    expect(Date.parse(clock.now)).toBeLessThan(Date.parse(clockBefore));
    expect(existsSync(join(dataDir, 'files', 'filings'))).toBe(false);
    expect((await main.stop()).code).toBe(0);
  });

  it('refuses a second cloud on a data folder already in use', async () => {
    const first = await startLocalCloud({ port: 0, dataDir, schedule: false });
    try {
      const second = new StartedMain(['--no-preview'], { PORT: '0', BEIAN_DATA_DIR: dataDir });
      const { code, stdout, stderr } = await second.exited();
      expect(code).toBe(1);
      expect(stdout + stderr).toContain('已被另一个本地云使用');
      expect(stdout + stderr).toContain(first.url);
      await expect(startLocalCloud({ port: 0, dataDir, schedule: false })).rejects.toThrow(
        '已被另一个本地云使用',
      );
    } finally {
      await first.close();
    }
  });

  it('refuses a clock mode it does not know', async () => {
    const { code, stderr } = await runScript('main.ts', ['--no-preview'], {
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      BEIAN_CLOCK: 'fast',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('BEIAN_CLOCK 应为 real 或 manual');
  });
});

describe('closing the cloud', () => {
  it('lets a call in flight finish before it closes', async () => {
    const test = await TestCloud.start();
    const png = solidPng(4, 4, [10, 20, 30]);
    let closed: Promise<void> = Promise.resolve();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL(`${test.url}/_/storage/upload?cloudPath=filings/${FILER}/slow.png`), {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-wx-openid': FILER, 'content-length': png.length },
      });
      req.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(png.subarray(0, 10));
      setTimeout(() => {
        closed = test.cloud.close();
        setTimeout(() => req.end(png.subarray(10)), 100);
      }, 100);
    });
    expect(status).toBe(200);
    await closed;
    await expect(fetch(`${test.url}/_/clock`)).rejects.toThrow();
    // The upload that finished during the close is there after a restart.
    await test.restart();
    const media = ok(
      await test.as(FILER, 'filing', 'media.url', {
        fileIds: [`cloud://beian-local.6265-beian-local/filings/${FILER}/slow.png`],
      }),
    );
    expect(Object.keys(media.urls)).toHaveLength(1);
    await test.close();
  });
});
