/**
 * Package size (issue 9): the main package and each subpackage as DevTools would upload them,
 * against WeChat's limits (2 MB per package, 20 MB in all), and how much of the Vant library that
 * `npm run build` packs is actually reachable from our pages.
 *
 * Measures miniprogram/ as it is, including miniprogram_npm as the last build left it; a build
 * older than core's sources is reported, because @beian/core is counted from its build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM } from '../../scripts/build-steps';
import { exact, progress, type Figure } from '../figures';
import { PackageGraph, type FileKind, type PackageFile } from './graph';

const MB = 1024 * 1024;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 20 * MB;
const VANT = 'miniprogram_npm/@vant/weapp';
const CORE = 'miniprogram_npm/@beian/core';

function sum(files: Iterable<PackageFile>, pick: (f: PackageFile) => number = (f) => f.bytes): number {
  let total = 0;
  for (const file of files) total += pick(file);
  return total;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function newestMtime(dir: string): number {
  return Math.max(0, ...filesUnder(dir).map((file) => statSync(file).mtimeMs));
}

/** What a package is made of: by kind, and ours vs each npm package. */
function breakdown(files: readonly PackageFile[]): string {
  const kinds: FileKind[] = ['js', 'wxml', 'wxss', 'json', 'wxs', 'asset'];
  const byKind = kinds
    .map((kind) => [kind, sum(files.filter((f) => f.kind === kind))] as const)
    .filter(([, bytes]) => bytes > 0)
    .map(([kind, bytes]) => `${kind.toUpperCase()} ${kb(bytes)}`)
    .join(', ');
  const vant = sum(files.filter((f) => f.path.startsWith(`${VANT}/`)));
  const core = sum(files.filter((f) => f.path.startsWith(`${CORE}/`)));
  const ours = sum(files) - vant - core;
  return `${files.length} files — ${byKind}; ours ${kb(ours)}, Vant ${kb(vant)}, @beian/core ${kb(core)}`;
}

/** `van-popup` for a Vant file, `@beian/core` for core's, the folder for ours. */
function groupOf(path: string): string {
  if (path.startsWith(`${VANT}/`)) return `van-${path.slice(VANT.length + 1).split('/')[0] ?? ''}`;
  if (path.startsWith(`${CORE}/`)) return '@beian/core';
  return path.split('/').slice(0, -1).join('/') || path;
}

function vantOf(path: string): string | null {
  const match = new RegExp(`^${VANT}/([^/]+)/index\\.json$`).exec(path);
  return match?.[1] ?? null;
}

/** Vant components our own JSON files name (not those Vant's components pull in themselves). */
function vantUsedDirectly(root: string, files: Iterable<PackageFile>): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    if (file.kind !== 'json' || file.path.startsWith('miniprogram_npm/')) continue;
    const json = JSON.parse(readFileSync(join(root, file.path), 'utf8')) as {
      usingComponents?: Record<string, string>;
    };
    for (const value of Object.values(json.usingComponents ?? {})) {
      const match = /^@vant\/weapp\/([^/]+)/.exec(value);
      if (match?.[1]) used.add(match[1]);
    }
  }
  return used;
}

