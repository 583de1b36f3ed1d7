/**
 * The back end on sqlite as the data grows (issue 5, "Speed"): the real action maps
 * (`functions.filing` / `functions.admin` / `functions.scheduler`: parsing, authorization, store,
 * views) on a database of 1,000 and of 100,000 applications. With the indexes doing their work, a
 * page or a sweep at 100,000 stays under twice its time at 1,000.
 *
 * The database is measured as the store leaves it in the field: no ANALYZE (the store never runs
 * one), WAL, the store's own pragmas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Invocation } from '../../server/action-map';
import type { ServerDeps } from '../../server/deps';
import { functions } from '../../server/functions';
import { openSqliteStore } from '../../server/sqlite';
import { benchDeps } from '../deps';
import { figure, progress, timeRuns, type Figure } from '../figures';
import { COMMON_WORD, DUE, HEAVY_COUNT, HEAVY_FILER, NOW, rearmer, SEARCH_TARGET, seed } from './seed';

export const QUERIES = {
  'filing.list': `filing.list — first page of a filer with ${HEAVY_COUNT} applications`,
  'filing.list.next': 'filing.list — next page (cursor)',
  'queue.list': 'queue.list — first page, all submitted',
  'queue.list.state': 'queue.list — first page of one state (authority_review)',
  'queue.list.next': 'queue.list — next page (cursor)',
  'queue.list.search': 'queue.list — search matching one application',
  'queue.list.common': `queue.list — search for a common word (${COMMON_WORD})`,
  sweep: `scheduler tick — ${DUE} closed SMS windows timed out`,
} as const;

export type QueryId = keyof typeof QUERIES;

export interface SizeResult {
  size: number;
  seedMs: number;
  samples: Record<QueryId, number[]>;
}

export interface Repetitions {
  page: number;
  search: number;
  sweep: number;
}

const ADMIN = 'o-bench-admin';

export function depsOn(store: ServerDeps['store']): ServerDeps {
  return benchDeps(store, {
    clock: { now: () => NOW },
    // The store is measured, not storage: every file is its filer's own.
    files: {
      content: async () => null,
      temporaryUrls: async () => ({}),
      verify: async (_openid, ids) => Object.fromEntries(ids.map((id) => [id, 'own' as const])),
      register: async () => 'own',
      setup: async () => [],
    },
    logger: { info: () => undefined, error: (line) => console.error(line) },
  });
}

type Page = { items: unknown[]; nextCursor: string | null };

async function answer(
  fn: 'filing' | 'admin',
  openid: string,
  event: Record<string, unknown>,
  deps: ServerDeps,
): Promise<Page> {
  const invocation: Invocation = { openid, source: 'wx_client' };
  const result = await functions[fn](event, invocation, deps);
  if (!result.ok) throw new Error(`${fn} ${String(event.action)}: ${result.error.message}`);
  return result.data as Page;
}

/** A query must answer what the seed put there, or its time means nothing. */
function expectItems(page: Page, count: number, what: string): Page {
  if (page.items.length !== count) throw new Error(`${what}: ${page.items.length} items, expected ${count}`);
  return page;
}

