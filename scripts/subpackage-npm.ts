/**
 * Moves npm components that only a subpackage uses out of the main package. 构建 npm packs every
 * dependency into the root miniprogram_npm, which belongs to the main package, so an admin-only
 * Vant component would be downloaded by every filer before the first page (DevTools' quality
 * check flags it). WeChat resolves a component's npm path from the nearest miniprogram_npm up the
 * folders, so a copy under `admin/miniprogram_npm` is found first and the root's copy is removed.
 *
 * A component is copied with everything it reaches inside its package (sub-components, scripts,
 * WXS, styles); shared files such as Vant's `common/` stay in the root for the main package too.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The npm components (`<package>/<component folder>`) each subpackage alone uses. */
export const SUBPACKAGE_ONLY: Record<string, { pkg: string; components: string[] }> = {
  admin: { pkg: '@vant/weapp', components: ['image', 'search'] },
};

const MODULE_FILES = ['.js', '.json', '.wxml', '.wxss', '.wxs'];
const REFERENCES = [
  /\brequire\(\s*["'](\.[^"']+)["']\s*\)/g,
  /<(?:wxs|import|include)[^>]*\bsrc=["'](\.[^"'{}]+)["']/g,
  /@import\s+["'](\.[^"']+)["']/g,
];

export function moveSubpackageNpm(miniprogramRoot: string): void {
  for (const [subRoot, { pkg, components }] of Object.entries(SUBPACKAGE_ONLY)) {
    const from = join(miniprogramRoot, 'miniprogram_npm', pkg);
    const to = join(miniprogramRoot, subRoot, 'miniprogram_npm', pkg);
    rmSync(join(miniprogramRoot, subRoot, 'miniprogram_npm'), { recursive: true, force: true });
    for (const file of reachableFiles(
      from,
      components.map((name) => `${name}/index`),
    )) {
      cpSync(join(from, file), join(to, file));
    }
    for (const name of components) rmSync(join(from, name), { recursive: true, force: true });
  }
}

/** Files (relative to the package) reachable from the given module bases, e.g. `image/index`. */
export function reachableFiles(packageRoot: string, entries: string[]): string[] {
  const files = new Set<string>();
  const pending = [...entries];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const base = pending.pop() ?? '';
    if (seen.has(base)) continue;
    seen.add(base);
    for (const ext of MODULE_FILES) {
      const file = base.endsWith(ext) ? base : base + ext;
      if (!existsSync(join(packageRoot, file))) continue;
      files.add(file);
      const text = readFileSync(join(packageRoot, file), 'utf8');
      for (const reference of referencesIn(file, text))
        pending.push(posix.join(posix.dirname(file), reference));
    }
  }
  return [...files].sort();
}

function referencesIn(file: string, text: string): string[] {
  if (file.endsWith('.json')) {
    const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
    return Object.values(json.usingComponents ?? {}).filter((path) => path.startsWith('.'));
  }
  return REFERENCES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}
