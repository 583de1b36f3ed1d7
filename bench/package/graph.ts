/**
 * The files DevTools would upload, found the way it finds them (project.config.json sets
 * `ignoreUploadUnusedFiles`): start from app.json — the app files, every page of the main package
 * and of each subpackage — and follow every reference: `usingComponents` (relative, absolute, or an
 * npm path looked up in the nearest miniprogram_npm), the scripts' `require`s, WXML imports,
 * includes and WXS modules, WXSS `@import`s, and static images and assets. A .ts file counts as the
 * .js DevTools compiles from it (esbuild transform, types stripped); nothing else is rewritten.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { transformSync } from 'esbuild';

export type FileKind = 'js' | 'json' | 'wxml' | 'wxss' | 'wxs' | 'asset';

export interface PackageFile {
  /** Relative to the mini-program root, posix separators; a .ts source is listed as its .js. */
  path: string;
  kind: FileKind;
  bytes: number;
  /** JS minified as DevTools' 上传时压缩 would; everything else as is. */
  minifiedBytes: number;
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  usingComponents?: Record<string, string>;
  sitemapLocation?: string;
  tabBar?: { list?: { iconPath?: string; selectedIconPath?: string }[] };
}

interface ComponentJson {
  usingComponents?: Record<string, string>;
  componentGenerics?: Record<string, { default?: string } | boolean>;
}

const ASSET = /\.(png|jpe?g|gif|svg|webp|ttf|woff2?|mp3|mp4)$/i;

export class PackageGraph {
  readonly files = new Map<string, PackageFile>();
  readonly problems: string[] = [];
  private readonly seenComponents = new Set<string>();

  constructor(private readonly root: string) {}

  static appJson(root: string): AppJson {
    return JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson;
  }

  /** The app itself: app.json, its script and style, the sitemap, global components, tab icons. */
  addApp(): void {
    const app = PackageGraph.appJson(this.root);
    this.addFile('app.json');
    this.addScript('app');
    this.addIfExists('app.wxss');
    this.addIfExists(app.sitemapLocation ?? 'sitemap.json');
    this.addComponentsOf(app.usingComponents ?? {}, '');
    for (const item of app.tabBar?.list ?? []) {
      for (const icon of [item.iconPath, item.selectedIconPath]) if (icon) this.addIfExists(icon);
    }
  }

  /** A page or component by its path without extension (`pages/home/index`). */
  addComponent(path: string): void {
    if (this.seenComponents.has(path)) return;
    this.seenComponents.add(path);
    if (!this.exists(`${path}.json`)) {
      this.problems.push(`component not found: ${path}`);
      return;
    }
    this.addFile(`${path}.json`);
    this.addScript(path);
    this.addIfExists(`${path}.wxml`);
    this.addIfExists(`${path}.wxss`);
    const json = JSON.parse(this.read(`${path}.json`)) as ComponentJson;
    this.addComponentsOf(json.usingComponents ?? {}, posix.dirname(path));
    for (const generic of Object.values(json.componentGenerics ?? {})) {
      if (typeof generic === 'object' && generic.default) {
        this.addComponentsOf({ generic: generic.default }, posix.dirname(path));
      }
    }
  }

  private addComponentsOf(using: Record<string, string>, from: string): void {
    for (const value of Object.values(using)) {
      if (value.startsWith('plugin://') || value.startsWith('plugin-private://')) continue;
      const found = this.resolveComponent(value, from);
      if (found) this.addComponent(found);
      else this.problems.push(`${from || '.'}: component ${value} not found`);
    }
  }

  private resolveComponent(value: string, from: string): string | null {
    const candidates = value.startsWith('/')
      ? [value.slice(1)]
      : [posix.join(from, value), ...this.npmCandidates(value, from)];
    for (const candidate of candidates) {
      if (this.exists(`${candidate}.json`)) return candidate;
      if (this.exists(`${candidate}/index.json`)) return `${candidate}/index`;
    }
    return null;
  }

  /** `@vant/weapp/button/index` from `pages/home`: pages/home/miniprogram_npm/…, pages/miniprogram_npm/…, … */
  private npmCandidates(request: string, from: string): string[] {
    const found: string[] = [];
    let dir = from;
    for (;;) {
      found.push(posix.join(dir, 'miniprogram_npm', request));
      if (dir === '' || dir === '.') break;
      dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
    }
    return found;
  }

