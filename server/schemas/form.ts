/**
 * The filing form at the boundary, derived from core's form tree (emptyForm() for the shape,
 * FIELD_SPECS for each leaf, LIST_SPECS for each list: docs/architecture.md § The form model), so
 * a field added in core is parsed here with nothing to write. No bound is written here either:
 * storage bounds are the specs', the filing rules core's `check`.
 *
 * Why the result may be typed FilingForm: FIELD_SPECS satisfies FormFieldSpecs (each leaf's kind
 * stores the leaf's type), and each kind's schema below outputs exactly `KindValues[kind]` (the
 * `LEAF_OUTPUTS` check), so the tree's schema parses to the contract's FilingForm.
 */
import {
  expandPattern,
  FIELD_SPECS,
  formTree,
  type FieldKind,
  type FieldSpec,
  type FilingForm,
  type FormNode,
  type KindValues,
} from '@beian/core';
import * as z from 'zod/mini';

const DEFAULT_MAX_LENGTH = 200;
const DEFAULT_MAX_ITEMS = 10;
const MAX_ID = 1_000_000;

const string = (spec: FieldSpec) => z.string().check(z.maxLength(spec.maxLength ?? DEFAULT_MAX_LENGTH));
const id = () => z.number().check(z.int(), z.minimum(0), z.maximum(MAX_ID));

function text(spec: FieldSpec) {
  const [first, ...rest] = spec.values ?? [];
  // A spec that lists its values (the face-verification method) is an enum of exactly those.
  return first === undefined ? string(spec) : z.enum([first, ...rest]);
}

/** One schema per kind of leaf, each outputting the kind's value (checked below). */
const LEAVES = {
  text,
  date: string,
  file: string,
  number: () => z.nullable(id()),
  enum: () => z.nullable(id()),
  boolean: () => z.boolean(),
  files: (spec: FieldSpec) => z.array(string(spec)).check(z.maxLength(spec.maxItems ?? DEFAULT_MAX_ITEMS)),
  numbers: (spec: FieldSpec) => z.array(id()).check(z.maxLength(spec.maxItems ?? DEFAULT_MAX_ITEMS)),
} satisfies { [K in FieldKind]: (spec: FieldSpec) => z.ZodMiniType };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only while each kind's schema outputs exactly the value core says the kind stores. */
const LEAF_OUTPUTS: { [K in FieldKind]: Same<z.output<ReturnType<(typeof LEAVES)[K]>>, KindValues[K]> } = {
  text: true,
  date: true,
  file: true,
  number: true,
  enum: true,
  boolean: true,
  files: true,
  numbers: true,
};
void LEAF_OUTPUTS;

/** The paths the schema covers, collected as it is built. */
const covered = new Set<string>();

function schemaOf(node: FormNode): z.ZodMiniType {
  if (node.node === 'list') return z.array(schemaOf(node.item)).check(z.maxLength(node.spec.maxItems));
  if (node.node === 'block') {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const [key, child] of Object.entries(node.children)) shape[key] = schemaOf(child);
    return z.strictObject(shape);
  }
  covered.add(node.pattern);
  const leaf: z.ZodMiniType = LEAVES[node.spec.kind](node.spec);
  // Defaulted to emptyForm()'s value: a form saved before the field existed, sent back whole, still fits.
  return node.spec.defaulted ? z._default(leaf, node.empty) : leaf;
}

let built: z.ZodMiniType<FilingForm> | null = null;

function buildForm(): z.ZodMiniType<FilingForm> {
  // The tree's output is FilingForm: see the comment at the top.
  built ??= schemaOf(formTree()) as z.ZodMiniType<FilingForm>;
  return built;
}

/**
 * Built on its first parse: about a hundred schemas that only draft.save and filing.submit use
 * were a measurable part of every cold start (docs/benchmarks.md § Cold start). `z.lazy` parses
 * exactly as the schema it wraps.
 */
export const formSchema: z.ZodMiniType<FilingForm> = z.lazy(buildForm);

function paths(): ReadonlySet<string> {
  buildForm();
  return covered;
}

/** The paths the schema covers (reading them builds it); a test holds them equal to FIELD_SPECS' keys. */
export const SCHEMA_PATHS: ReadonlySet<string> = {
  get size() {
    return paths().size;
  },
  has: (path) => paths().has(path),
  forEach: (each, self) => paths().forEach(each, self),
  entries: () => paths().entries(),
  keys: () => paths().keys(),
  values: () => paths().values(),
  [Symbol.iterator]: () => paths().values(),
};

/** Every file id in a form with its concrete path (`miniprogram.preApprovals.0.media`). */
export function fileLeaves(form: FilingForm): { path: string; fileId: string }[] {
  const found: { path: string; fileId: string }[] = [];
  for (const [pattern, spec] of Object.entries(FIELD_SPECS)) {
    if (spec.kind !== 'file' && spec.kind !== 'files') continue;
    for (const [path, value] of expandPattern(form, pattern)) {
      if (typeof value === 'string') found.push({ path, fileId: value });
      if (Array.isArray(value))
        value.forEach((id, i) => found.push({ path: `${path}.${i}`, fileId: String(id) }));
    }
  }
  return found.filter((leaf) => leaf.fileId !== '');
}
