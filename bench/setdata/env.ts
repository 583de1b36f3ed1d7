/**
 * The mini-program's pages, for real, in the bench process: a jsdom window made global (what
 * jest's jsdom environment does for the page tests), miniprogram-simulate with the official WXML
 * compiler and Vant mapped into the built miniprogram_npm, and a hook that weighs every setData.
 *
 * The hook sits where j-component gives each component instance its `this` (exparser's method
 * caller): every `this.setData` of a page, of our components and of Vant's goes through it, and is
 * weighed as the JSON it is — what crosses from the logic layer to the view layer in WeChat.
 *
 * How a parent's re-render reaches its children differs from WeChat in one respect: j-component
 * re-applies every property of a child whenever any of them changed (and counts an `undefined`
 * property as changed every time), so children's observers fire — and setData — more often than in
 * WeChat. WeChat updates a property when the data path it binds was set. Both bounds are measured:
 * `propagation = 'simulate'` is miniprogram-simulate as it is (an upper bound), `'changed'` passes
 * only properties whose value changed, compared as JSON (a lower bound: a path set to an equal
 * value, which WeChat does pass on, is dropped). The page's own setData is exact in both.
 *
 * Installing the window is one-way: call `installPages()` last in a process (after anything that
 * must not see a DOM).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { MINIPROGRAM } from '../../scripts/build-steps';

/** One setData call: who made it (the component's path in the package) and its JSON size. */
export interface SetDataCall {
  component: string;
  bytes: number;
  keys: string[];
}

/** The slice of miniprogram-simulate's rendered component the bench uses. */
export interface RenderedNode {
  dom?: { tagName?: string; textContent?: string | null };
  querySelector(selector: string): RenderedNode | undefined;
  querySelectorAll(selector: string): RenderedNode[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
}

export interface RenderedPage extends RenderedNode {
  instance: Record<string, unknown> & { data: Record<string, unknown> };
  attach(parent: unknown): void;
  detach(): void;
}

interface Simulate {
  load(path: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): RenderedPage;
}

interface ExparserNode {
  is: string;
}

interface MethodCaller {
  setData(data: Record<string, unknown>, callback?: () => void): void;
}

interface Exparser {
  Element: { setMethodCaller(node: ExparserNode, caller: MethodCaller): void };
}

interface VirtualAttr {
  name: string;
  value: unknown;
}

interface RenderedExparserNode {
  _vt?: { attrs?: VirtualAttr[] };
}

interface JRender {
  updateAttrs(node: RenderedExparserNode, attrs: VirtualAttr[]): void;
}

interface JComponent {
  register(definition: { path?: string; id?: string }): string;
}

export type Propagation = 'simulate' | 'changed';

export interface Pages {
  /** How parents' re-renders pass properties to children; see the file comment. */
  propagation: Propagation;
  /** Every setData since the bench started, in order; `mark()` and `since()` slice it. */
  readonly calls: SetDataCall[];
  mark(): number;
  since(mark: number): SetDataCall[];
  /** Renders a page of the package (`pages/filing-form/index`), attached like a shown page. */
  open(path: string): RenderedPage;
  /** WeChat's per-phone storage, as the pages see it through wx.get/setStorageSync. */
  storage: Map<string, unknown>;
  wx: Record<string, unknown>;
}

/**
 * DOM classes Node also defines globally: j-component creates events with `new Event(...)` and
 * dispatches them on jsdom nodes, so these must be jsdom's. Everything else Node already has
 * (timers, JS built-ins, URL …) stays Node's.
 */
const DOM_OVER_NODE = new Set(['Event', 'EventTarget', 'CustomEvent', 'MessageEvent', 'DOMException']);

interface WindowDocument {
  createElement(tag: string): unknown;
}

interface JsdomModule {
  JSDOM: new (html: string, options: Record<string, unknown>) => { window: { document: WindowDocument } };
}

/** Makes a jsdom window the global one; answers its document (where pages are attached). */
function installWindow(load: NodeJS.Require): WindowDocument {
  const { JSDOM } = load('jsdom') as JsdomModule;
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'https://servicewechat.com/bench/',
  });
  const target = globalThis as unknown as Record<string, unknown>;
  const source = window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key.startsWith('_') || (key in target && !DOM_OVER_NODE.has(key))) continue;
    try {
      target[key] = source[key];
    } catch {
      // A few window properties are getters without setters here; the pages need none of them.
    }
  }
  return window.document;
}

