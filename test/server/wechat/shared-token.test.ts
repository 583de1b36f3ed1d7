/**
 * One refresh for many instances: the token chain's promise that concurrent function instances
 * share a token through the store and call WeChat's token endpoint once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudbaseStore } from '../../../server/cloudbase/store';
import { openSqliteStore } from '../../../server/sqlite';
import type { Store } from '../../../server/store/types';
import { WeChatError } from '../../../server/wechat/errors';
import {
  REFRESH_AHEAD_MS,
  sharedToken,
  spendToken,
  type Expiring,
} from '../../../server/wechat/shared-token';
import { fakeCloudDb } from '../doubles/cloud-db';

interface Token extends Expiring {
  token: string;
}

const HOUR = 3_600_000;
const noWait = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.each(['sqlite', 'cloudbase'] as const)('a shared token on %s', (kind) => {
  let store: Store;
  let dir: string;
  let now: Date;
  const clock = { now: () => now };

  beforeEach(async () => {
    now = new Date('2026-12-06T08:00:00.000Z');
    dir = mkdtempSync(join(tmpdir(), 'beian-token-'));
    store =
      kind === 'sqlite'
        ? openSqliteStore(join(dir, 'beian.db'))
        : new CloudbaseStore(fakeCloudDb({ throwOnNotFound: false }));
    await store.setup();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function counter() {
    let calls = 0;
    const refresh = async (): Promise<Token> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { token: `t${calls}`, expiresAt: new Date(now.getTime() + 2 * HOUR).toISOString() };
    };
    return { refresh, calls: () => calls };
  }

  const get = (refresh: () => Promise<Token>) =>
    sharedToken<Token>({ records: store.platform, key: 'component_token', clock, refresh, sleep: noWait });

  it('20 concurrent callers with no token: exactly one refresh, and all get its token', async () => {
    const wechat = counter();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => get(wechat.refresh)));
    expect(wechat.calls()).toBe(1);
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['t1']));
  });

  it('uses the stored token until it is due, then refreshes it ahead of expiry', async () => {
    const wechat = counter();
    await get(wechat.refresh);
    now = new Date(now.getTime() + 2 * HOUR - REFRESH_AHEAD_MS - 1000);
    expect((await get(wechat.refresh)).token).toBe('t1');
    now = new Date(now.getTime() + 2000);
    expect((await get(wechat.refresh)).token).toBe('t2');
    expect(wechat.calls()).toBe(2);
  });

  it('a failed refresh releases the lease: the next caller refreshes at once', async () => {
    const failing = () =>
      Promise.reject(new WeChatError('/cgi-bin/component/api_component_token', -1, 'busy'));
    await expect(get(failing)).rejects.toThrow(WeChatError);
    const wechat = counter();
    expect((await get(wechat.refresh)).token).toBe('t1');
  });

  it('a token WeChat called invalid is refreshed on the next call; a newer one is kept', async () => {
    const wechat = counter();
    await get(wechat.refresh);
    await spendToken<Token>(store.platform, 'component_token', (v) => v.token === 'stale', now);
    expect((await get(wechat.refresh)).token).toBe('t1');
    await spendToken<Token>(store.platform, 'component_token', (v) => v.token === 't1', now);
    expect((await get(wechat.refresh)).token).toBe('t2');
  });

  it('a refresher that died is taken over once its lease runs out', async () => {
    const hung = () => new Promise<Token>(() => undefined);
    void get(hung);
    await new Promise((resolve) => setTimeout(resolve, 30));
    now = new Date(now.getTime() + 31_000);
    const wechat = counter();
    expect((await get(wechat.refresh)).token).toBe('t1');
  });
});