export function measurePackage(root: string = MINIPROGRAM): Figure[] {
  if (!existsSync(join(root, VANT))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build` before `npm run bench`.');
  }
  const stale = newestMtime(join(root, '..', 'core', 'src')) > newestMtime(join(root, CORE));
  if (stale) progress('package: miniprogram_npm/@beian/core is older than core/src — run `npm run build`');

  const app = PackageGraph.appJson(root);
  const subpackages = app.subPackages ?? app.subpackages ?? [];
  const main = new PackageGraph(root);
  main.addApp();
  for (const page of app.pages ?? []) main.addComponent(page);
  const subs = subpackages.map((sub) => {
    const graph = new PackageGraph(root);
    for (const page of sub.pages) graph.addComponent(`${sub.root}/${page}`);
    return { root: sub.root.replace(/\/$/, ''), graph };
  });

  const all = new Map(main.files);
  for (const { graph } of subs) for (const [path, file] of graph.files) all.set(path, file);
  const inSub = (path: string) => subs.find((sub) => path.startsWith(`${sub.root}/`))?.root ?? null;
  const mainFiles = [...all.values()].filter((file) => inSub(file.path) === null);
  // Files that live in the main package although only a subpackage reaches them.
  const onlyForSubs = mainFiles.filter((file) => !main.files.has(file.path));
  const problems = [main, ...subs.map((s) => s.graph)].flatMap((g) => g.problems);
  for (const problem of new Set(problems)) progress(`package: ${problem}`);

  const staleNote = stale ? ' — miniprogram_npm older than core/src: rebuild' : '';
  const jsOf = (f: PackageFile) => (f.kind === 'js' ? f.bytes : 0);
  const minifiedJsOf = (f: PackageFile) => (f.kind === 'js' ? f.minifiedBytes : 0);
  const coreFiles = mainFiles.filter((f) => f.path.startsWith(`${CORE}/`));
  const figures: Figure[] = [
    limited(
      {
        id: 'package.main',
        label: 'main package (JS as compiled from .ts)',
        note: breakdown(mainFiles) + staleNote,
      },
      sum(mainFiles),
      PACKAGE_LIMIT,
    ),
    exact(
      {
        area: 'package',
        id: 'package.main.minified',
        label: 'main package with JS minified (project.config.json `minified: true`)',
        unit: 'B',
        note: `JS ${kb(sum(mainFiles, jsOf))} → ${kb(sum(mainFiles, minifiedJsOf))}`,
      },
      sum(mainFiles, (f) => f.minifiedBytes),
    ),
    exact(
      {
        area: 'package',
        id: 'package.main.core',
        label: 'of the main package: @beian/core (all of it: index.js re-exports every module)',
        unit: 'B',
        note: `${coreFiles.length} modules; largest ${largest(coreFiles, CORE)}`,
      },
      sum(coreFiles),
    ),
    exact(
      {
        area: 'package',
        id: 'package.main.onlyForSubpackages',
        label: 'of the main package: files only subpackages use',
        unit: 'B',
        note:
          onlyForSubs.length === 0
            ? 'none'
            : `${onlyForSubs.length} files: ${[...new Set(onlyForSubs.map((f) => groupOf(f.path)))].join(', ')}`,
      },
      sum(onlyForSubs),
    ),
  ];
  for (const sub of subs) {
    const files = [...all.values()].filter((file) => inSub(file.path) === sub.root);
    const note = `${breakdown(files)}; minified ${kb(sum(files, (f) => f.minifiedBytes))}`;
    figures.push(
      limited(
        { id: `package.sub.${sub.root}`, label: `subpackage \`${sub.root}\``, note },
        sum(files),
        PACKAGE_LIMIT,
      ),
    );
  }
  figures.push(
    limited(
      { id: 'package.total', label: 'all packages', note: `${all.size} files` },
      sum(all.values()),
      TOTAL_LIMIT,
    ),
    ...vantFigures(root, all),
  );
  return figures;
}

/** A byte count with WeChat's limit as its target. */
function limited(input: { id: string; label: string; note: string }, bytes: number, limit: number): Figure {
  const target = `≤ ${limit / MB} MB`;
  return { ...exact({ ...input, area: 'package', unit: 'B', target }, bytes), ok: bytes <= limit };
}

/** The three largest files of a group, by path inside `prefix`. */
function largest(files: readonly PackageFile[], prefix: string): string {
  return [...files]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((f) => `${f.path.slice(prefix.length + 1)} ${kb(f.bytes)}`)
    .join(', ');
}

function vantFigures(root: string, all: Map<string, PackageFile>): Figure[] {
  const shipped = readdirSync(join(root, VANT), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, VANT, entry.name, 'index.json')))
    .map((entry) => entry.name);
  const reachable = [...all.keys()].map(vantOf).filter((name): name is string => name !== null);
  const direct = vantUsedDirectly(root, all.values());
  const builtBytes = filesUnder(join(root, VANT)).reduce((total, file) => total + statSync(file).size, 0);
  const reachableBytes = sum([...all.values()].filter((f) => f.path.startsWith(`${VANT}/`)));
  const names = (set: Iterable<string>) => [...set].sort().join(', ');
  return [
    exact(
      {
        area: 'package',
        id: 'package.vant.used',
        label: 'Vant components our pages use',
        unit: 'count',
        note: names(direct),
      },
      direct.size,
    ),
    exact(
      {
        area: 'package',
        id: 'package.vant.reachable',
        label: 'Vant components uploaded (used + what they use)',
        unit: 'count',
        note: `${kb(reachableBytes)} of Vant uploaded; adds ${names(reachable.filter((name) => !direct.has(name)))}`,
      },
      reachable.length,
    ),
    exact(
      {
        area: 'package',
        id: 'package.vant.shipped',
        label: 'Vant components shipped by build npm (miniprogram_npm)',
        unit: 'count',
        note: `${kb(builtBytes)} on disk; unused ones are left out of the upload (ignoreUploadUnusedFiles)`,
      },
      shipped.length,
    ),
  ];
}
