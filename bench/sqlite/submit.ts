/**
 * `filing.submit` as the data grows: the real action map on a seeded sqlite database of 1,000 and
 * of 100,000 applications. A submit validates the form and looks up the filed and open
 * applications that share its subject, a principal's mobile or its AppID (server/app/cross-record.ts),
 * one index each, then commits with the keys' revisions. The subject has RELATED filed
 * mini-programs at every size, so the lookup finds the same few; each timed submit is withdrawn
 * (untimed) before the next, so every sample meets the same quota.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApplication, type Application } from '@beian/core';
import type { ServerDeps } from '../../server/deps';
import { functions } from '../../server/functions';
import { openSqliteStore } from '../../server/sqlite';
import { figure, progress, timeRuns, type Figure } from '../figures';
import { personalForm } from '../fixtures';
import { depsOn } from './measure';
import { NOW, RELATED, seed } from './seed';

const SUBMITTER = 'o-bench-submitter';
const WARM_UP = 5;

export interface SubmitResult {
  size: number;
  samples: number[];
}

/** A draft as `draft.create` makes it, holding a complete form. */
function draftOf(n: number): Application {
  const started = startApplication({
    id: `bench-submit-${String(n).padStart(6, '0')}`,
    owner: SUBMITTER,
    kind: 'new',
    cancelScope: null,
    base: null,
    now: NOW,
  });
  if (!started.ok) throw new Error(started.error.message);
  const form = personalForm(SUBMITTER);
  // A fresh AppID each time: one open order per AppID is a rule, not what is measured.
  form.miniprogram.appid = `wxbe0c${String(n).padStart(12, '0')}`;
  return { ...started.application, form };
}

async function call(deps: ServerDeps, event: Record<string, unknown>): Promise<{ filing: Application }> {
  const answer = await functions.filing(event, { openid: SUBMITTER, source: 'wx_client' }, deps);
  if (!answer.ok) throw new Error(`filing ${String(event.action)}: ${answer.error.message}`);
  return answer.data as { filing: Application };
}

export async function measureSubmit(size: number, runs: number): Promise<SubmitResult> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-submit-'));
  const file = join(dir, 'beian.db');
  try {
    await seed(file, size);
    const store = openSqliteStore(file);
    const deps = depsOn(store);
    const drafts = Array.from({ length: runs + WARM_UP }, (_, n) => draftOf(n));
    for (const draft of drafts) await store.insertApplication(draft);
    const related = await store.relatedFilings(
      { subjectKey: `2:${draftOf(0).form.subject.principal.certificate.number}`, mobiles: [], appid: '' },
      100,
    );
    if (related.applications.length !== RELATED)
      throw new Error(`the subject holds ${related.applications.length} filings, not ${RELATED}`);
    let next = 0;
    const submitOne = async () => {
      const draft = drafts[next];
      next += 1;
      if (!draft) throw new Error('out of drafts');
      const params = { id: draft.id, version: draft.version };
      const samples = await timeRuns(1, () =>
        call(deps, { action: 'filing.submit', ...params, requestId: `bench-${draft.id}` }),
      );
      await call(deps, { action: 'filing.withdraw', id: draft.id, version: draft.version + 1 });
      return samples[0] ?? Number.NaN;
    };
    // Warm-up: the first runs compile the move code and fill sqlite's page cache.
    for (let i = 0; i < WARM_UP; i += 1) await submitOne();
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await submitOne());
    await store.close();
    progress(`submit: ${runs} submits at ${size.toLocaleString('en')}`);
    return { size, samples };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Below this, a difference is scheduling noise on a busy 2-core machine, not a missing index. */
const FLOOR_MS = 0.5;

export function submitFigures(small: SubmitResult, large: SubmitResult): Figure[] {
  const label = 'filing.submit — check, cross-record lookup, commit (subject with 3 filed)';
  const [a, b] = [small, large].map((result) =>
    figure(
      {
        area: 'sqlite',
        id: `submit.filing.submit.${result.size}`,
        label: `${label} @ ${result.size.toLocaleString('en')}`,
        unit: 'ms',
      },
      result.samples,
    ),
  );
  if (!a || !b) return [];
  const ratio = b.median / a.median;
  return [
    a,
    b,
    {
      ...figure(
        {
          area: 'sqlite',
          id: 'submit.filing.submit.ratio',
          label: `${label}: ${large.size.toLocaleString('en')} ÷ ${small.size.toLocaleString('en')}`,
          unit: '×',
          target: `< 2× (or < 2 × ${FLOOR_MS} ms)`,
          note: `medians ${a.median.toFixed(2)} → ${b.median.toFixed(2)} ms`,
        },
        [ratio],
      ),
      ok: b.median < 2 * Math.max(a.median, FLOOR_MS),
    },
  ];
}
