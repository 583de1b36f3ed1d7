/**
 * Compiles the mini-program folder into what the browser runtime loads — the same files DevTools
 * would load: each .ts stripped of its types on its own (esbuild transform to CommonJS, as the
 * DevTools TypeScript plugin does), every .wxml/.wxs through the official wcc, every .wxss scoped
 * and converted (./wxss.ts), and miniprogram_npm as `npm run build` left it. Nothing is bundled and
 * no page is rewritten; modules stay separate and are resolved by the runtime.
 *
 * Rebuilt only when a file under the folder changed (a listing of paths, sizes and mtimes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { transformSync } from 'esbuild';
import type { AppConfig, ComponentEntry, PreviewPackage, WindowConfig } from './browser/protocol';
import { rewriteIconFont } from './icon-font';
import { wxssToCss } from './wxss';

interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

interface ComponentJson {
  usingComponents?: Record<string, string>;
}

const SOURCE_EXTENSIONS = ['.ts', '.js', '.json', '.wxml', '.wxss', '.wxs'];

export class AppPackager {
  private cached: PreviewPackage | null = null;
  private cachedSignature = '';
  private readonly transformed = new Map<string, { stamp: string; code: string }>();

  constructor(private readonly root: string) {}

  /** The package for the current state of the folder. */
  get(): PreviewPackage {
    const files = listFiles(this.root);
    const signature = signatureOf(files);
    if (this.cached && signature === this.cachedSignature) return this.cached;
    this.cached = this.build(files, signature);
    this.cachedSignature = signature;
    return this.cached;
  }

  private build(files: FileStamp[], version: string): PreviewPackage {
    if (!existsSync(join(this.root, 'miniprogram_npm'))) {
      throw new Error('miniprogram/miniprogram_npm 不存在：先运行 npm run build（构建 npm）。');
    }
    const app = JSON.parse(this.read('app.json')) as AppConfig;
    const pages = pageRoutes(app);
    const problems: string[] = [];
    const components = new ComponentGraph(this.root, app, problems).build(pages);
    return {
      version,
      app,
      pages,
      wxml: compileWxml(this.root),
      modules: this.modules(files),
      components,
      problems,
    };
  }

  /** Every script as CommonJS, keyed `path/to/file.js`; a .ts wins over a .js of the same name. */
  private modules(files: FileStamp[]): Record<string, string> {
    const modules: Record<string, string> = {};
    const scripts = files.filter((file) => /\.(ts|js)$/.test(file.path) && !file.path.endsWith('.d.ts'));
    for (const file of scripts.filter((f) => f.path.endsWith('.js'))) {
      modules[file.path] = this.read(file.path);
    }
    for (const file of scripts.filter((f) => f.path.endsWith('.ts'))) {
      modules[file.path.replace(/\.ts$/, '.js')] = this.typeStripped(file);
    }
    return modules;
  }

  private typeStripped(file: FileStamp): string {
    const stamp = `${file.size}:${file.mtimeMs}`;
    const hit = this.transformed.get(file.path);
    if (hit?.stamp === stamp) return hit.code;
    const { code } = transformSync(this.read(file.path), {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcefile: `miniprogram/${file.path}`,
      sourcemap: 'inline',
      // The mini-program's tsconfig only matters to the type checker; DevTools ignores its paths.
      tsconfigRaw: { compilerOptions: {} },
    });
    this.transformed.set(file.path, { stamp, code });
    return code;
  }

  private read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }
}

/** The pages of app.json and of every subpackage, as routes. */
export function pageRoutes(app: AppConfig): string[] {
  const packages = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...packages.flatMap((sub) => sub.pages.map((page) => posix.join(sub.root, page)))];
}

/** Node's own require (the mini-program typings declare a different global `require`). */
const nodeRequire = createRequire(__filename);

/** The official WXML compiler (wcc) wrapper that miniprogram-simulate installs; it has no types. */
interface WxmlCompiler {
  /** Compiles every .wxml/.wxs under `root`; the result is a function body returning `$gwx`. */
  wxmlToJs(root: string, options?: { maxBuffer?: number }): string;
}

function compileWxml(root: string): string {
  // wcc reads each page's json through require(), whose cache would pin the first version seen.
  for (const key of Object.keys(nodeRequire.cache)) {
    if (key.startsWith(root) && key.endsWith('.json')) Reflect.deleteProperty(nodeRequire.cache, key);
  }
  // Loaded lazily: only the preview needs it, and it spawns the wcc binary.
  const compiler = nodeRequire('miniprogram-compiler') as WxmlCompiler;
  return compiler.wxmlToJs(root, { maxBuffer: 64 * 1024 * 1024 });
}

