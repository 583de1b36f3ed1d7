/**
 * The mini-program's `require`: CommonJS modules evaluated once and cached, resolved like the
 * WeChat runtime resolves them — relative (`./x`, `../x`), absolute from the mini-program root
 * (`/utils/x`), and npm names through the nearest `miniprogram_npm` up the folders. A module sees
 * no `window` or `document`, as in the logic layer, so a page that reaches for the DOM fails here
 * as it would on a phone.
 */

interface ModuleRecord {
  exports: unknown;
}

type ModuleFunction = (
  require: (request: string) => unknown,
  module: ModuleRecord,
  exports: unknown,
  window: undefined,
  document: undefined,
) => void;

export class ModuleSystem {
  private readonly cache = new Map<string, ModuleRecord>();

  constructor(private readonly sources: Record<string, string>) {}

  has(path: string): boolean {
    return path in this.sources;
  }

  /** Runs (once) the module at a resolved path such as `pages/home/index.js`. */
  load(path: string): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const source = this.sources[path];
    if (source === undefined) throw new Error(`module '${path}' is not defined`);
    const module: ModuleRecord = { exports: {} };
    // Cached before it runs, so a require cycle sees the partial exports, as in CommonJS.
    this.cache.set(path, module);
    try {
      const run = new Function(
        'require',
        'module',
        'exports',
        'window',
        'document',
        `${source}\n//# sourceURL=miniprogram/${path}`,
      ) as ModuleFunction;
      run((request) => this.require(path, request), module, module.exports, undefined, undefined);
    } catch (error) {
      this.cache.delete(path);
      throw error;
    }
    return module.exports;
  }

  require(from: string, request: string): unknown {
    const path = this.resolve(from, request);
    if (!path) {
      throw new Error(`module '${request}' is not defined, require args is '${request}' (from ${from})`);
    }
    return this.load(path);
  }

  resolve(from: string, request: string): string | null {
    const dir = dirname(from);
    if (request.startsWith('/')) return this.file(normalize(request.slice(1)));
    if (request.startsWith('.')) return this.file(join(dir, request));
    for (let at = dir; ; at = dirname(at)) {
      const found = this.file(join(at, `miniprogram_npm/${request}`));
      if (found) return found;
      if (at === '') break;
    }
    // A bare path the npm folders do not have is taken as relative, as the runtime does.
    return this.file(join(dir, request));
  }

  private file(base: string): string | null {
    const candidates = base.endsWith('.js') ? [base] : [`${base}.js`, `${base}/index.js`];
    return candidates.find((candidate) => candidate in this.sources) ?? null;
  }
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

export function join(dir: string, path: string): string {
  return normalize(dir === '' ? path : `${dir}/${path}`);
}

/** Resolves `.` and `..` segments; the result never starts with `/`. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
