/**
 * Cold start of the cloud functions: how long a fresh instance takes to `require` its code (module
 * loading, `cloud.init`, building the deps) — bundled as `npm run build` ships it, versus the same
 * modules unbundled (each .ts compiled on its own, zod from node_modules). Every run is a fresh
 * `node` process; the figure is the time of the `require` inside it, so Node's own start-up is not
 * counted. wx-server-sdk is external in both (the cloud installs it), and is measured alone too.
 *
 * Both variants are written under dist/bench/ (never into dist/cloudfunctions, which the build
 * owns), with the build's own esbuild options, so the bundle is byte for byte what the build makes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, transformSync, type Metafile } from 'esbuild';
import { FUNCTIONS_OUT, functionBuildOptions, functionNames, ROOT } from '../scripts/build-steps';
import { loadPaired, NO_SCAVENGE, runChild, targetFigures, type Paired } from './cold-targets';
import { figure, progress, type Figure } from './figures';

const OUT = join(ROOT, 'dist', 'bench');

/** Runs inside the fresh process: the require and nothing else is timed. */
const CHILD = `
const started = process.hrtime.bigint();
require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, modules: Object.keys(require.cache).length }));
process.exit(0);
`;

interface Target {
  id: string;
  label: string;
  /** What the child requires: an absolute file, or a package name resolved from the repository. */
  entry: string;
  note: string;
}

interface Loaded {
  ms: number;
  modules: number;
}

function load(entry: string): Loaded {
  return runChild<Loaded>(CHILD, entry);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** The largest contributors to a bundle, by package (or `ours` for the repository's own code). */
function heaviest(meta: Metafile): string {
  const output = Object.values(meta.outputs)[0];
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/v4\/locales)?/.exec(input);
    const name = match ? `${match[1]}${match[2] ? ' locales' : ''}` : 'ours';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

/** Whether the bench's bundle is the one `npm run build` left in dist/cloudfunctions. */
function comparedWithBuild(name: string, bundleFile: string): string {
  const shipped = join(FUNCTIONS_OUT, name, 'index.js');
  if (!existsSync(shipped))
    return 'built with the build’s esbuild options (dist/cloudfunctions not built yet)';
  return readFileSync(shipped).equals(readFileSync(bundleFile))
    ? 'byte-identical to dist/cloudfunctions'
    : 'differs from dist/cloudfunctions, which is older than the sources';
}

/**
 * Bundles `name` as the build does, and writes the same modules unbundled: every repository module
 * the bundle holds, compiled alone, plus a stand-in @beian/core package pointing at core's sources.
 */
async function prepare(name: string): Promise<{ bundled: Target; unbundled: Target; bytes: number }> {
  const bundleFile = join(OUT, 'bundled', name, 'index.js');
  const result = await build({ ...functionBuildOptions(name), outfile: bundleFile, metafile: true });
  const bytes = readFileSync(bundleFile).length;
  const tree = join(OUT, 'unbundled');
  let modules = 0;
  for (const input of Object.keys(result.metafile.inputs)) {
    // Dependencies load from node_modules; `namespace:path` inputs are the build's plugin stand-ins.
    if (input.includes('node_modules/') || input.includes(':')) continue;
    const source = join(ROOT, input);
    const target = join(tree, input.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    if (input.endsWith('.ts')) {
      const code = readFileSync(source, 'utf8');
      const js = transformSync(code, { loader: 'ts', format: 'cjs', platform: 'node', target: 'node18' });
      writeFileSync(target, js.code);
    } else {
      copyFileSync(source, target);
    }
    modules += 1;
  }
  const shim = join(tree, 'node_modules', '@beian', 'core', 'index.js');
  mkdirSync(dirname(shim), { recursive: true });
  const coreIndex = relative(dirname(shim), join(tree, 'core', 'src', 'index.js'));
  writeFileSync(shim, `module.exports = require(${JSON.stringify(coreIndex)});\n`);

  return {
    bytes,
    bundled: {
      id: `cold.${name}.bundled`,
      label: `require \`${name}\` — bundled (${kb(bytes)})`,
      entry: bundleFile,
      note: `${comparedWithBuild(name, bundleFile)}; biggest parts: ${heaviest(result.metafile)}`,
    },
    unbundled: {
      id: `cold.${name}.unbundled`,
      label: `require \`${name}\` — unbundled (${modules} own modules + node_modules)`,
      entry: join(tree, 'cloudfunctions', name, 'index.js'),
      note: 'each .ts compiled alone (esbuild transform), zod and the SDK from node_modules',
    },
  };
}

export async function measureColdStart(runs: number): Promise<Figure[]> {
  for (const tree of ['bundled', 'unbundled']) rmSync(join(OUT, tree), { recursive: true, force: true });
  const targets: Target[] = [
    {
      id: 'cold.wx-server-sdk',
      label: 'require `wx-server-sdk` alone (part of every figure below)',
      entry: 'wx-server-sdk',
      note: 'the SDK the cloud installs next to each function',
    },
  ];
  // What any function pays before its own code: the SDK and its `cloud.init` (the floor of a ratio).
  const sdkInit = join(OUT, 'sdk-init.js');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    sdkInit,
    "const cloud = require('wx-server-sdk');\ncloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });\n",
  );
  targets.push({
    id: 'cold.wx-server-sdk.init',
    label: 'require `wx-server-sdk` + `cloud.init` (what every function runs before its own code)',
    entry: sdkInit,
    note: 'the floor of the ratios below: no code of ours',
  });
  const sizes = new Map<string, number>();
  for (const name of functionNames()) {
    const { bundled, unbundled, bytes } = await prepare(name);
    targets.push(bundled, unbundled);
    sizes.set(name, bytes);
  }
  const samples = new Map<string, Loaded[]>(targets.map((t) => [t.id, []]));
  // Round-robin, so a burst of load from another process hits every variant alike. Round 0 only
  // warms the file cache (a deployed instance reads its code from a warm disk too).
  const pairedEntries = new Map([['wx-server-sdk.init', sdkInit]]);
  for (const name of sizes.keys()) pairedEntries.set(name, join(OUT, 'bundled', name, 'index.js'));
  const paired = new Map<string, Paired[]>(
    [...pairedEntries.keys()].flatMap((name) => [name, `${name}.no-scavenge`]).map((key) => [key, []]),
  );
  for (let round = 0; round <= runs; round += 1) {
    progress(`cold start: round ${round}/${runs}${round === 0 ? ' (warm-up, not counted)' : ''}`);
    for (const target of targets) {
      const loaded = load(target.entry);
      if (round > 0) samples.get(target.id)?.push(loaded);
    }
    for (const [name, entry] of pairedEntries) {
      const pair = loadPaired(entry);
      const withoutScavenge = loadPaired(entry, NO_SCAVENGE);
      if (round === 0) continue;
      paired.get(name)?.push(pair);
      paired.get(`${name}.no-scavenge`)?.push(withoutScavenge);
    }
  }
  const timings = targets.map((target) => {
    const loaded = samples.get(target.id) ?? [];
    const modules = loaded[0]?.modules ?? 0;
    return figure(
      {
        area: 'cold start',
        id: target.id,
        label: target.label,
        unit: 'ms',
        note: `${target.note}; ${modules} modules in require.cache; a fresh process per run`,
      },
      loaded.map((l) => l.ms),
    );
  });
  return [...timings, ...targetFigures(paired, sizes)];
}
