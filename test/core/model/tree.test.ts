/**
 * The form tree is the one description of the form's shape (docs/architecture.md § The form
 * model): emptyForm() and EMPTY_ITEMS give the shape, FIELD_SPECS and LIST_SPECS each leaf and
 * list. These tests fail when the four disagree, or when a copy of the form reappears elsewhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPTY_ITEMS,
  FIELD_SPECS,
  LIST_SPECS,
  check,
  emptyForm,
  formTree,
  treeLeaves,
  treeLists,
  type FormListPattern,
} from '@beian/core';

/** Every leaf pattern of a value, walking into one empty item of each list of objects. */
function leafPatterns(value: unknown, pattern: string): string[] {
  if (Array.isArray(value)) {
    const item = (EMPTY_ITEMS as Record<string, (() => object) | undefined>)[pattern];
    return item ? leafPatterns(item(), `${pattern}[]`) : [pattern];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPatterns(child, pattern === '' ? key : `${pattern}.${key}`),
    );
  }
  return [pattern];
}

describe('the form tree', () => {
  it('has one leaf per FIELD_SPECS entry, in emptyForm() order, and nothing else', () => {
    const leaves = treeLeaves().map((leaf) => leaf.pattern);
    expect(leaves).toEqual(leafPatterns(emptyForm(), ''));
    expect([...leaves].sort()).toEqual(Object.keys(FIELD_SPECS).sort());
  });

  it('has one list per LIST_SPECS entry, each with an empty item to walk', () => {
    const lists = treeLists().map((list) => list.pattern);
    expect([...lists].sort()).toEqual(Object.keys(LIST_SPECS).sort());
    expect(Object.keys(EMPTY_ITEMS).sort()).toEqual([...lists].sort());
    for (const list of treeLists()) {
      expect(list.spec).toBe(LIST_SPECS[list.pattern]);
      expect(Object.keys(list.item.children)).toEqual(
        Object.keys(EMPTY_ITEMS[list.pattern as FormListPattern]()),
      );
    }
  });

  it('holds emptyForm()’s value at each leaf, and is built once', () => {
    const form = emptyForm();
    for (const leaf of treeLeaves()) {
      if (leaf.pattern.includes('[]')) continue;
      const value = leaf.pattern
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], form);
      expect([leaf.pattern, leaf.empty]).toEqual([leaf.pattern, value]);
    }
    expect(formTree()).toBe(formTree());
  });

  it('gives readForm nothing to report on an empty form', () => {
    const result = check({ kind: 'new', cancelScope: null, form: emptyForm() }, { today: '2026-01-05' });
    const shape = result.errors.filter((issue) =>
      /field\.invalid|too_long|too_many|section\.missing/.test(issue.code),
    );
    expect(shape).toEqual([]);
  });
});

const ROOT = join(__dirname, '..', '..', '..');
const SKIP = /(^|\/)(miniprogram_npm|node_modules|dist)(\/|$)/;

function sourceFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.test(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [{ path, text: readFileSync(join(ROOT, path), 'utf8') }] : [];
  });
}

describe('the form is described once', () => {
  const server = sourceFiles('server');

  it('leaves the boundary schema without a field path of its own', () => {
    // The schema is derived from the tree: a spec pattern written in server/schemas is a copy.
    const patterns = Object.keys(FIELD_SPECS).filter((pattern) => pattern.includes('.'));
    const copies = server
      .filter((file) => file.path.startsWith('server/schemas/'))
      .flatMap((file) =>
        patterns.filter((p) => file.text.includes(`'${p}'`)).map((p) => `${file.path}: ${p}`),
      );
    expect(copies).toEqual([]);
  });

  it('writes list limits only in LIST_SPECS and FIELD_SPECS', () => {
    const limits = new Set(Object.values(LIST_SPECS).map((list) => list.maxItems));
    const literal = /(?:maxItems:\s*|maxLength\()(\d+)/g;
    const copies = [...sourceFiles('core/src'), ...server]
      .filter((file) => file.path !== 'core/src/model/fields.ts')
      .flatMap((file) =>
        [...file.text.matchAll(literal)]
          .filter((match) => limits.has(Number(match[1])))
          .map((match) => `${file.path}: ${match[0]}`),
      );
    expect(copies).toEqual([]);
  });

  it('builds the boundary’s enumerations from core’s value lists', () => {
    // z.enum(['a', 'b']) in the server is a copy of a core type's values.
    const copies = server.flatMap((file) =>
      [...file.text.matchAll(/z\.enum\(\s*\[\s*'/g)].map((match) => `${file.path}: ${match[0]}`),
    );
    expect(copies).toEqual([]);
  });
});
