/**
 * The token refresh under load: 20 callers that all find the component token due at once, on the
 * local cloud's emulated WeChat over HTTP and Beian's sqlite store. The promise is that exactly one
 * `api_component_token` call reaches WeChat per refresh, however many instances ask.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatedPlatformSetting } from '../local/wechat-intake';
import type { ServerDeps } from '../server/deps';
import { openSqliteStore } from '../server/sqlite';
import { wechatChannel } from '../server/wechat/channel';
import { elapsedMs, exact, figure, type Figure } from './figures';
import { benchDeps } from './deps';
import { startBenchCloud } from './local-cloud';

const CALLERS = 20;
const START = new Date('2026-11-02T02:00:00.000Z');
/** Past the token's 7,200 s: every run finds it due. */
const STEP_MS = 2 * 3_600_000 + 60_000;

export async function measureTokenRefresh(runs: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-wechat-'));
  const store = openSqliteStore(join(dir, 'beian.db'));
  let offset = 0;
  const clock = { now: () => new Date(START.getTime() + offset) };
  let deps: ServerDeps | null = null;
  const cloud = await startBenchCloud(dir, START, () => deps);
  try {
    const { secrets, apiBaseUrl } = cloud.wechat;
    const setting = emulatedPlatformSetting(secrets, apiBaseUrl);
    deps = benchDeps(store, { clock, wechat: wechatChannel(setting, store.platform, clock) });
    const tokens = deps.wechat.platform?.tokens;
    if (!tokens) throw new Error('the emulated platform is not configured');
    const times: number[] = [];
    const calls: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await advance(cloud.url, STEP_MS, () => (offset += STEP_MS));
      // Any call after 10 minutes brings Beian a ticket first (WeChat's 10-minute push).
      await fetch(`${apiBaseUrl}/wxa/icp/get_icp_entrance_info?access_token=none`);
      const before = await tokenCalls(cloud.url);
      const started = process.hrtime.bigint();
      await Promise.all(Array.from({ length: CALLERS }, () => tokens.componentToken()));
      times.push(elapsedMs(started));
      calls.push((await tokenCalls(cloud.url)) - before);
    }
    return [
      figure(
        {
          area: 'wechat',
          id: 'wechat.token.refresh.20',
          label: `component token refresh, ${CALLERS} concurrent callers`,
          unit: 'ms',
          note: 'emulated WeChat over HTTP, Beian on sqlite',
        },
        times,
      ),
      exact(
        {
          area: 'wechat',
          id: 'wechat.token.calls.20',
          label: `api_component_token calls per refresh, ${CALLERS} callers (worst run)`,
          unit: 'count',
          target: '= 1',
          ok: calls.every((n) => n === 1),
        },
        Math.max(...calls),
      ),
    ];
  } finally {
    await cloud.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function advance(url: string, ms: number, mirror: () => void): Promise<void> {
  await fetch(`${url}/_/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  mirror();
}

async function tokenCalls(url: string): Promise<number> {
  const requests = (await (await fetch(`${url}/_/wechat/requests`)).json()) as { path: string }[];
  return requests.filter((r) => r.path === '/cgi-bin/component/api_component_token').length;
}