export async function measureSize(size: number, reps: Repetitions): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-'));
  const file = join(dir, 'beian.db');
  try {
    const seedMs = await seed(file, size);
    progress(`sqlite: seeded ${size.toLocaleString('en')} applications in ${(seedMs / 1000).toFixed(1)} s`);
    const store = openSqliteStore(file);
    const deps = depsOn(store);
    await store.putAdmin({ openid: ADMIN, name: '审核员', addedAt: NOW.toISOString() });
    const filer = (event: Record<string, unknown>) => answer('filing', HEAVY_FILER, event, deps);
    const admin = (event: Record<string, unknown>) => answer('admin', ADMIN, event, deps);

    const list = expectItems(await filer({ action: 'filing.list', limit: 20 }), 20, 'filing.list');
    const queue = expectItems(await admin({ action: 'queue.list', limit: 20 }), 20, 'queue.list');
    const search = { action: 'queue.list', query: SEARCH_TARGET.miniprogramName, limit: 20 };
    expectItems(await admin(search), 1, 'queue.list search');
    const samples: Record<QueryId, number[]> = {
      'filing.list': await timeRuns(reps.page, () => filer({ action: 'filing.list', limit: 20 })),
      'filing.list.next': await timeRuns(reps.page, () =>
        filer({ action: 'filing.list', limit: 20, cursor: list.nextCursor }),
      ),
      'queue.list': await timeRuns(reps.page, () => admin({ action: 'queue.list', limit: 20 })),
      'queue.list.state': await timeRuns(reps.page, () =>
        admin({ action: 'queue.list', state: 'authority_review', limit: 20 }),
      ),
      'queue.list.next': await timeRuns(reps.page, () =>
        admin({ action: 'queue.list', limit: 20, cursor: queue.nextCursor }),
      ),
      'queue.list.search': await timeRuns(reps.search, () => admin(search)),
      'queue.list.common': await timeRuns(reps.page, () =>
        admin({ action: 'queue.list', query: COMMON_WORD, limit: 20 }),
      ),
      sweep: await sweeps(file, size, deps, reps.sweep),
    };
    await store.close();
    return { size, seedMs, samples };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each sweep finds the same DUE closed windows (re-armed, untimed, between sweeps). Sweep 0 is a
 * warm-up (the move code's first run), not counted.
 */
async function sweeps(file: string, size: number, deps: ServerDeps, times: number): Promise<number[]> {
  const windows = rearmer(file, size);
  const samples: number[] = [];
  try {
    for (let i = 0; i <= times; i += 1) {
      if (i > 0) windows.rearm();
      const [ms] = await timeRuns(1, async () => {
        const timer = { Type: 'Timer', TriggerName: 'everyMinute' };
        const tick = await functions.scheduler(timer, { openid: null, source: 'wx_trigger' }, deps);
        const timedOut = tick.ok ? (tick.data as { timedOut: number }).timedOut : -1;
        if (timedOut !== DUE) throw new Error(`a sweep timed out ${timedOut} applications, not ${DUE}`);
      });
      if (i > 0) samples.push(ms ?? Number.NaN);
    }
  } finally {
    windows.close();
  }
  return samples;
}

/** Below this, a difference is scheduling noise on a busy 2-core machine, not a missing index. */
const FLOOR_MS = 0.5;

export function sqliteFigures(small: SizeResult, large: SizeResult): Figure[] {
  const figures: Figure[] = [];
  const sizes = [small, large];
  for (const result of sizes) {
    figures.push(
      figure(
        {
          area: 'sqlite',
          id: `sqlite.seed.${result.size}`,
          label: `generate ${result.size.toLocaleString('en')} applications (one transaction)`,
          unit: 'ms',
          note: 'prepared INSERT into the store’s own tables, row from the store’s applicationRow',
        },
        [result.seedMs],
      ),
    );
  }
  for (const id of Object.keys(QUERIES) as QueryId[]) {
    for (const result of sizes) {
      figures.push(
        figure(
          {
            area: 'sqlite',
            id: `sqlite.${id}.${result.size}`,
            label: `${QUERIES[id]} @ ${result.size.toLocaleString('en')}`,
            unit: 'ms',
          },
          result.samples[id],
        ),
      );
    }
    const a = figures[figures.length - 2];
    const b = figures[figures.length - 1];
    if (!a || !b) continue;
    const ratio = b.median / a.median;
    figures.push({
      ...figure(
        {
          area: 'sqlite',
          id: `sqlite.${id}.ratio`,
          label: `${QUERIES[id]}: ${large.size.toLocaleString('en')} ÷ ${small.size.toLocaleString('en')}`,
          unit: '×',
          target: `< 2× (or < 2 × ${FLOOR_MS} ms)`,
          note: `medians ${a.median.toFixed(2)} → ${b.median.toFixed(2)} ms`,
        },
        [ratio],
      ),
      ok: b.median < 2 * Math.max(a.median, FLOOR_MS),
    });
  }
  return figures;
}
