/**
 * Registers pages and components with the engine the way the mini-program runtime defines them:
 * the used components first, then the component's own script is run, and the `Component()` (or
 * `Page()`) call it makes is bound to the path being defined. Styles go into the document once.
 */
import engine from 'j-component/src/index';
import engineUtils from 'j-component/src/tool/utils';
import type { ComponentEntry, PreviewPackage } from './protocol';
import { dirname, join, type ModuleSystem } from './modules';

export type Definition = Record<string, unknown>;

/** A wcc-generated render function, as `$gwx('path.wxml')` returns it. */
type RenderFunction = (data: unknown) => unknown;
type Gwx = (path: string) => RenderFunction | undefined;

export class ComponentRegistry {
  private readonly defined = new Set<string>();
  /** The path whose script is running: `Component()` calls belong to it. */
  private defining: { path: string; called: boolean } | null = null;
  private readonly gwx: Gwx;

  constructor(
    private readonly pkg: PreviewPackage,
    private readonly modules: ModuleSystem,
    private readonly baseBehaviors: string[],
  ) {
    // The wcc output expects this engine marker; miniprogram-simulate sets the same value.
    (window as unknown as { __webview_engine_version__: number }).__webview_engine_version__ = 0.02;
    this.gwx = (new Function(pkg.wxml) as () => Gwx)();
  }

  entry(path: string): ComponentEntry {
    const entry = this.pkg.components[path];
    if (!entry) throw new Error(`${path} 不是 app.json 中的页面，也不是被引用的组件。`);
    return entry;
  }

  /** Defines a page or component (and everything it uses) unless already done; returns its id. */
  ensure(path: string): string {
    if (this.defined.has(path)) return path;
    this.defined.add(path);
    const entry = this.entry(path);
    for (const child of Object.values(entry.using)) this.ensure(child);
    insertStyle(path, entry.css);
    const previous = this.defining;
    this.defining = { path, called: false };
    try {
      if (!this.modules.has(`${path}.js`)) throw new Error(`${path}.js 不存在：页面或组件缺少脚本。`);
      this.modules.load(`${path}.js`);
      if (!this.defining.called) throw new Error(`${path}.js 没有调用 Component() 或 Page()。`);
    } catch (error) {
      this.defined.delete(path);
      throw error;
    } finally {
      this.defining = previous;
    }
    return path;
  }

  /** What `Component(options)` does: registers the options for the path being defined. */
  define(options: Definition): void {
    const current = this.defining;
    if (!current) throw new Error('Component() 只能在页面或组件自己的脚本中调用。');
    if (current.called) throw new Error(`${current.path}.js 调用了不止一次 Component()/Page()。`);
    current.called = true;
    const { path } = current;
    const entry = this.entry(path);
    const template = this.gwx(`${path}.wxml`);
    if (!template) throw new Error(`${path}.wxml 不存在或没有编译。`);
    const userOptions = (options.options ?? {}) as Definition;
    engine.register({
      ...options,
      id: path,
      path,
      tagName: entry.tag,
      template,
      usingComponents: entry.using,
      behaviors: [...this.baseBehaviors, ...((options.behaviors as unknown[] | undefined) ?? [])],
      relations: relationsById(path, options.relations as Record<string, Definition> | undefined),
      options: { ...userOptions, classPrefix: entry.tag },
    });
    // WeChat's webview carries `id` on the element (DevTools' WXML panel and `#id` selectors rely
    // on it); the engine's default leaves it off. Its options object is read per instance.
    const registered = engineUtils.cache(path);
    if (registered) registered.exparserDef.options.writeIdToDOM = true;
  }
}

/** Relations name components by path relative to the defining one; the engine wants their ids. */
function relationsById(
  path: string,
  relations: Record<string, Definition> | undefined,
): Record<string, Definition> | undefined {
  if (!relations) return undefined;
  const out: Record<string, Definition> = {};
  for (const [key, relation] of Object.entries(relations)) {
    const target = key.startsWith('/') ? join('', key) : join(dirname(path), key);
    out[target] = { ...relation, target };
  }
  return out;
}

function insertStyle(path: string, css: string): void {
  if (css === '') return;
  const style = document.createElement('style');
  style.dataset.component = path;
  style.textContent = css;
  document.head.appendChild(style);
}
