/**
 * `createSelectorQuery` answers in the page's own coordinates, as on WeChat: rects relative to the
 * page area under the navigation bar, and the viewport as that area with the current page's
 * scroll offset. The engine's query measures against the browser window instead (the phone sits
 * somewhere on a desktop page), so its `exec` is replaced here; the query API itself is the
 * engine's (`select`, `selectAll`, `selectViewport`, `in`, `fields`, …).
 */
import SelectorQuery from 'j-component/src/tool/selectorquery';
import exparser, { type ExparserNode } from 'miniprogram-exparser';

interface QueryItem {
  selector: string;
  /** 0 for `selectViewport()`. */
  exparserNode: ExparserNode | 0;
  isSelectSingle: boolean;
  fields: Fields;
}

interface Fields {
  id?: boolean;
  dataset?: boolean;
  rect?: boolean;
  size?: boolean;
  scrollOffset?: boolean;
  properties?: string[];
  computedStyle?: string[];
  context?: boolean;
}

interface QueryState {
  _queue: QueryItem[];
  _queueCallback: (((result: unknown) => void) | null)[];
}

export interface PageArea {
  viewport: HTMLElement;
  /** The scrolling frame of the page on top. */
  frame(): HTMLElement | undefined;
}

type Answer = Record<string, unknown>;

function viewportAnswer(fields: Fields, area: PageArea): Answer {
  const { width, height } = area.viewport.getBoundingClientRect();
  const frame = area.frame();
  const answer: Answer = {};
  if (fields.id) answer.id = '';
  if (fields.dataset) answer.dataset = {};
  if (fields.rect) Object.assign(answer, { left: 0, top: 0, right: width, bottom: height });
  if (fields.size) Object.assign(answer, { width, height });
  if (fields.scrollOffset) {
    Object.assign(answer, {
      scrollLeft: frame?.scrollLeft ?? 0,
      scrollTop: frame?.scrollTop ?? 0,
      scrollWidth: frame?.scrollWidth ?? width,
      scrollHeight: frame?.scrollHeight ?? height,
    });
  }
  return answer;
}

function nodeAnswer(node: ExparserNode, fields: Fields, origin: DOMRect): Answer {
  const element = node.$$;
  const answer: Answer = {};
  if (fields.id) answer.id = node.id || '';
  if (fields.dataset) answer.dataset = { ...node.dataset };
  if (element) Object.assign(answer, measured(element, fields, origin));
  const data = (exparser.Element.getMethodCaller(node)?.data ?? {}) as Record<string, unknown>;
  for (const name of fields.properties ?? []) answer[name] = data[camelCase(name)];
  if (fields.context) answer.context = {};
  return answer;
}

/** Rect (in the page area's coordinates), size, scroll offset and computed style of an element. */
function measured(element: HTMLElement, fields: Fields, origin: DOMRect): Answer {
  const answer: Answer = {};
  const rect = element.getBoundingClientRect();
  if (fields.rect) {
    Object.assign(answer, {
      left: rect.left - origin.left,
      right: rect.right - origin.left,
      top: rect.top - origin.top,
      bottom: rect.bottom - origin.top,
    });
  }
  if (fields.size) Object.assign(answer, { width: rect.width, height: rect.height });
  if (fields.scrollOffset)
    Object.assign(answer, { scrollLeft: element.scrollLeft, scrollTop: element.scrollTop });
  if (fields.computedStyle?.length) {
    const style = getComputedStyle(element);
    for (const name of fields.computedStyle) answer[name] = style.getPropertyValue(name);
  }
  return answer;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function installSelectorQuery(area: PageArea): void {
  const prototype = SelectorQuery.prototype as unknown as {
    exec(this: QueryState, callback?: (results: unknown[]) => void): void;
  };
  prototype.exec = function (this: QueryState, callback) {
    // Answered asynchronously, as on WeChat (and after the current render).
    void Promise.resolve().then(() => {
      const origin = area.viewport.getBoundingClientRect();
      const results = this._queue.map((item, index) => {
        let result: unknown;
        if (item.exparserNode === 0) result = viewportAnswer(item.fields, area);
        else if (!item.exparserNode) result = item.isSelectSingle ? null : [];
        else {
          const root = item.exparserNode.shadowRoot ?? item.exparserNode;
          const nodes = item.isSelectSingle
            ? [root.querySelector(item.selector)].filter((node): node is ExparserNode => node !== null)
            : ((root as unknown as { querySelectorAll(s: string): ExparserNode[] }).querySelectorAll(
                item.selector,
              ) ?? []);
          const answers = nodes.map((node) => nodeAnswer(node, item.fields, origin));
          result = item.isSelectSingle ? (answers[0] ?? null) : answers;
        }
        this._queueCallback[index]?.(result);
        return result;
      });
      this._queue = [];
      this._queueCallback = [];
      callback?.(results);
    });
  };
}
