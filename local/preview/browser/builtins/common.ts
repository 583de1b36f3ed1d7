/**
 * Shared pieces of the built-in components (`<input>`, `<image>`, `<picker>` …). On WeChat they are
 * native widgets; here each is an engine component whose element holds a real HTML control, kept
 * in step with its properties, and which fires the same events with the same `detail` as WeChat.
 */
import engine from 'j-component/src/index';
import exparser, { type ExparserNode } from 'miniprogram-exparser';

export interface BuiltinThis {
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
  triggerEvent(name: string, detail?: unknown, options?: { bubbles?: boolean; composed?: boolean }): void;
  _exparserNode: ExparserNode;
}

export type BuiltinDefinition = Record<string, unknown> & {
  properties?: Record<string, unknown>;
};

/** Every built-in understands `hidden`, as on WeChat. */
let hiddenBehavior: string | null = null;

function hiddenBehaviorId(): string {
  hiddenBehavior ??= engine.behavior({
    properties: {
      hidden: {
        type: Boolean,
        value: false,
        observer(this: BuiltinThis, hidden: boolean) {
          hostOf(this).toggleAttribute('hidden', hidden);
        },
      },
    },
  });
  return hiddenBehavior;
}

/** A shadow tree with nothing in it, in the shape wcc's render functions return. */
const EMPTY_TEMPLATE = (): unknown => ({ tag: 'wx-page', children: [] });

/**
 * Registers a built-in under both ids the engine may look for: wcc writes official tags as
 * `wx-<name>` and the rest by their bare name. An empty template means the element's content is
 * drawn by the built-in itself.
 */
export function defineBuiltin(name: string, definition: BuiltinDefinition, template = '<slot/>'): void {
  for (const id of [`wx-${name}`, name]) {
    engine.register({
      ...definition,
      id,
      tagName: `wx-${name}`,
      template: template === '' ? EMPTY_TEMPLATE : template,
      behaviors: [hiddenBehaviorId(), ...((definition.behaviors as string[] | undefined) ?? [])],
    });
  }
}

export function hostOf(self: BuiltinThis): HTMLElement {
  const host = self._exparserNode.$$;
  if (!host) throw new Error('built-in component has no element');
  return host;
}

/** The class prefix of the component whose template wrote this element (for `placeholder-class`). */
export function ownerPrefix(self: BuiltinThis): string {
  const owner = self._exparserNode.ownerShadowRoot?.getHostNode();
  return owner ? (exparser.Component.getComponentOptions(owner).classPrefix ?? '') : '';
}

/** The computed `color` a class list would give, read through a probe element. */
export function colorOfClasses(self: BuiltinThis, classes: string): string | null {
  const names = classes.split(/\s+/).filter(Boolean);
  if (names.length === 0) return null;
  const prefix = ownerPrefix(self);
  const probe = document.createElement('span');
  probe.className = names.map((name) => (prefix ? `${prefix}--${name}` : name)).join(' ');
  hostOf(self).appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** `color: #c8c9cc; font-size: 14px` → `#c8c9cc`. */
export function colorOfStyle(style: string): string | null {
  return /(?:^|;)\s*color\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim() ?? null;
}

export function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Reflects a property as an attribute so the built-in stylesheet can select on it. */
export function reflect(self: BuiltinThis, name: string, value: unknown): void {
  const host = hostOf(self);
  if (value === false || value === undefined || value === null || value === '') host.removeAttribute(name);
  else host.setAttribute(name, value === true ? '' : String(value));
}

/** Logs, once per tag, that a built-in is drawn as a placeholder. */
const warned = new Set<string>();
export function warnUnsupported(tag: string, detail = ''): void {
  if (warned.has(tag + detail)) return;
  warned.add(tag + detail);
  console.error(`<${tag}${detail}> is not implemented in the preview`);
}
