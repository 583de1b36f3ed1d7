/**
 * Renders a real page or component of the mini-program with miniprogram-simulate and the official
 * WXML compiler, with `@vant/weapp/...` mapped into the built miniprogram_npm (simulate cannot
 * resolve npm-style paths and would silently render empty tags).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as simulate from 'miniprogram-simulate';

export const MINIPROGRAM = join(__dirname, '..', '..', 'miniprogram');

export type Rendered = ReturnType<typeof simulate.render>;

let vantMap: Record<string, string> | null = null;

/** Every Vant tag any page or component registers, mapped into miniprogram_npm. */
export function vantComponents(): Record<string, string> {
  if (vantMap) return vantMap;
  const map: Record<string, string> = {};
  for (const file of jsonFiles(MINIPROGRAM)) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const [tag, path] of Object.entries(json.usingComponents ?? {})) {
      if (path.startsWith('@vant/weapp/')) map[tag] = nearestNpm(relative(MINIPROGRAM, file), path);
    }
  }
  vantMap = map;
  return map;
}

/** As WeChat resolves an npm path: the nearest miniprogram_npm up from the registering file. */
function nearestNpm(from: string, path: string): string {
  const subpackage = from.split(/[\\/]/)[0] ?? '';
  const local = `/${subpackage}/miniprogram_npm/${path}`;
  return existsSync(join(MINIPROGRAM, `${local}.js`)) ? local : `/miniprogram_npm/${path}`;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : jsonFiles(path);
    return entry.name.endsWith('.json') && entry.name !== 'app.json' ? [path] : [];
  });
}

/**
 * Loads and attaches a page or component, e.g. `render('pages/home/index')`. Each call starts from
 * a fresh module registry: simulate re-runs component code with `require`, and jest would
 * otherwise hand back the cached module without calling `Component()` again.
 */
export function render(path: string, properties?: Record<string, unknown>): Rendered {
  jest.resetModules();
  const id = simulate.load(join(MINIPROGRAM, path), {
    rootPath: MINIPROGRAM,
    usingComponents: vantComponents(),
    compiler: 'official',
  });
  const rendered = simulate.render(id, properties);
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

/** Opens a page as WeChat does, `onLoad` with the link's query, and lets its first load settle. */
export async function openPage(path: string, query: Record<string, string> = {}): Promise<Rendered> {
  const page = render(path);
  (page.instance as unknown as { onLoad(query: Record<string, string>): void }).onLoad(query);
  await settle();
  return page;
}

/** Taps the van-cell of a list's row (`#row-…`) and lets the page settle. */
export async function tapRow(page: Rendered, selector: string): Promise<void> {
  page.querySelector(selector)?.querySelector('.van-cell')?.dispatchEvent('tap');
  await settle();
}

/** Taps a Vant button (or anything with a tap handler) found by selector. */
export function tap(root: Rendered, selector: string): void {
  const host = root.querySelector(selector);
  if (!host)
    throw new Error(`nothing matches ${selector} in ${relative(MINIPROGRAM, root.dom?.tagName ?? '')}`);
  const inner = host.querySelector('.van-button') ?? host;
  inner.dispatchEvent('tap');
}

export const sleep = simulate.sleep;

const realSetTimeout = setTimeout;

/** Lets the fake cloud answer and the page render (real timers, even under fake ones). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    for (let j = 0; j < 10; j += 1) await Promise.resolve();
  }
}

/** A node's text as a reader sees it, whitespace folded. */
export function text(node: Rendered | null | undefined): string {
  return node?.dom?.textContent?.replace(/\s+/g, ' ') ?? '';
}
