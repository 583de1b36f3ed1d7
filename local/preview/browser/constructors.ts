/**
 * The constructors a mini-program's scripts call: `App`, `Page`, `Component`, `Behavior`, and the
 * lookups `getApp` / `getCurrentPages`. Pages written with `Page()` become components with their
 * functions as methods, which is how the runtime itself treats them since base library 2.x.
 */
import engine from 'j-component/src/index';
import exparser, { type ExparserNode } from 'miniprogram-exparser';
import { dirname, join, normalize } from './modules';
import type { ComponentRegistry, Definition } from './registry';

export type AppInstance = Record<string, unknown> & {
  onLaunch?: (options: unknown) => void;
  onShow?: (options: unknown) => void;
  onHide?: () => void;
  onError?: (message: string) => void;
};

let app: AppInstance | undefined;

export function currentApp(): AppInstance | undefined {
  return app;
}

interface RelationHost {
  _exparserNode: ExparserNode & {
    is: string;
    getRelationNodes(id: string): ExparserNode[] | null;
  };
}

/** Methods every component instance has on WeChat that the engine lacks (or gets wrong). */
export function runtimeBehavior(): string {
  return engine.behavior({
    methods: {
      // Batches setData calls on WeChat; one at a time is equivalent for rendering.
      groupSetData(this: unknown, callback?: () => void) {
        callback?.();
      },
      // WeChat answers [] for a relation with no linked node; the engine answers null when the
      // related component was never used on the page (Vant's checkbox without a group).
      getRelationNodes(this: RelationHost, path: string) {
        const node = this._exparserNode;
        const target = path.startsWith('/') ? normalize(path) : join(dirname(node.is), path);
        const linked = node.getRelationNodes(target) ?? [];
        return linked.map((item) => exparser.Element.getMethodCaller(item));
      },
    },
  });
}

export function installConstructors(registry: ComponentRegistry, pages: () => unknown[]): void {
  const globals = window as unknown as Record<string, unknown>;
  globals.Component = (options: Definition) => registry.define(options);
  globals.Page = (options: Definition) => registry.define(pageAsComponent(options));
  globals.Behavior = (definition: Definition) => engine.behavior(definition);
  globals.App = (options: AppInstance) => {
    if (app) throw new Error('App() 只能调用一次。');
    app = options;
  };
  globals.getApp = () => app;
  globals.getCurrentPages = () => pages();
}

/** `Page({ data, onLoad, onTap, someField })` → a component with those methods and fields. */
function pageAsComponent(options: Definition): Definition {
  const methods: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data' || key === 'behaviors' || key === 'options') continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  return {
    data: options.data ?? {},
    behaviors: options.behaviors ?? [],
    options: options.options ?? {},
    methods,
    lifetimes: {
      created(this: Record<string, unknown>) {
        // Each page instance gets its own copy of the non-function fields, as on WeChat.
        Object.assign(this, JSON.parse(JSON.stringify(fields)) as Record<string, unknown>);
      },
    },
  };
}