  private addScript(path: string): void {
    if (this.exists(`${path}.ts`)) this.addFile(`${path}.ts`);
    else if (this.exists(`${path}.js`)) this.addFile(`${path}.js`);
  }

  private addIfExists(path: string): void {
    if (this.exists(path)) this.addFile(path);
  }

  /** Counts a file once and follows what it references. */
  addFile(path: string): void {
    const listed = path.endsWith('.ts') ? `${path.slice(0, -3)}.js` : path;
    if (this.files.has(listed)) return;
    const ext = extname(path);
    if (ext === '.ts' || ext === '.js') return this.addJs(path, listed);
    const content = readFileSync(join(this.root, path));
    const kind: FileKind =
      ext === '.json'
        ? 'json'
        : ext === '.wxml'
          ? 'wxml'
          : ext === '.wxss'
            ? 'wxss'
            : ext === '.wxs'
              ? 'wxs'
              : 'asset';
    this.files.set(listed, { path: listed, kind, bytes: content.length, minifiedBytes: content.length });
    const text = kind === 'asset' || kind === 'json' ? '' : content.toString('utf8');
    if (kind === 'wxml') this.followWxml(path, text);
    if (kind === 'wxss') this.followWxss(path, text);
    if (kind === 'wxs') this.followRequires(path, text, ['', '.wxs']);
  }

  private addJs(path: string, listed: string): void {
    const source = this.read(path);
    const code = path.endsWith('.ts')
      ? transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2020' }).code
      : source;
    const minified = transformSync(code, { loader: 'js', minify: true }).code;
    this.files.set(listed, {
      path: listed,
      kind: 'js',
      bytes: Buffer.byteLength(code),
      minifiedBytes: Buffer.byteLength(minified),
    });
    this.followRequires(path, code, ['.ts', '.js', '', '/index.ts', '/index.js']);
  }

  private followRequires(path: string, code: string, suffixes: readonly string[]): void {
    const from = posix.dirname(path);
    for (const [, request] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      if (!request) continue;
      const bases =
        request.startsWith('.') || request.startsWith('/')
          ? [request.startsWith('/') ? request.slice(1) : posix.join(from, request)]
          : this.npmCandidates(request, from);
      const found = bases.flatMap((base) => suffixes.map((s) => `${base}${s}`)).find((p) => this.isFile(p));
      if (found) this.addFile(found);
      else this.problems.push(`${path}: require(${request}) not found`);
    }
  }

  private followWxml(path: string, text: string): void {
    const from = posix.dirname(path);
    for (const [, tag, src] of text.matchAll(/<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)) {
      if (!src) continue;
      const suffixes = tag === 'wxs' ? ['', '.wxs'] : ['', '.wxml'];
      this.addReferenced(from, src, suffixes, path);
    }
    for (const [, src] of text.matchAll(/\bsrc\s*=\s*["']([^"'{}]+)["']/g)) {
      if (src && ASSET.test(src)) this.addReferenced(from, src, [''], path);
    }
  }

  private followWxss(path: string, text: string): void {
    const from = posix.dirname(path);
    for (const [, src] of text.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/g)) {
      if (src) this.addReferenced(from, src, ['', '.wxss'], path);
    }
    for (const [, src] of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      if (src && !/^(data:|https?:|\/\/)/.test(src) && ASSET.test(src)) {
        this.addReferenced(from, src, [''], path);
      }
    }
  }

  private addReferenced(from: string, src: string, suffixes: readonly string[], by: string): void {
    const base = src.startsWith('/') ? src.slice(1) : posix.join(from, src);
    const found = suffixes.map((s) => `${base}${s}`).find((p) => this.isFile(p));
    if (found) this.addFile(found);
    else if (!/^(https?:|data:)/.test(src)) this.problems.push(`${by}: ${src} not found`);
  }

  private exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  private isFile(path: string): boolean {
    const full = join(this.root, path);
    return existsSync(full) && statSync(full).isFile();
  }

  private read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }
}
