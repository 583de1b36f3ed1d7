/**
 * The boundary's form schema is derived from core's form tree (docs/architecture.md § The form
 * model). These tests hold it to the tree leaf by leaf, and to core's readForm: what the boundary
 * lets through, the checks read without a shape problem.
 */
import fc from 'fast-check';
import {
  FIELD_SPECS,
  LIST_SPECS,
  check,
  emptyForm,
  formTree,
  readPath,
  treeLeaves,
  writePath,
  type BlockNode,
  type FilingForm,
} from '@beian/core';
import type * as z from 'zod/mini';
import { formSchema } from '../../server/schemas/form';

/** Exact type equality. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compiles only while the schema parses to the contract's FilingForm, in both directions.
const parsesToFilingForm: Equal<z.output<typeof formSchema>, FilingForm> = true;

function without(form: FilingForm, pattern: string): unknown {
  const copy = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
  const keys = pattern.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    copy,
  );
  Reflect.deleteProperty(parent, last);
  return copy;
}

function blocks(node: BlockNode): BlockNode[] {
  return [
    node,
    ...Object.values(node.children).flatMap((child) => (child.node === 'block' ? blocks(child) : [])),
  ];
}

const SHAPE = /field\.invalid|too_long|too_many|section\.missing/;

describe('the boundary form schema', () => {
  it('parses an empty form to itself', () => {
    expect(parsesToFilingForm).toBe(true);
    expect(formSchema.parse(emptyForm())).toEqual(emptyForm());
  });

  it('asks for every leaf of the tree, except the defaulted ones', () => {
    for (const leaf of treeLeaves()) {
      if (leaf.pattern.includes('[]')) continue;
      const parsed = formSchema.safeParse(without(emptyForm(), leaf.pattern));
      if (leaf.spec.defaulted) expect([leaf.pattern, parsed.data]).toEqual([leaf.pattern, emptyForm()]);
      else
        expect([leaf.pattern, parsed.error?.issues[0]?.path.join('.')]).toEqual([leaf.pattern, leaf.pattern]);
    }
  });

  it('refuses an unknown key in every block of the tree', () => {
    for (const block of blocks(formTree())) {
      const form = emptyForm();
      const at = block.pattern === '' ? form : readPath(form, block.pattern);
      (at as Record<string, unknown>).x = 1;
      expect([block.pattern, formSchema.safeParse(form).success]).toEqual([block.pattern, false]);
    }
  });

  it('limits each list to LIST_SPECS’ count', () => {
    const max = LIST_SPECS['miniprogram.preApprovals']?.maxItems ?? 0;
    const form = emptyForm();
    form.miniprogram.preApprovals = Array.from({ length: max }, () => ({ type: null, code: '', media: '' }));
    expect(formSchema.safeParse(form).success).toBe(true);
    form.miniprogram.preApprovals.push({ type: null, code: '', media: '' });
    expect(formSchema.safeParse(form).error?.issues[0]?.path.join('.')).toBe('miniprogram.preApprovals');
  });

  it('lets through only forms core’s readForm reads without a shape problem', () => {
    const patterns = Object.keys(FIELD_SPECS).filter((pattern) => !pattern.includes('[]'));
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.string({ maxLength: 600 }),
      fc.array(fc.string({ maxLength: 600 }), { maxLength: 12 }),
      fc.array(fc.integer({ min: -1, max: 2_000_000 }), { maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...patterns), value), { maxLength: 3 }), (changes) => {
        const form = emptyForm();
        for (const [pattern, changed] of changes) writePath(form, pattern, changed);
        if (!formSchema.safeParse(form).success) return;
        const result = check({ kind: 'new', cancelScope: null, form }, { today: '2026-01-05' });
        expect(result.errors.filter((issue) => SHAPE.test(issue.code))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
