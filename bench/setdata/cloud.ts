/**
 * `wx.cloud` answered in the bench process by the real back end: the action maps on the sqlite
 * store (a fresh database file per scenario run), with the caller's OPENID as the platform would
 * give it. Events and answers go through JSON, as they do on the wire, so a page never shares an
 * object with the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@beian/core';
import type { ServerDeps } from '../../server/deps';
import { functions } from '../../server/functions';
import { openSqliteStore } from '../../server/sqlite';
import { benchDeps } from '../deps';

export type FunctionName = keyof typeof functions;

export interface BenchCloud {
  /** Calls a function as `openid` (null: the timer/console) and answers its data, or throws. */
  call<T>(fn: FunctionName, openid: string | null, event: Record<string, unknown>): Promise<T>;
  /** Makes `wx.cloud` call this back end as `openid` (the filer holding the phone). */
  install(wx: Record<string, unknown>, openid: string): void;
  readonly deps: ServerDeps;
  close(): Promise<void>;
}

function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function benchCloud(now: () => Date = () => new Date()): BenchCloud {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-pages-'));
  const store = openSqliteStore(join(dir, 'beian.db'));
  const deps: ServerDeps = benchDeps(store, {
    clock: { now },
    // Storage is not what the pages' bench measures: every file is its filer's own.
    files: {
      content: async () => null,
      temporaryUrls: async (ids) => Object.fromEntries(ids.map((id) => [id, `https://tmp.bench/${id}`])),
      verify: async (_openid, ids) => Object.fromEntries(ids.map((id) => [id, 'own' as const])),
      register: async () => 'own',
      setup: async () => [],
    },
    logger: { info: () => undefined, error: (line) => console.error(line) },
  });
  const invoke = (fn: FunctionName, openid: string | null, event: unknown): Promise<Envelope<unknown>> =>
    functions[fn](wire(event), { openid, source: openid ? 'wx_client' : 'wx_trigger' }, deps);

  return {
    deps,
    async call<T>(fn: FunctionName, openid: string | null, event: Record<string, unknown>): Promise<T> {
      const answer = await invoke(fn, openid, event);
      if (!answer.ok) throw new Error(`${fn} ${String(event.action)}: ${answer.error.message}`);
      return answer.data as T;
    },
    install(wx, openid) {
      wx.cloud = {
        init: () => undefined,
        callFunction: async ({ name, data }: { name: FunctionName; data: Record<string, unknown> }) => ({
          errMsg: 'cloud.callFunction:ok',
          result: wire(await invoke(name, openid, data)),
        }),
      };
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