/**
 * simulate requires a component's script without an extension; next to `index.ts` there is an
 * `index.json`, which Node would pick. In the package, the script is the .ts (DevTools compiles it).
 */
function preferTypeScript(): void {
  const resolver = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
  };
  const original = resolver._resolveFilename.bind(Module);
  resolver._resolveFilename = (request: string, ...rest: unknown[]) => {
    if (request.startsWith(`${MINIPROGRAM}/`) && existsSync(`${request}.ts`)) return `${request}.ts`;
    return original(request, ...rest);
  };
}

/** Every Vant tag our pages and components register, mapped into the built miniprogram_npm. */
function vantComponents(dir: string = MINIPROGRAM, map: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'miniprogram_npm') vantComponents(path, map);
    if (!entry.isFile() || !entry.name.endsWith('.json') || entry.name === 'app.json') continue;
    const json = JSON.parse(readFileSync(path, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const [tag, value] of Object.entries(json.usingComponents ?? {})) {
      if (value.startsWith('@vant/weapp/')) map[tag] = `/miniprogram_npm/${value}`;
    }
  }
  return map;
}

/**
 * In `'changed'` propagation, drops the attributes whose value (as JSON) is what the node already
 * has. diff.js calls `render.updateAttrs` through the module object, so replacing it takes effect.
 */
function filterPropagation(render: JRender, pages: { propagation: Propagation }): void {
  const applied = new WeakMap<RenderedExparserNode, Map<string, string | undefined>>();
  const update = render.updateAttrs.bind(render);
  render.updateAttrs = (node, attrs) => {
    let known = applied.get(node);
    if (!known) {
      known = new Map((node._vt?.attrs ?? []).map((attr) => [attr.name, JSON.stringify(attr.value)]));
      applied.set(node, known);
    }
    const changed = attrs.filter((attr) => known.get(attr.name) !== JSON.stringify(attr.value));
    for (const attr of attrs) known.set(attr.name, JSON.stringify(attr.value));
    update(node, pages.propagation === 'simulate' ? attrs : changed);
  };
}

export function installPages(): Pages {
  if (!existsSync(join(MINIPROGRAM, 'miniprogram_npm', '@vant', 'weapp'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build` before `npm run bench`.');
  }
  const load = createRequire(__filename);
  const document = installWindow(load);
  preferTypeScript();

  const fromSimulate = createRequire(load.resolve('miniprogram-simulate'));
  const jComponent = fromSimulate('j-component') as JComponent;
  const fromJComponent = createRequire(fromSimulate.resolve('j-component'));
  const exparser = fromJComponent('miniprogram-exparser') as Exparser;
  const mode = { propagation: 'simulate' as Propagation };
  filterPropagation(fromJComponent('./src/render/render.js') as JRender, mode);

  const paths = new Map<string, string>();
  const register = jComponent.register.bind(jComponent);
  jComponent.register = (definition) => {
    const id = register(definition);
    if (definition.path) paths.set(id, definition.path.slice(MINIPROGRAM.length + 1));
    return id;
  };
  const calls: SetDataCall[] = [];
  const setMethodCaller = exparser.Element.setMethodCaller.bind(exparser.Element);
  exparser.Element.setMethodCaller = (node, caller) => {
    const setData = caller.setData.bind(caller);
    caller.setData = (data, callback) => {
      const json = JSON.stringify(data) ?? '';
      calls.push({
        component: paths.get(node.is) ?? node.is,
        bytes: Buffer.byteLength(json),
        keys: Object.keys(data),
      });
      setData(data, callback);
    };
    setMethodCaller(node, caller);
  };

  const simulate = load('miniprogram-simulate') as Simulate;
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const storage = new Map<string, unknown>();
  Object.assign(wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  });

  const usingComponents = vantComponents();
  const loaded = new Map<string, string>();
  return {
    get propagation() {
      return mode.propagation;
    },
    set propagation(value: Propagation) {
      mode.propagation = value;
    },
    calls,
    mark: () => calls.length,
    since: (mark) => calls.slice(mark),
    storage,
    wx,
    open(path) {
      let id = loaded.get(path);
      if (!id) {
        id = simulate.load(join(MINIPROGRAM, path), {
          rootPath: MINIPROGRAM,
          usingComponents,
          compiler: 'official',
        });
        loaded.set(path, id);
      }
      const page = simulate.render(id);
      page.attach(document.createElement('parent-wrapper'));
      return page;
    },
  };
}
