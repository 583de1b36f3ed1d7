/**
 * The WeChat channel's poll as the open filings grow: one scheduler share (`followBatch`, 20
 * applications, the one checked longest ago first) on a database of 1,000 and of 100,000 followed
 * applications, against the local cloud's emulated WeChat over HTTP. The promise is a flat tick:
 * the batch is read from an index, so at 100,000 it costs what it costs at 1,000.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '../local/cloud';
import { emulatedPlatformSetting } from '../local/wechat-intake';
import { followBatch } from '../server/channel/follow';
import type { ServerDeps } from '../server/deps';
import { openSqliteStore } from '../server/sqlite';
import { wechatChannel } from '../server/wechat/channel';
import { exact, figure, median, type Figure } from './figures';
import { benchDeps } from './deps';
import { startBenchCloud } from './local-cloud';
import { personalForm } from './fixtures';
import { HEAVY_FILER, NOW, seed } from './sqlite/seed';

const BATCH = 20;
/** The seeded applications' mini-program (one per filing in the field; one here, authorized once). */
const APPID = personalForm(HEAVY_FILER).miniprogram.appid;
const FOLLOWED = ['platform_review', 'sms_verification', 'authority_review'];

/**
 * Makes every application the seed left under review a WeChat-channel one of the one authorized
 * mini-program (the seed gives each its own appid), never checked yet.
 */
function followAll(file: string): number {
  const db = new Database(file);
  const states = FOLLOWED.map(() => '?').join(', ');
  const changed = db
    .prepare(
      `UPDATE applications SET follow_key = '0|' || id, follow_appid = ?,
         doc = json_set(doc, '$.channel', json(?), '$.wechat', json(?), '$.form.miniprogram.appid', ?)
       WHERE state IN (${states})`,
    )
    .run(
      APPID,
      JSON.stringify({ kind: 'wechat', reason: 'bench' }),
      JSON.stringify({ face: null, media: [], send: null, status: null, checkedAt: null }),
      APPID,
      ...FOLLOWED,
    ).changes;
  db.close();
  return changed;
}

async function measureAt(size: number, runs: number): Promise<{ followed: number; times: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-poll-'));
  const file = join(dir, 'beian.db');
  await seed(file, size);
  const followed = followAll(file);
  const store = openSqliteStore(file);
  let deps: ServerDeps | null = null;
  let cloud: LocalCloud | null = null;
  try {
    cloud = await startBenchCloud(dir, NOW, () => deps);
    const clock = { now: () => NOW };
    deps = benchDeps(store, {
      clock,
      logger: {
        info: () => undefined,
        error: (line, error) => {
          throw new Error(`the poll failed: ${line} ${String(error)}`);
        },
      },
      wechat: wechatChannel(
        emulatedPlatformSetting(cloud.wechat.secrets, cloud.wechat.apiBaseUrl),
        store.platform,
        clock,
      ),
    });
    // The ticket pushed at start found Beian not up yet: WeChat pushes the next one 10 minutes on.
    await post(`${cloud.url}/_/clock`, { advanceMs: 11 * 60_000 });
    await post(`${cloud.url}/_/wechat/authorize`, { appid: APPID });
    const times: number[] = [];
    // The first batch warms the token; the timed ones each take the next 20 never checked.
    await followBatch(deps, BATCH);
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      const done = await followBatch(deps, BATCH);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (done.checked !== BATCH) throw new Error(`batch checked ${done.checked}, not ${BATCH}`);
    }
    return { followed, times };
  } finally {
    await cloud?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function post(url: string, body: unknown): Promise<void> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
}

export async function measurePoll(sizes: readonly [number, number], runs: number): Promise<Figure[]> {
  const [small, large] = sizes;
  const first = await measureAt(small, runs);
  const second = await measureAt(large, runs);
  const ratio = median(second.times) / median(first.times);
  const label = (n: number) => `poll: one tick's batch of ${BATCH}, ${n.toLocaleString('en')} followed`;
  return [
    figure(
      {
        area: 'wechat',
        id: `wechat.poll.${small}`,
        label: label(first.followed),
        unit: 'ms',
        note: 'emulated WeChat over HTTP, sqlite',
      },
      first.times,
    ),
    figure(
      {
        area: 'wechat',
        id: `wechat.poll.${large}`,
        label: label(second.followed),
        unit: 'ms',
        note: 'emulated WeChat over HTTP, sqlite',
      },
      second.times,
    ),
    exact(
      {
        area: 'wechat',
        id: 'wechat.poll.ratio',
        label: `poll batch at ${large.toLocaleString('en')} ÷ at ${small.toLocaleString('en')} applications`,
        unit: '×',
        target: '< 2×',
        ok: ratio < 2,
      },
      Math.round(ratio * 100) / 100,
    ),
  ];
}
