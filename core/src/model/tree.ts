/**
 * The form as a tree of blocks, lists and leaves, walked once from emptyForm() (the shape, in the
 * order WeChat's sections list the fields), EMPTY_ITEMS (the shape of a list's item) and
 * FIELD_SPECS / LIST_SPECS (how each leaf is stored, how long each list may be). It is the one
 * description both readers of untrusted forms follow: core's readForm (core/src/rules/shape.ts) and the
 * server's boundary schema, so they cannot disagree about a field (docs/architecture.md § The form model).
 */
import { EMPTY_ITEMS, emptyForm } from './empty';
import { FIELD_SPECS, LIST_SPECS } from './fields';
import type { FieldSpec, ListSpec } from './specs';

export interface LeafNode {
  node: 'leaf';
  /** The spec pattern: `miniprogram.preApprovals[].code`. */
  pattern: string;
  spec: FieldSpec;
  /** emptyForm()'s value: '', null, false or [] (copy arrays before handing them out). */
  empty: unknown;
}

export interface ListNode {
  node: 'list';
  pattern: string;
  spec: ListSpec;
  item: BlockNode;
}

export interface BlockNode {
  node: 'block';
  pattern: string;
  /** In emptyForm()'s key order, which is the order issues are reported in. */
  children: Readonly<Record<string, FormNode>>;
}

export type FormNode = LeafNode | ListNode | BlockNode;

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function childPattern(pattern: string, key: string): string {
  return pattern === '' ? key : `${pattern}.${key}`;
}

function node(value: unknown, pattern: string): FormNode {
  if (isPlain(value)) return block(value, pattern);
  const list = own(LIST_SPECS, pattern);
  const item = own<() => object>(EMPTY_ITEMS, pattern);
  if (list && item)
    return { node: 'list', pattern, spec: list, item: block(item() as Plain, `${pattern}[]`) };
  const spec = own(FIELD_SPECS, pattern);
  // FormFieldSpecs makes this unreachable for a FilingForm; the message names the path if it is not.
  if (!spec) throw new Error(`form tree: ${pattern} has no field spec`);
  return { node: 'leaf', pattern, spec, empty: value };
}

function block(template: Plain, pattern: string): BlockNode {
  const children: Record<string, FormNode> = {};
  for (const key of Object.keys(template)) children[key] = node(template[key], childPattern(pattern, key));
  return { node: 'block', pattern, children };
}

let tree: BlockNode | null = null;

/** The whole form's tree, built on first use (a cold start that never reads a form skips it). */
export function formTree(): BlockNode {
  tree ??= block(emptyForm() as unknown as Plain, '');
  return tree;
}

/** Every leaf of the tree, in form order. */
export function treeLeaves(from: FormNode = formTree()): LeafNode[] {
  if (from.node === 'leaf') return [from];
  if (from.node === 'list') return treeLeaves(from.item);
  return Object.keys(from.children).flatMap((key) => {
    const child = from.children[key];
    return child ? treeLeaves(child) : [];
  });
}

/** Every list of the tree, in form order. */
export function treeLists(from: FormNode = formTree()): ListNode[] {
  if (from.node === 'leaf') return [];
  if (from.node === 'list') return [from, ...treeLists(from.item)];
  return Object.keys(from.children).flatMap((key) => {
    const child = from.children[key];
    return child ? treeLists(child) : [];
  });
}
