/**
 * The preview's HTTP side, mounted by the local cloud next to `/functions/*` (same origin, so the
 * page's `wx.cloud` calls need no CORS): the page at `/`, its runtime and stylesheet, and the
 * compiled mini-program. `createPreview()` returns a handler that answers its own paths and
 * leaves every other request to the cloud.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve } from 'node:path';
import { DEFAULT_TEMPLATES, parseTemplateConfig, TEMPLATE_ROLES, type TemplateConfig } from '@beian/core';
import { build } from 'esbuild';
import { AppPackager } from './app-package';
import { iconFont, ICON_FONT_PATH } from './icon-font';
import type { PreviewConfig, PreviewIdentity } from './browser/protocol';

export const MINIPROGRAM_ROOT = resolve(__dirname, '..', '..', 'miniprogram');
const REPO_ROOT = resolve(__dirname, '..', '..');
const BROWSER = join(__dirname, 'browser');

/**
 * The preview's own stylesheet, one file per concern under browser/styles/, served as one sheet at
 * `/preview/preview.css` in this order (later rules win ties, as in the single file they were).
 */
export const PREVIEW_STYLES = ['page.css', 'phone.css', 'builtins.css', 'overlays.css', 'icon-glyphs.css'];

/** Who you can be in the preview; the local cloud's seed makes the admin one an admin. */
export const PREVIEW_IDENTITIES: PreviewIdentity[] = [
  { openid: 'o-demo-filer-a', label: '填报人 A' },
  { openid: 'o-demo-filer-b', label: '填报人 B' },
  { openid: 'o-demo-admin', label: '审核员' },
];

export interface PreviewOptions {
  /** The mini-program folder (default: the repository's miniprogram/). */
  root?: string;
  identities?: PreviewIdentity[];
  /** The subscribe-message templates the deployment uses (default: BEIAN_TEMPLATES or core's). */
  templates?: TemplateConfig;
}

/** Answers the request and returns true, or returns false when the path is not the preview's. */
export type PreviewHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export function createPreview(options: PreviewOptions = {}): PreviewHandler {
  const packager = new AppPackager(options.root ?? MINIPROGRAM_ROOT);
  const runtime = new RuntimeBundle();
  const config: PreviewConfig = {
    identities: options.identities ?? PREVIEW_IDENTITIES,
    uploadPath: '/_/storage/upload',
    subscriptionsPath: '/_/subscriptions',
    filePath: '/_/storage/file',
    templates: templateTitles(options.templates ?? configuredTemplates()),
  };
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    switch (pathname) {
      case '/':
      case '/index.html':
        send(response, 200, 'text/html; charset=utf-8', page(config));
        return true;
      case '/preview/runtime.js':
        await answer(response, 'application/javascript; charset=utf-8', () => runtime.get());
        return true;
      case ICON_FONT_PATH:
        send(response, 200, 'font/woff2', iconFont(REPO_ROOT));
        return true;
      case '/preview/preview.css':
        send(response, 200, 'text/css; charset=utf-8', previewStyles());
        return true;
      case '/preview/package.json':
        await answer(response, 'application/json; charset=utf-8', () => JSON.stringify(packager.get()));
        return true;
      default:
        return sendImage(response, options.root ?? MINIPROGRAM_ROOT, pathname);
    }
  };
}

/** The package's own pictures, by the absolute path WXML gives them (`/assets/empty-error.svg`). */
const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

function sendImage(response: ServerResponse, root: string, pathname: string): boolean {
  const type = IMAGE_TYPES[extname(pathname).toLowerCase()];
  if (!type) return false;
  let file: string;
  try {
    file = resolve(root, `.${decodeURIComponent(pathname)}`);
  } catch {
    return false; // a malformed escape names no file
  }
  // Only files inside the package: a `..` in the path must not reach the rest of the disk.
  if (relative(root, file).startsWith('..') || !statSync(file, { throwIfNoEntry: false })?.isFile())
    return false;
  send(response, 200, type, readFileSync(file));
  return true;
}

/** A build failure is shown in the browser (as JSON `{ error }`), not only in the terminal. */
async function answer(
  response: ServerResponse,
  type: string,
  body: () => string | Promise<string>,
): Promise<void> {
  try {
    send(response, 200, type, await body());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send(response, 500, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function page(config: PreviewConfig): string {
  // `<` escaped so no value can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>备案助手预览</title>
<link rel="stylesheet" href="/preview/preview.css">
<script type="application/json" id="preview-config">${json}</script>
</head>
<body>
<div id="app"></div>
<script src="/preview/runtime.js"></script>
</body>
</html>
`;
}

/** Read on every request, as the one file was, so an edited style shows on reload. */
function previewStyles(): string {
  return PREVIEW_STYLES.map((file) => readFileSync(join(BROWSER, 'styles', file), 'utf8')).join('\n');
}

function configuredTemplates(): TemplateConfig {
  const raw = process.env.BEIAN_TEMPLATES;
  if (!raw) return DEFAULT_TEMPLATES;
  const parsed = parseTemplateConfig(raw);
  return parsed.ok ? parsed.templates : DEFAULT_TEMPLATES;
}

function templateTitles(templates: TemplateConfig): Record<string, string> {
  return Object.fromEntries(
    TEMPLATE_ROLES.map((role) => [templates[role].templateId, templates[role].title]),
  );
}

/** The browser runtime, bundled with esbuild; rebuilt when one of its sources changes. */
class RuntimeBundle {
  private code = '';
  private signature = '';

  async get(): Promise<string> {
    const signature = sourcesSignature();
    if (this.code && signature === this.signature) return this.code;
    const result = await build({
      entryPoints: [join(BROWSER, 'main.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      // The engine (exparser, j-component) reads `global`, which a browser calls `window`.
      define: { global: 'window' },
      write: false,
      sourcemap: 'inline',
      logLevel: 'silent',
      tsconfig: join(BROWSER, 'tsconfig.json'),
    });
    this.code = result.outputFiles[0]?.text ?? '';
    this.signature = signature;
    return this.code;
  }
}

function sourcesSignature(): string {
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}:${statSync(path).mtimeMs}\n`);
    }
  };
  walk(BROWSER);
  hash.update(`wxss:${statSync(join(__dirname, 'wxss.ts')).mtimeMs}`);
  return hash.digest('hex');
}
