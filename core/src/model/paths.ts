/**
 * Form paths, the one way: a path such as `miniprogram.preApprovals.0.code` names a place in the
 * form, a pattern such as `miniprogram.preApprovals[].code` names a field spec (every item of a
 * list). Pages, the saver, the reviewer's view, the server's patches and its file checks all read
 * and write the form through these helpers, so a path means the same thing everywhere
 * (docs/architecture.md § Form paths).
 *
 * Reads and writes follow own properties only: `__proto__`, `constructor` and the like are never
 * a place in the form.
 */

import { FIELD_SPECS, LIST_SPECS } from './fields';
import type { FormSection } from './form';
import type { FieldSpec } from './specs';

const INDEX = /^\d+$/;

/** The longest path the form has room for, with margin: longer input is refused, not parsed. */
export const MAX_PATH_LENGTH = 120;

/** A key, or an index of at most three digits without leading zeros: what a sent path is made of. */
const SENT_SEGMENT = /^(?:[A-Za-z][A-Za-z0-9]{0,40}|0|[1-9]\d{0,2})$/;

/**
 * Whether a path sent from outside (a patch key) is written in the form's dotted notation: keys
 * and indexes only, `MAX_PATH_LENGTH` at most. Whether it names anything is writePath's question.
 */
export function isDottedPath(path: string): boolean {
  return path.length <= MAX_PATH_LENGTH && path.split('.').every((segment) => SENT_SEGMENT.test(segment));
}

/** Whether a segment addresses a list item. */
export function isIndexSegment(segment: string): boolean {
  return INDEX.test(segment);
}

/** `miniprogram.preApprovals[0].code` and `miniprogram.preApprovals.0.code` alike → segments. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
}

/** The form's own notation: `miniprogram.preApprovals[0].code` → `miniprogram.preApprovals.0.code`. */
export function normalizePath(path: string): string {
  return pathSegments(path).join('.');
}

/**
 * The path cut before its first list index: `miniprogram.preApprovals.1.code` →
 * `miniprogram.preApprovals` (the whole list); a path into no list is itself, normalized.
 */
export function outsideLists(path: string): string {
  const segments = pathSegments(path);
  const firstIndex = segments.findIndex(isIndexSegment);
  return (firstIndex === -1 ? segments : segments.slice(0, firstIndex)).join('.');
}

/** The spec pattern of a concrete path: `miniprogram.preApprovals.0.code` → `miniprogram.preApprovals[].code`. */
export function pathPattern(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[]');
}

/** `path` is `ancestor` itself or lies below it (`subject.principal.mobile` within `subject`). */
export function isWithinPath(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

function child(node: unknown, segment: string): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  return Object.prototype.hasOwnProperty.call(node, segment)
    ? (node as Record<string, unknown>)[segment]
    : undefined;
}

/** The value at a path (either notation), or undefined when the path does not exist. */
export function readPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of pathSegments(path)) node = child(node, segment);
  return node;
}

/** Why a write could not happen: no such key, or no such item of a list. */
export type WriteRefusal = 'missing' | 'no_item';

/**
 * Sets `value` at `path` in place. Every step must already exist — a write changes values, never
 * adds keys — except that a list may grow by one item at its end. Answers null when written.
 */
export function writePath(root: unknown, path: string, value: unknown): WriteRefusal | null {
  const segments = pathSegments(path);
  let parent: unknown = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (Array.isArray(parent)) {
      const index = isIndexSegment(segment) ? Number(segment) : Number.NaN;
      if (!(last ? index <= parent.length : index < parent.length)) return 'no_item';
      if (last) parent[index] = value;
      else parent = parent[index];
    } else if (
      typeof parent === 'object' &&
      parent !== null &&
      Object.prototype.hasOwnProperty.call(parent, segment)
    ) {
      const record = parent as Record<string, unknown>;
      if (last) record[segment] = value;
      else parent = record[segment];
    } else {
      return 'missing';
    }
  }
  return segments.length === 0 ? 'missing' : null;
}

/**
 * The concrete paths and values of a spec pattern: one per item the form has for each `[]`
 * (`miniprogram.preApprovals[].code` → `miniprogram.preApprovals.0.code`, …).
 */
export function expandPattern(root: unknown, pattern: string): [string, unknown][] {
  let found: [string, unknown][] = [['', root]];
  for (const segment of pattern.split('.')) {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    found = found.flatMap(([path, value]): [string, unknown][] => {
      const at = path === '' ? key : `${path}.${key}`;
      const next = child(value, key);
      if (!list) return [[at, next]];
      return Array.isArray(next) ? next.map((item, i): [string, unknown] => [`${at}.${i}`, item]) : [];
    });
  }
  return found;
}

/**
 * The concrete paths of a spec pattern, as `expandPattern` finds them; with `atLeastOne`, an empty
 * list still yields its first item's path, so a reviewer can point at an item that is missing.
 * Patterns with one list level at most (the form has no deeper lists).
 */