/** Walks usingComponents from every page, resolving paths the way the mini-program compiler does. */
class ComponentGraph {
  private readonly entries: Record<string, ComponentEntry> = {};
  private readonly tags = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly app: AppConfig,
    private readonly problems: string[],
  ) {}

  build(pages: string[]): Record<string, ComponentEntry> {
    for (const page of pages) this.visit(page, true);
    return this.entries;
  }

  private visit(path: string, isPage: boolean): void {
    if (this.entries[path]) return;
    const json = this.json(path);
    if (!json) {
      this.problems.push(`${path}.json 不存在或不是合法的 JSON。`);
      return;
    }
    const tag = this.tagFor(path);
    const entry: ComponentEntry = { tag, using: {}, css: '' };
    this.entries[path] = entry;
    // app.json's usingComponents are global: every page and component may use them.
    const declared = { ...this.app.usingComponents, ...json.usingComponents };
    for (const [name, value] of Object.entries(declared)) {
      const target = this.resolve(path, value);
      if (!target) {
        this.problems.push(`${path}.json: 找不到组件 ${name} → ${value}`);
        continue;
      }
      entry.using[name] = target;
      this.visit(target, false);
    }
    const scope = { prefix: tag, host: tag, page: `.mp-page--${tag}` };
    const own = wxssToCss(this.wxss(`${path}.wxss`), scope);
    if (isPage) {
      entry.css = wxssToCss(this.wxss('app.wxss'), scope) + own;
      entry.page = windowOf(json as ComponentJson & WindowConfig);
    } else {
      entry.css = own;
    }
  }

  /** `/abs`, `./rel`, `../rel`, or an npm name found in a miniprogram_npm up the folders. */
  private resolve(from: string, value: string): string | null {
    const dir = posix.dirname(from);
    if (value.startsWith('plugin://')) return null;
    const candidates: string[] = [];
    if (value.startsWith('/')) candidates.push(posix.normalize(value.slice(1)));
    else if (value.startsWith('.')) candidates.push(posix.join(dir, value));
    else {
      for (let at = dir; ; at = posix.dirname(at)) {
        const base = at === '.' ? 'miniprogram_npm' : posix.join(at, 'miniprogram_npm');
        candidates.push(posix.join(base, value), posix.join(base, value, 'index'));
        if (at === '.' || at === '/') break;
      }
      candidates.push(posix.join(dir, value));
    }
    return candidates.find((candidate) => existsSync(join(this.root, `${candidate}.json`))) ?? null;
  }

  /** `van-button` for Vant's button, `pages-home` for pages/home/index: readable in the DOM. */
  private tagFor(path: string): string {
    const vant = /^miniprogram_npm\/@vant\/weapp\/(.+)\/index$/.exec(path);
    let base = vant
      ? `van-${vant[1]}`
      : path
          .replace(/^miniprogram_npm\//, '')
          .replace(/\/index$/, '')
          .replace(/[^a-zA-Z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase();
    if (!base.includes('-')) base = `mp-${base}`;
    let tag = base;
    for (let n = 2; this.tags.has(tag); n++) tag = `${base}-${n}`;
    this.tags.add(tag);
    return tag;
  }

  private json(path: string): ComponentJson | null {
    try {
      return JSON.parse(readFileSync(join(this.root, `${path}.json`), 'utf8')) as ComponentJson;
    } catch {
      return null;
    }
  }

  /** The stylesheet with its @imports inlined (relative to the file, or `/` from the root). */
  private wxss(path: string, seen = new Set<string>()): string {
    const file = join(this.root, path);
    if (seen.has(path) || !existsSync(file)) return '';
    seen.add(path);
    const source = rewriteIconFont(readFileSync(file, 'utf8'));
    return source.replace(
      /@import\s+(?:"([^"]+)"|'([^']+)')\s*;?/g,
      (_all, double?: string, single?: string) => {
        const target = double ?? single ?? '';
        const resolved = target.startsWith('/')
          ? posix.normalize(target.slice(1))
          : posix.join(posix.dirname(path), target);
        return this.wxss(resolved.endsWith('.wxss') ? resolved : `${resolved}.wxss`, seen);
      },
    );
  }
}

function windowOf(json: WindowConfig): WindowConfig {
  const keys: (keyof WindowConfig)[] = [
    'navigationBarTitleText',
    'navigationBarBackgroundColor',
    'navigationBarTextStyle',
    'navigationStyle',
    'backgroundColor',
    'backgroundTextStyle',
    'enablePullDownRefresh',
    'onReachBottomDistance',
  ];
  const window: Record<string, unknown> = {};
  for (const key of keys) if (json[key] !== undefined) window[key] = json[key];
  return window as WindowConfig;
}

function listFiles(root: string, dir = ''): FileStamp[] {
  const out: FileStamp[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...listFiles(root, path));
    } else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      const stat = statSync(join(root, path));
      out.push({ path, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return out;
}

function signatureOf(files: FileStamp[]): string {
  const hash = createHash('sha1');
  for (const file of files) hash.update(`${file.path}\0${file.size}\0${file.mtimeMs}\n`);
  return hash.digest('hex').slice(0, 16);
}
