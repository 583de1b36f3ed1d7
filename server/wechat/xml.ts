/**
 * WeChat's flat XML: `<xml>` holding elements of text or CDATA, some holding one more level of
 * them. Enough for the envelope and the events, with no dependency and nothing an XML library
 * would do unasked (entities from a DOCTYPE, attributes, namespaces): those are refused.
 */

/** A child of `<xml>`: its text, or its own text-only children. */
export type XmlValue = string | XmlFields;
export interface XmlFields {
  [name: string]: XmlValue;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const WHOLE_NAME = /^[A-Za-z_][\w.-]*$/;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// `<xml>` is depth 0, its children 1, theirs 2: the one level of nesting WeChat uses.
const MAX_DEPTH = 2;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text.charAt(this.pos))) this.pos += 1;
  }
  /** Moves past the next `end` and answers what came before it, or undefined when there is none. */
  until(end: string): string | undefined {
    const at = this.text.indexOf(end, this.pos);
    if (at < 0) return undefined;
    const found = this.text.slice(this.pos, at);
    this.pos = at + end.length;
    return found;
  }
}

function decodeText(raw: string): string | undefined {
  let bad = false;
  const decoded = raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (whole, ref: string | undefined) => {
    const code = ref?.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref?.slice(1) ?? '', 10);
    const value = ref?.startsWith('#')
      ? code <= 0x10ffff
        ? String.fromCodePoint(code)
        : undefined
      : ENTITIES[ref ?? ''];
    bad ||= value === undefined;
    return value ?? whole;
  });
  return bad ? undefined : decoded;
}

interface Content {
  text: string;
  children: XmlFields | undefined;
}

function childElement(cur: Cursor, depth: number, content: Content): boolean {
  if (depth >= MAX_DEPTH) return false;
  const child = element(cur, depth + 1);
  if (child === undefined) return false;
  // Null prototype: a `__proto__` element is a field like any other, never the object's prototype.
  const children = (content.children ??= Object.create(null) as XmlFields);
  // A repeated name would make "which one counts" a choice a sender could steer.
  if (Object.prototype.hasOwnProperty.call(children, child[0])) return false;
  children[child[0]] = child[1];
  return true;
}

function plainText(cur: Cursor, content: Content): boolean {
  const next = cur.text.indexOf('<', cur.pos);
  if (next < 0) return false; // ran off the end
  const decoded = decodeText(cur.text.slice(cur.pos, next));
  cur.pos = next;
  // WeChat's own samples put spaces around CDATA (`<MsgType>  <![CDATA[video]]>`).
  content.text += decoded?.trim() ?? '';
  return decoded !== undefined;
}

/** Reads one piece of an element's content; false when it is not WeChat's XML. */
function piece(cur: Cursor, depth: number, content: Content): boolean {
  if (cur.startsWith('<![CDATA[')) {
    cur.pos += '<![CDATA['.length;
    const data = cur.until(']]>');
    content.text += data ?? '';
    return data !== undefined;
  }
  if (cur.startsWith('<!--')) return cur.until('-->') !== undefined;
  if (cur.startsWith('<')) return childElement(cur, depth, content);
  return plainText(cur, content);
}

/** Reads `<name>…</name>` at the cursor, or answers undefined for anything WeChat does not send. */
function element(cur: Cursor, depth: number): [string, XmlValue] | undefined {
  const name = cur.startsWith('<') ? NAME.exec(cur.text.slice(cur.pos + 1))?.[0] : undefined;
  if (name === undefined) return undefined;
  cur.pos += 1 + name.length;
  if (cur.startsWith('/>')) {
    cur.pos += 2;
    return [name, ''];
  }
  if (!cur.startsWith('>')) return undefined; // attributes
  cur.pos += 1;
  const content: Content = { text: '', children: undefined };
  while (!cur.startsWith('</')) {
    if (cur.pos >= cur.text.length || !piece(cur, depth, content)) return undefined;
  }
  cur.pos += 2;
  if (cur.until('>')?.trim() !== name) return undefined;
  if (content.children === undefined) return [name, content.text];
  return content.text === '' ? [name, content.children] : undefined; // mixed content
}

/** The children of the root `<xml>`, or undefined when the text is not WeChat's flat XML. */
export function parseXml(text: string): XmlFields | undefined {
  const cur = new Cursor(text.replace(/^\uFEFF/, ''));
  cur.skipSpace();
  if (cur.startsWith('<?xml')) {
    if (cur.until('?>') === undefined) return undefined;
    cur.skipSpace();
  }
  // A DOCTYPE is how entity-expansion attacks begin; WeChat never sends one.
  if (!cur.startsWith('<xml>')) return undefined;
  const root = element(cur, 0);
  cur.skipSpace();
  if (root === undefined || cur.pos !== cur.text.length) return undefined;
  return typeof root[1] === 'string' ? (Object.create(null) as XmlFields) : root[1];
}

/** What the serializer takes: numbers go out bare, as WeChat writes CreateTime. */
export type XmlInput = Readonly<Record<string, string | number | Readonly<Record<string, string | number>>>>;

function leaf(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // `]]>` cannot sit inside CDATA; it is split across two sections.
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function tag(name: string, inner: string): string {
  // The emulator's names are code, not input; a bad one is a bug worth stopping at.
  if (!WHOLE_NAME.test(name)) throw new RangeError(`not an XML element name: ${name}`);
  return `<${name}>${inner}</${name}>`;
}

/** WeChat-style XML for the emulator: every string in CDATA, one level of nesting. */
export function toXml(fields: XmlInput): string {
  const body = Object.entries(fields).map(([name, value]) => {
    if (typeof value !== 'object') return tag(name, leaf(value));
    const inner = Object.entries(value).map(([child, v]) => tag(child, leaf(v)));
    return tag(name, inner.join(''));
  });
  return `<xml>${body.join('')}</xml>`;
}