export function concretePaths(root: unknown, pattern: string, atLeastOne = false): string[] {
  const at = pattern.indexOf('[]');
  if (at < 0) return [pattern];
  const paths = expandPattern(root, pattern.slice(0, at + 2)).map(([path]) => path);
  if (paths.length === 0 && atLeastOne) paths.push(`${pattern.slice(0, at)}.0`);
  const rest = pattern.slice(at + 2);
  return paths.map((path) => `${path}${rest}`);
}

/** setData's notation for a path under `prefix`: `form.miniprogram.preApprovals[0].code`. */
export function setDataPath(prefix: string, path: string): string {
  return `${prefix}${pathSegments(path)
    .map((segment) => (isIndexSegment(segment) ? `[${segment}]` : `.${segment}`))
    .join('')}`;
}

// What a path names: its spec, label and form step (FIELD_SPECS, LIST_SPECS and the group labels).

/** Labels of the objects that group leaves, for rejection reasons aimed at a whole block. */
const GROUP_LABELS: Readonly<Record<string, { label: string; section: FormSection }>> = {
  subject: { label: '主体信息', section: 'subject' },
  'subject.region': { label: '主办单位所在地区', section: 'subject' },
  'subject.certificate': { label: '主办单位证件', section: 'subject' },
  'subject.legalPerson': { label: '法定代表人', section: 'subjectPrincipal' },
  'subject.principal': { label: '主体负责人', section: 'subjectPrincipal' },
  'subject.principal.certificate': { label: '主体负责人证件', section: 'subjectPrincipal' },
  miniprogram: { label: '小程序信息', section: 'miniprogram' },
  'miniprogram.principal': { label: '小程序负责人', section: 'miniprogramPrincipal' },
  'miniprogram.principal.certificate': { label: '小程序负责人证件', section: 'miniprogramPrincipal' },
  'miniprogram.principal.faceVerification': {
    label: '小程序负责人人脸核身',
    section: 'miniprogramPrincipal',
  },
  materials: { label: '其他材料', section: 'materials' },
};

/** A record read that ignores inherited properties (`constructor`, `__proto__` are not paths). */
function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

interface Resolved {
  label: string;
  section: FormSection;
  /** 1-based item number when the path points into a list, for `（第2项）`. */
  item: number | null;
}

/** An index a label may name: no leading zeros, and far fewer digits than any list could need. */
const LABELLED_INDEX = /^(0|[1-9]\d{0,3})$/;

/** Where an index is allowed, and how many items the list may hold. */
function listLimit(pattern: string): number | undefined {
  const list = lookup(LIST_SPECS, pattern);
  if (list) return list.maxItems;
  const spec = lookup(FIELD_SPECS, pattern);
  return spec && (spec.kind === 'files' || spec.kind === 'numbers') ? spec.maxItems : undefined;
}

function describe(pattern: string): { label: string; section: FormSection } | undefined {
  const spec = lookup(FIELD_SPECS, pattern) ?? lookup(LIST_SPECS, pattern) ?? lookup(GROUP_LABELS, pattern);
  if (spec) return spec;
  // An element of a list: `miniprogram.preApprovals[]`, `materials.commitmentLetter[]`.
  if (pattern.endsWith('[]')) {
    const list = pattern.slice(0, -2);
    return lookup(LIST_SPECS, list) ?? lookup(FIELD_SPECS, list);
  }
  return undefined;
}

function resolve(path: unknown): Resolved | undefined {
  if (typeof path !== 'string' || path === '' || path.length > MAX_PATH_LENGTH) return undefined;
  let pattern = '';
  let item: number | null = null;
  for (const segment of path.split('.')) {
    if (LABELLED_INDEX.test(segment)) {
      const limit = listLimit(pattern);
      const index = Number(segment);
      if (limit === undefined || index >= limit || item !== null) return undefined;
      item = index + 1;
      pattern += '[]';
    } else {
      pattern = pattern === '' ? segment : `${pattern}.${segment}`;
    }
  }
  const found = describe(pattern);
  return found ? { ...found, item } : undefined;
}

/** The spec of a leaf, by its pattern (`miniprogram.preApprovals[].code`) or a concrete path. */
export function fieldSpec(path: string): FieldSpec | undefined {
  return lookup(FIELD_SPECS, path) ?? lookup(FIELD_SPECS, pathPattern(path));
}

/**
 * The Chinese name of a concrete path: `主体负责人手机号码`, `前置审批号（第1项）`, `主体负责人` for a
 * block. '' for anything that is not a path of the form.
 */
export function fieldLabel(path: string): string {
  const resolved = resolve(path);
  if (!resolved) return '';
  return resolved.item === null ? resolved.label : `${resolved.label}（第${resolved.item}项）`;
}

/** Whether `path` names a leaf, a block, a list or a list item of the form (indexes within bounds). */
export function isFormPath(path: unknown): path is string {
  return resolve(path) !== undefined;
}

/** The form step a path belongs to, or null for paths outside the form (e.g. `kind`). */
export function sectionOf(path: string): FormSection | null {
  return resolve(path)?.section ?? null;
}
