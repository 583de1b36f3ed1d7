/**
 * The cold-start targets (docs/benchmarks.md): each bundle ≤ 350 KB, and its `require` ≤ 1.15× that
 * of wx-server-sdk alone. The ratio is taken inside one process: `require('wx-server-sdk')` timed,
 * then the bundle's `require` timed (the SDK is cached by then, so that is our code's own cost,
 * `cloud.init` included). Both halves see the same moment's load, which separate processes on a
 * shared 2-core machine do not; the ratio is (SDK + own) ÷ SDK per process, its median over runs.
 * It still moves with the SDK's own time: the same 40–56 ms of ours read 1.15–1.18× on a quiet
 * machine (SDK 280–300 ms) and 1.12–1.15× at load 5–8 (SDK 430–570 ms), so compare runs taken at
 * a similar load (docs/benchmarks.md, finding 11).
 */
import { spawnSync } from 'node:child_process';
import { DEFAULT_TEMPLATES, TEMPLATE_ROLES } from '@beian/core';
import { ROOT } from '../scripts/build-steps';
import { exact, figure, median, type Figure } from './figures';

/**
 * The figures before the lighter bundles (zod/mini, UTF-8, minified whitespace): the bundles of
 * b92f1f7, built with that commit's own build and measured this same way (paired, 9 runs,
 * interleaved with the new ones) on 2026-12-06 23:20 UTC: KB, and the median ratio.
 */
const BEFORE: Record<string, { kb: number; ratio: number }> = {
  admin: { kb: 705, ratio: 1.2 },
  filing: { kb: 723, ratio: 1.17 },
  scheduler: { kb: 692, ratio: 1.25 },
  wechat: { kb: 82, ratio: 1.09 },
};
const MAX_BUNDLE_KB = 350;
const MAX_RATIO = 1.15;

const PAIRED_CHILD = `
const t0 = process.hrtime.bigint();
require('wx-server-sdk');
const t1 = process.hrtime.bigint();
require(process.argv[1]);
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ sdk: Number(t1 - t0) / 1e6, own: Number(t2 - t1) / 1e6 }));
process.exit(0);
`;

export interface Paired {
  sdk: number;
  own: number;
}

/**
 * A configured deployment's environment: an operator key and real-looking template ids. Without
 * them each load would log its placeholder warnings, which a deployed function does not.
 */
const CONFIGURED: NodeJS.ProcessEnv = {
  BEIAN_OPERATOR_KEY: 'bench-operator-key',
  BEIAN_TEMPLATES: JSON.stringify(
    Object.fromEntries(
      TEMPLATE_ROLES.map((role) => [role, { ...DEFAULT_TEMPLATES[role], templateId: `bench-${role}` }]),
    ),
  ),
};

/**
 * A young generation big enough that no scavenge runs during a load: what is left of a bundle's
 * own time without the GC its allocations set off (docs/benchmarks.md, finding 13).
 */
export const NO_SCAVENGE = ['--max-semi-space-size=64'];

/** Runs `script` in a fresh `node` with `entry` as its argument, and reads the JSON it prints. */
export function runChild<T>(script: string, entry: string, nodeArgs: readonly string[] = []): T {
  const child = spawnSync(process.execPath, [...nodeArgs, '-e', script, entry], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...CONFIGURED },
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`require ${entry} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

export function loadPaired(entry: string, nodeArgs: readonly string[] = []): Paired {
  return runChild<Paired>(PAIRED_CHILD, entry, nodeArgs);
}

function ratioFigure(id: string, label: string, pairs: readonly Paired[], extra: Partial<Figure>): Figure {
  const ratios = pairs.map((p) => Math.round(((p.sdk + p.own) / p.sdk) * 1000) / 1000);
  const parts = `SDK ${median(pairs.map((p) => p.sdk)).toFixed(1)} ms + ours ${median(pairs.map((p) => p.own)).toFixed(1)} ms (medians), one process per run`;
  return figure(
    {
      area: 'cold start',
      id,
      label,
      unit: '×',
      ...extra,
      note: [parts, extra.note].filter(Boolean).join('; '),
    },
    ratios,
  );
}

/** The same ratio with no scavenge during either half (NO_SCAVENGE): for reading, no target. */
function noScavengeFigure(key: string, what: string, paired: ReadonlyMap<string, readonly Paired[]>): Figure {
  return ratioFigure(
    `cold.${key}.no-scavenge.ratio`,
    `${what} ÷ wx-server-sdk alone, no young-generation GC during the load`,
    paired.get(`${key}.no-scavenge`) ?? [],
    { note: NO_SCAVENGE.join(' ') },
  );
}

/**
 * The bundle's require against the floor instead of the bare SDK: what our code adds to a function
 * that already did the SDK's `cloud.init` (its median from the floor's own processes). For reading,
 * no target (docs/benchmarks.md, finding 13).
 */
function overFloorFigure(name: string, paired: ReadonlyMap<string, readonly Paired[]>): Figure {
  const init = median((paired.get('wx-server-sdk.init') ?? []).map((p) => p.own));
  const pairs = paired.get(name) ?? [];
  return figure(
    {
      area: 'cold start',
      id: `cold.${name}.over-floor.ratio`,
      label: `require \`${name}\` bundled ÷ wx-server-sdk + \`cloud.init\` (the floor)`,
      unit: '×',
      note: `the floor's cloud.init ${init.toFixed(1)} ms (median of its own runs)`,
    },
    pairs.map((p) => Math.round(((p.sdk + p.own) / (p.sdk + init)) * 1000) / 1000),
  );
}

/** Each bundle's size and its require against the SDK's, beside the old figures. */
export function targetFigures(
  paired: ReadonlyMap<string, readonly Paired[]>,
  sizes: ReadonlyMap<string, number>,
): Figure[] {
  const figures = [
    ratioFigure(
      'cold.wx-server-sdk.init.ratio',
      'require `wx-server-sdk` + `cloud.init` ÷ wx-server-sdk alone (the floor: no code of ours)',
      paired.get('wx-server-sdk.init') ?? [],
      {},
    ),
    noScavengeFigure('wx-server-sdk.init', 'require `wx-server-sdk` + `cloud.init` (the floor)', paired),
  ];
  for (const [name, bytes] of sizes) {
    const before = BEFORE[name];
    const ratio = ratioFigure(
      `cold.${name}.ratio`,
      `require \`${name}\` bundled ÷ wx-server-sdk alone`,
      paired.get(name) ?? [],
      { target: `≤ ${MAX_RATIO}×`, note: before ? `before: ${before.ratio}×` : 'new function' },
    );
    ratio.ok = ratio.median <= MAX_RATIO;
    figures.push(
      exact(
        {
          area: 'cold start',
          id: `cold.${name}.bytes`,
          label: `bundle \`${name}\` size`,
          unit: 'B',
          target: `≤ ${MAX_BUNDLE_KB} KB`,
          ok: bytes <= MAX_BUNDLE_KB * 1024,
          note: before ? `before: ${before.kb} KB` : 'new function',
        },
        bytes,
      ),
      ratio,
      noScavengeFigure(name, `require \`${name}\` bundled`, paired),
      overFloorFigure(name, paired),
    );
  }
  return figures;
}
