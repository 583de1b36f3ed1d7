/**
 * What a field spec is, and the types that hold FIELD_SPECS and LIST_SPECS to the FilingForm type
 * in both directions: every leaf of the form has a spec of a kind that stores its type, and every
 * spec names a leaf (docs/architecture.md § The form model). Types only: nothing here runs.
 */
import type { FilingForm, FormSection } from './form';

/**
 * How a value is stored:
 * - `text`: a string ('' when empty) of at most `maxLength` characters; `values`, when set, lists
 *   the only strings allowed.
 * - `number`: a whole number or null (no field uses it today).
 * - `boolean`.
 * - `date`: '' or `YYYY-MM-DD`; an end of validity may also be `长期`.
 * - `file`: one cloud file id, '' when missing.
 * - `files`: cloud file ids, at most `maxItems`.
 * - `numbers`: integer ids, at most `maxItems`.
 * - `enum`: one id of a WeChat enumeration (`enumeration` names it), or null until chosen.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'file' | 'files' | 'numbers' | 'enum';

/** The value each kind stores: the boundary schema's leaf for a kind parses exactly this. */
export interface KindValues {
  text: string;
  number: number | null;
  boolean: boolean;
  date: string;
  file: string;
  files: string[];
  numbers: number[];
  enum: number | null;
}

export type Enumeration = 'subjectType' | 'certificateType' | 'preApprovalType';

export interface FieldSpec {
  label: string;
  section: FormSection;
  kind: FieldKind;
  maxLength?: number;
  maxItems?: number;
  values?: readonly string[];
  enumeration?: Enumeration;
  /**
   * Added after forms were first stored: a whole form sent without it still fits, and it reads as
   * emptyForm()'s value.
   */
  defaulted?: true;
}

/** A list of objects in the form (not a leaf): its items are addressed by index. */
export interface ListSpec {
  label: string;
  section: FormSection;
  maxItems: number;
}

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/**
 * `[pattern, value type]` of every leaf below T. A list of objects is walked into as `key[]`; a
 * list of strings or numbers is a leaf (`files`, `numbers`).
 */
export type LeafEntries<T, P extends string = ''> = {
  [K in keyof T & string]-?: T[K] extends readonly (infer I)[]
    ? [I] extends [object]
      ? LeafEntries<I, `${Join<P, K>}[]`>
      : [Join<P, K>, T[K]]
    : [T[K]] extends [object]
      ? LeafEntries<T[K], Join<P, K>>
      : [Join<P, K>, T[K]];
}[keyof T & string];

/** The patterns of the lists of objects below T (`miniprogram.preApprovals`). */
export type ListPatterns<T, P extends string = ''> = {
  [K in keyof T & string]-?: T[K] extends readonly (infer I)[]
    ? [I] extends [object]
      ? Join<P, K> | ListPatterns<I, `${Join<P, K>}[]`>
      : never
    : [T[K]] extends [object]
      ? ListPatterns<T[K], Join<P, K>>
      : never;
}[keyof T & string];

/** Every leaf pattern of the form: `subject.name`, `miniprogram.preApprovals[].code`, … */
export type FormLeafPattern = LeafEntries<FilingForm>[0];

/** Every list of objects in the form. */
export type FormListPattern = ListPatterns<FilingForm>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type KindsStoring<V> = { [K in FieldKind]: Same<KindValues[K], V> extends true ? K : never }[FieldKind];

/** The kinds that store V. A union of string literals is a `text` with `values`. */
export type KindOf<V> = [V] extends [string]
  ? string extends V
    ? KindsStoring<string>
    : 'text'
  : KindsStoring<V>;

/** A spec that stores V: its kind's value is V, and a literal union lists exactly its values. */
export type SpecFor<V> = FieldSpec & { kind: KindOf<V> } & ([V] extends [string]
    ? string extends V
      ? unknown
      : { values: readonly V[] }
    : unknown);

/** FIELD_SPECS as the form's type requires it: one spec per leaf, none for anything else. */
export type FormFieldSpecs = { readonly [E in LeafEntries<FilingForm> as E[0]]: SpecFor<E[1]> };

/** LIST_SPECS as the form's type requires it: one spec per list of objects. */
export type FormListSpecs = { readonly [P in FormListPattern]: ListSpec };
