/**
 * Package size: the main package and each subpackage exactly as WeChat's compiler uploads them
 * (scripts/wechat/compile.ts: miniprogram-ci with the committed project.config.json, so
 * `minified`, `minifyWXML`, `minifyWXSS` and `ignoreUploadUnusedFiles` all apply), against
 * WeChat's limits and the main-package target (docs/benchmarks.md).
 *
 * Measures miniprogram/ as the last build left it; a core build older than core's sources is
 * reported, because @beian/core is counted from its build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM } from '../../scripts/build-steps';
import { compileWithWeChat } from '../../scripts/wechat/compile';
import { packageSizes, qualityProblems, type CompiledFiles } from '../../scripts/wechat/inspect';
import { exact, progress, type Figure } from '../figures';

const KB = 1024;
const MB = 1024 * KB;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 20 * MB;
/** The lighter-package target for the main package, as uploaded. */
const MAIN_TARGET = 400 * KB;

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    }),
  );
}

export async function measurePackage(root: string = MINIPROGRAM): Promise<Figure[]> {
  if (!existsSync(join(root, 'miniprogram_npm', '@vant', 'weapp'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build` before `npm run bench`.');
  }
  const stale =
    newestMtime(join(root, '..', 'core', 'src')) > newestMtime(join(root, '..', 'core', 'dist-mp'));
  if (stale) progress('package: core/dist-mp is older than core/src — run `npm run build`');

  const { files, quality } = await compileWithWeChat(join(root, '..'));
  for (const problem of qualityProblems(quality)) progress(`package: quality check ${problem}`);
  const sizes = packageSizes(files);
  const npm = Object.entries(sizes.mainNpm)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
  const figures: Figure[] = [
    limited(
      {
        id: 'package.main',
        label: 'main package as uploaded (WeChat compiler, project settings)',
        note: `${mainFileCount(files, Object.keys(sizes.subpackages))} files; of it ${npm}${stale ? ' — stale core build' : ''}`,
        target: `≤ ${MAIN_TARGET / KB} KB`,
      },
      sizes.main,
      MAIN_TARGET,
    ),
    exact(
      {
        area: 'package',
        id: 'package.main.core',
        label: 'of the main package: @beian/core (one client bundle)',
        unit: 'B',
      },
      sizes.mainNpm['@beian/core'] ?? 0,
    ),
    exact(
      { area: 'package', id: 'package.main.vant', label: 'of the main package: Vant', unit: 'B' },
      sizes.mainNpm['@vant/weapp'] ?? 0,
    ),
  ];
  for (const [sub, bytes] of Object.entries(sizes.subpackages)) {
    figures.push(
      limited(
        { id: `package.sub.${sub}`, label: `subpackage \`${sub}\` as uploaded`, note: '', target: '≤ 2 MB' },
        bytes,
        PACKAGE_LIMIT,
      ),
    );
  }
  const total = sizes.main + Object.values(sizes.subpackages).reduce((a, b) => a + b, 0);
  figures.push(
    limited(
      {
        id: 'package.total',
        label: 'all packages as uploaded',
        note: `${files.size} files`,
        target: '≤ 20 MB',
      },
      total,
      TOTAL_LIMIT,
    ),
    exact(
      {
        area: 'package',
        id: 'package.quality',
        label: "DevTools' code-quality checks failing",
        unit: 'count',
        note: qualityProblems(quality).join('; ') || 'all pass',
      },
      qualityProblems(quality).length,
    ),
  );
  return figures;
}

function mainFileCount(files: CompiledFiles, subpackages: string[]): number {
  return [...files.keys()].filter((path) => !subpackages.some((sub) => path.startsWith(`${sub}/`))).length;
}

/** A byte count with a limit as its target. */
function limited(
  input: { id: string; label: string; note: string; target: string },
  bytes: number,
  limit: number,
): Figure {
  return { ...exact({ ...input, area: 'package', unit: 'B' }, bytes), ok: bytes <= limit };
}
