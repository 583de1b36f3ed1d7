/**
 * Reads WeChat's compiled output (see compile.ts) the way the phone's runtime will: every
 * `require` must land on a file that was uploaded, every page and component must be there, and
 * the package sizes are those of what was uploaded. Pure functions over the file map.
 */
import { posix } from 'node:path';

export type CompiledFiles = ReadonlyMap<string, Buffer>;

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  usingComponents?: Record<string, string>;
}

const REQUIRE = /\brequire\(\s*(["'])([^"'\n]+)\1\s*\)/g;

export function appJson(files: CompiledFiles): AppJson {
  const json = files.get('app.json');
  if (!json) throw new Error('the compiled output has no app.json');
  return JSON.parse(json.toString('utf8')) as AppJson;
}

export function subpackageRoots(files: CompiledFiles): string[] {
  const app = appJson(files);
  return (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
}

/** `file: require('x') → nothing uploaded` for every require the runtime could not satisfy. */
export function unresolvedRequires(files: CompiledFiles): string[] {
  const problems: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.js')) continue;
    for (const match of content.toString('utf8').matchAll(REQUIRE)) {
      const spec = match[2] ?? '';
      if (!resolveRequire(files, path, spec)) problems.push(`${path}: require('${spec}')`);
    }
  }
  return problems;
}

/** What WeChat's runtime loads for `require(spec)` in `from`, or null when nothing was uploaded. */
export function resolveRequire(files: CompiledFiles, from: string, spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(from), spec);
    // Only the file itself or the file with `.js`: the upload's dependency scan does not follow a
    // folder to its index.js, so a folder require is a missing module on the phone.
    return firstPresent(files, [base, `${base}.js`]);
  }
  return lookupNpm(files, posix.dirname(from), spec, ['.js', '/index.js']);
}

/** Pages of app.json and components of every `usingComponents` that were not uploaded whole. */
export function missingComponents(files: CompiledFiles): string[] {
  const problems: string[] = [];
  const app = appJson(files);
  const pages = [
    ...(app.pages ?? []),
    ...(app.subPackages ?? app.subpackages ?? []).flatMap((sub) =>
      sub.pages.map((page) => posix.join(sub.root, page)),
    ),
  ];
  for (const page of pages) {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!files.has(page + ext)) problems.push(`page ${page}: no ${page}${ext}`);
    }
  }
  for (const [path, content] of files) {
    if (!path.endsWith('.json')) continue;
    const json = JSON.parse(content.toString('utf8')) as { usingComponents?: Record<string, string> };
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      if (target.startsWith('plugin://')) continue;
      const component = resolveComponent(files, path, target);
      if (!component) problems.push(`${path}: <${tag}> → ${target} was not uploaded`);
    }
  }
  return problems;
}

function resolveComponent(files: CompiledFiles, jsonPath: string, target: string): string | null {
  const complete = (base: string): string | null =>
    ['.js', '.json', '.wxml'].every((ext) => files.has(base + ext)) ? base : null;
  if (target.startsWith('/')) return complete(target.slice(1));
  if (target.startsWith('.')) return complete(posix.join(posix.dirname(jsonPath), target));
  const relative = complete(posix.join(posix.dirname(jsonPath), target));
  if (relative) return relative;
  const found = lookupNpm(files, posix.dirname(jsonPath), target, ['.json']);
  return found ? complete(found.slice(0, -'.json'.length)) : null;
}

/** Node-style lookup of miniprogram_npm from `dir` up to the root, as WeChat resolves npm. */
function lookupNpm(files: CompiledFiles, dir: string, spec: string, suffixes: string[]): string | null {
  for (let current = dir; ; current = posix.dirname(current)) {
    const base = posix.join(current === '.' ? '' : current, 'miniprogram_npm', spec);
    const found = firstPresent(
      files,
      suffixes.map((suffix) => base + suffix),
    );
    if (found) return found;
    if (current === '.' || current === '' || current === '/') return null;
  }
}

function firstPresent(files: CompiledFiles, candidates: string[]): string | null {
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

export interface PackageSizes {
  /** Bytes of everything outside the subpackages: what the phone downloads first. */
  main: number;
  subpackages: Record<string, number>;
  /** Bytes of each npm package inside the main package. */
  mainNpm: Record<string, number>;
}

export function packageSizes(files: CompiledFiles): PackageSizes {
  const roots = subpackageRoots(files);
  const sizes: PackageSizes = { main: 0, subpackages: {}, mainNpm: {} };
  for (const root of roots) sizes.subpackages[root] = 0;
  for (const [path, content] of files) {
    const root = roots.find((r) => path.startsWith(`${r}/`));
    if (root) {
      sizes.subpackages[root] = (sizes.subpackages[root] ?? 0) + content.length;
      continue;
    }
    sizes.main += content.length;
    const npm = /^miniprogram_npm\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (npm?.[1]) sizes.mainNpm[npm[1]] = (sizes.mainNpm[npm[1]] ?? 0) + content.length;
  }
  return sizes;
}

interface QualityResult {
  name: string;
  success: boolean;
  detail?: unknown;
}

/**
 * The code-quality checks DevTools shows before an upload, as failures. A check that "passes" but
 * lists files (main-package components only a subpackage uses, say) counts as failing too.
 */
export function qualityProblems(quality: readonly QualityResult[]): string[] {
  return quality.flatMap((check) => {
    const listed = (check.detail as { files?: unknown[] } | undefined)?.files ?? [];
    if (!check.success) return [check.name];
    return Array.isArray(listed) && listed.length > 0 ? [`${check.name}: ${listed.join(', ')}`] : [];
  });
}
