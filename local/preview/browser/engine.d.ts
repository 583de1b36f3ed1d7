/**
 * The parts of the mini-program component engine the preview drives: exparser (WeChat's component
 * model) and j-component (its template/diff layer, the engine behind miniprogram-simulate). Both are
 * plain JS; these declarations cover only what the runtime calls. The deep j-component paths are
 * imported on purpose: its package-level typings pull in an older copy of miniprogram-api-typings.
 */

declare module 'miniprogram-exparser' {
  export interface ExparserNode {
    $$: HTMLElement | null;
    id: string;
    dataset: Record<string, unknown>;
    shadowRoot?: ExparserNode;
    childNodes: ExparserNode[];
    parentNode: ExparserNode | null;
    ownerShadowRoot: { getHostNode(): ExparserNode } | null;
    triggerLifeTime(name: string, args: unknown[]): void;
    triggerPageLifeTime(name: string, args: unknown[]): void;
    querySelector(selector: string): ExparserNode | null;
    addListener(
      name: string,
      handler: (event: ExparserEvent) => unknown,
      options?: { capture?: boolean },
    ): void;
  }

  export interface ExparserEvent {
    type: string;
    detail: unknown;
  }

  export interface EventOptions {
    bubbles?: boolean;
    composed?: boolean;
    capturePhase?: boolean;
    originalEvent?: Event;
    extraFields?: Record<string, unknown>;
  }

  interface Exparser {
    addGlobalErrorListener(
      listener: (error: unknown, info: { type?: string; element?: unknown; method?: string }) => void,
    ): void;
    Element: {
      getMethodCaller(node: ExparserNode): Record<string, unknown> | undefined;
      pretendAttached(node: ExparserNode): void;
      pretendDetached(node: ExparserNode): void;
    };
    Event: {
      create(name: string, detail: unknown, options: EventOptions): ExparserEvent;
      dispatchEvent(target: ExparserNode | Node, event: ExparserEvent): void;
    };
    Component: {
      new (): ExparserNode;
      getComponentOptions(node: ExparserNode): { classPrefix?: string };
      prototype: ExparserNode;
    };
  }

  const exparser: Exparser;
  export default exparser;
}

declare module 'j-component/src/index' {
  import type { ExparserNode } from 'miniprogram-exparser';

  export interface RootComponent {
    readonly dom: HTMLElement;
    readonly instance: Record<string, unknown>;
    _exparserNode: ExparserNode;
  }

  export interface EngineDefinition {
    id: string;
    path?: string;
    tagName: string;
    template: string | ((data: unknown) => unknown);
    usingComponents?: Record<string, string>;
    options?: Record<string, unknown>;
    [key: string]: unknown;
  }

  const engine: {
    register(definition: EngineDefinition): string;
    behavior(definition: Record<string, unknown>): string;
    create(id: string, properties?: Record<string, unknown>): RootComponent | undefined;
  };
  export default engine;
}

declare module 'j-component/src/tool/utils' {
  const utils: {
    /** Used by the engine for inline `style` attributes; the preview replaces it (1rpx = 0.5px). */
    transformRpx: (style: string, keepSpace?: boolean) => string;
    /** The engine's record of a registered component, by id. */
    cache(id: string): { exparserDef: { options: Record<string, unknown> } } | undefined;
  };
  export default utils;
}

declare module 'j-component/src/tool/selectorquery' {
  export default class SelectorQuery {
    constructor(component: unknown);
    in(component: unknown): SelectorQuery;
  }
}
