/**
 * WXSS → browser CSS, the way the WeChat webview treats a stylesheet:
 *   - rpx is converted for a 375 px wide screen (750 rpx = 375 px, so 1rpx = 0.5px, decimals kept);
 *   - class selectors are scoped to the component that owns the stylesheet, with the same
 *     `<prefix>--<class>` scheme the template engine (j-component/exparser `classPrefix`) writes
 *     into the markup, so a page's `.title` never styles a Vant `.title`;
 *   - built-in tags are the `wx-` elements the engine renders (`view` → `wx-view`);
 *   - `page` is the page's root element and `:host` the component's own element.
 * `@import` is resolved by the caller (it needs the file system); `@keyframes`/`@font-face`
 * bodies only get their rpx converted.
 */

/** 750 rpx fill the 375 px wide phone frame. */
export const PX_PER_RPX = 375 / 750;

/** The built-in components WXSS may name as type selectors. */
const BUILT_IN_TAGS = new Set([
  'view', 'text', 'button', 'input', 'textarea', 'image', 'icon', 'progress', 'rich-text',
  'scroll-view', 'swiper', 'swiper-item', 'movable-area', 'movable-view', 'cover-view', 'cover-image',
  'checkbox', 'checkbox-group', 'radio', 'radio-group', 'label', 'form', 'picker', 'picker-view',
  'picker-view-column', 'slider', 'switch', 'navigator', 'video', 'audio', 'camera', 'map', 'canvas',
  'web-view', 'editor', 'page-container', 'root-portal', 'match-media',
]); // prettier-ignore

export interface WxssScope {
  /** The class prefix of the owning component or page (`pages-home`, `van-button`). */
  prefix: string;
  /** The element `:host` stands for (the component's tag). */
  host: string;
  /** The selector `page` stands for (only meaningful in app.wxss and page stylesheets). */
  page: string;
}

export function rpxToPx(text: string): string {
  return text.replace(/(-?(?:\d+\.?\d*|\.\d+))rpx\b/g, (_all, value: string) => {
    const px = Number(value) * PX_PER_RPX;
    return `${Number(px.toFixed(4))}px`;
  });
}

export function wxssToCss(source: string, scope: WxssScope): string {
  return transformBlocks(stripComments(source), scope);
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Walks a list of statements and rules (the top level, or the body of @media/@supports). */
function transformBlocks(css: string, scope: WxssScope): string {
  let out = '';
  let index = 0;
  while (index < css.length) {
    const stop = findTopLevel(css, index, ['{', ';', '}']);
    if (stop === -1) {
      out += css.slice(index);
      break;
    }
    const prelude = css.slice(index, stop).trim();
    if (css[stop] !== '{') {
      // A statement such as `@charset`; a stray `}` is dropped like browsers drop it.
      if (prelude !== '' && css[stop] === ';') out += `${prelude};`;
      index = stop + 1;
      continue;
    }
    const close = matchingBrace(css, stop);
    const body = css.slice(stop + 1, close);
    out += transformRule(prelude, body, scope);
    index = close + 1;
  }
  return out;
}

function transformRule(prelude: string, body: string, scope: WxssScope): string {
  if (prelude.startsWith('@')) {
    const name = /^@([-a-z]+)/i.exec(prelude)?.[1]?.toLowerCase() ?? '';
    if (name === 'media' || name === 'supports' || name === 'document' || name === 'layer') {
      return `${rpxToPx(prelude)}{${transformBlocks(body, scope)}}`;
    }
    return `${prelude}{${rpxToPx(body)}}`;
  }
  const selectors = splitTopLevel(prelude, ',')
    .map((selector) => scopeSelector(selector.trim(), scope))
    .filter((selector) => selector !== '');
  if (selectors.length === 0) return '';
  return `${selectors.join(',')}{${rpxToPx(body)}}`;
}

const IDENT = /^-?[_a-zA-Z][-_a-zA-Z0-9]*/;

/** One piece of a selector, rewritten: the text to emit and how many characters it used. */
interface Piece {
  text: string;
  length: number;
}

/** Rewrites one complex selector: classes, type selectors, `page` and `:host`. */
export function scopeSelector(selector: string, scope: WxssScope): string {
  let out = '';
  let index = 0;
  // A type selector can only stand at the start of a compound selector.
  let compoundStart = true;
  while (index < selector.length) {
    const piece =
      specialPiece(selector, index, scope) ?? (compoundStart ? typePiece(selector, index, scope) : null);
    if (piece) {
      out += piece.text;
      index += piece.length;
      compoundStart = false;
      continue;
    }
    const char = selector[index] ?? '';
    out += char;
    compoundStart = /[\s>+~(,]/.test(char);
    index += 1;
  }
  return out;
}

/** A class, `:host`, a pseudo-class, an attribute selector or an id, or null. */
function specialPiece(selector: string, index: number, scope: WxssScope): Piece | null {
  const rest = selector.slice(index);
  const char = rest[0];
  if (char === '.') {
    const ident = IDENT.exec(rest.slice(1))?.[0];
    return ident ? { text: `.${scope.prefix}--${ident}`, length: 1 + ident.length } : null;
  }
  if (rest.startsWith(':host')) return hostPiece(selector, index, scope);
  if (char === ':') {
    // A pseudo-class or pseudo-element: its name is copied; an argument list is scanned on.
    const name = /^::?-?[_a-zA-Z][-_a-zA-Z0-9]*/.exec(rest)?.[0] ?? ':';
    return { text: name, length: name.length };
  }
  if (char === '[') {
    const close = rest.indexOf(']');
    const length = close === -1 ? rest.length : close + 1;
    return { text: rest.slice(0, length), length };
  }
  if (char === '#') {
    const ident = IDENT.exec(rest.slice(1))?.[0] ?? '';
    return { text: `#${ident}`, length: 1 + ident.length };
  }
  return null;
}

/** `:host` → the component's tag; `:host(.active)` qualifies the host itself. */
function hostPiece(selector: string, index: number, scope: WxssScope): Piece {
  const after = index + ':host'.length;
  if (selector[after] !== '(') return { text: scope.host, length: ':host'.length };
  const close = matchingParen(selector, after);
  return {
    text: scope.host + scopeSelector(selector.slice(after + 1, close), scope),
    length: close + 1 - index,
  };
}

function typePiece(selector: string, index: number, scope: WxssScope): Piece | null {
  const ident = IDENT.exec(selector.slice(index))?.[0];
  return ident ? { text: typeSelector(ident, scope), length: ident.length } : null;
}

function typeSelector(tag: string, scope: WxssScope): string {
  const lower = tag.toLowerCase();
  if (lower === 'page') return scope.page;
  if (BUILT_IN_TAGS.has(lower)) return `wx-${lower}`;
  return tag;
}

/** The index of the first of `chars` outside strings, parentheses and brackets, or -1. */
function findTopLevel(text: string, from: number, chars: string[]): number {
  let depth = 0;
  for (let index = from; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '"' || char === "'") {
      index = skipString(text, index);
      continue;
    }
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && chars.includes(char)) return index;
  }
  return -1;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = findTopLevel(text, from, [separator]);
    if (at === -1) {
      parts.push(text.slice(from));
      return parts;
    }
    parts.push(text.slice(from, at));
    from = at + 1;
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'") {
      index = skipString(text, index);
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return text.length;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return text.length;
}

function skipString(text: string, open: number): number {
  const quote = text[open];
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote) return index;
  }
  return text.length;
}
