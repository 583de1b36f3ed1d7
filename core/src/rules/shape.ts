/**
 * Reads anything (a form from storage, a patch gone wrong, arbitrary JSON) into a complete, typed
 * FilingForm, so the rules never meet a missing property or a wrong type. What does not fit is
 * reported at its path instead of thrown:
 * - a block (section, certificate, region …) that is missing or not an object → `section.missing`;
 * - a leaf of the wrong type → `field.invalid`; a string over its storage bound → `text.too_long`;
 * - a list longer than allowed → `<list>.too_many`.
 * A missing leaf reads as empty: the rules then say what to fill in.
 *
 * The walk follows the form tree (core/src/model/tree.ts: emptyForm() for the shape, FIELD_SPECS
 * and LIST_SPECS for each leaf and list), the same tree the server builds its boundary schema from,
 * so what the boundary lets through is what the checks read.
 */
import { fieldLabel } from '../model/paths';
import type { FieldSpec } from '../model/specs';
import { formTree, type BlockNode, type LeafNode, type ListNode } from '../model/tree';
import type { FilingForm } from '../model/form';
import type { Findings } from './findings';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(source: Plain, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
}

/** A leaf's empty value, fresh: an empty list must not be shared between forms. */
function emptyOf(leaf: LeafNode): unknown {
  return Array.isArray(leaf.empty) ? [] : leaf.empty;
}

const TOO_MANY_CODES: Readonly<Record<string, string>> = {
  'miniprogram.serviceTypes': 'service_types.too_many',
  'miniprogram.preApprovals': 'pre_approval.too_many',
};

class FormReader {
  constructor(private readonly findings: Findings) {}

  private invalid(path: string, label: string): void {
    this.findings.error(path, 'field.invalid', `${label}格式不正确，请重新填写`);
  }

  private tooMany(path: string, label: string, max: number, count: number): void {
    const code =
      TOO_MANY_CODES[path] ?? (path.startsWith('materials.') ? 'materials.too_many' : 'list.too_many');
    this.findings.error(path, code, `${label}最多${max}项，当前${count}项，请删减`);
  }

  block(tree: BlockNode, source: Plain, path: string): Plain {
    const out: Plain = {};
    for (const key of Object.keys(tree.children)) {
      const child = tree.children[key];
      if (!child) continue;
      const childPath = path === '' ? key : `${path}.${key}`;
      const value = own(source, key);
      if (child.node === 'block') {
        if (isPlain(value)) out[key] = this.block(child, value, childPath);
        else {
          const label = fieldLabel(childPath);
          this.findings.brokenBlock(
            childPath,
            value === undefined ? `缺少${label}，请重新填写` : `${label}格式不正确，请重新填写`,
          );
          out[key] = this.block(child, {}, childPath);
        }
      } else if (child.node === 'list') out[key] = this.objectList(child, value, childPath);
      else out[key] = this.leaf(child.spec, value, childPath, emptyOf(child));
    }
    return out;
  }

  private objectList(list: ListNode, value: unknown, path: string): Plain[] {
    const { spec } = list;
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.invalid(path, spec.label);
      return [];
    }
    if (value.length > spec.maxItems) this.tooMany(path, spec.label, spec.maxItems, value.length);
    const items: Plain[] = [];
    // Only the allowed number of items is read: arbitrary input must not make a check slow.
    value.slice(0, spec.maxItems).forEach((item: unknown, index) => {
      const itemPath = `${path}.${index}`;
      if (!isPlain(item)) this.invalid(itemPath, fieldLabel(itemPath));
      items.push(this.block(list.item, isPlain(item) ? item : {}, itemPath));
    });
    return items;
  }

  private leaf(spec: FieldSpec, value: unknown, path: string, fallback: unknown): unknown {
    if (value === undefined) return fallback;
    switch (spec.kind) {
      case 'boolean':
        if (typeof value === 'boolean') return value;
        break;
      case 'number':
      case 'enum':
        if (value === null || (typeof value === 'number' && Number.isInteger(value))) return value;
        break;
      case 'files':
      case 'numbers':
        return this.valueList(spec, value, path);
      default:
        if (typeof value === 'string' && (!spec.values || spec.values.includes(value))) {
          this.checkLength(spec, value, path);
          return value;
        }
    }
    this.invalid(path, spec.label);
    return fallback;
  }

  private checkLength(spec: FieldSpec, value: string, path: string): void {
    if (spec.maxLength !== undefined && value.length > spec.maxLength) {
      this.findings.error(
        path,
        'text.too_long',
        `${spec.label}不能超过${spec.maxLength}个字，当前${value.length}个，请精简`,
      );
    }
  }

  private valueList(spec: FieldSpec, value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) {
      this.invalid(path, spec.label);
      return [];
    }
    const max = spec.maxItems ?? 0;
    if (value.length > max) this.tooMany(path, spec.label, max, value.length);
    const wanted = spec.kind === 'files' ? 'string' : 'number';
    const kept: unknown[] = [];
    for (const item of value.slice(0, max)) {
      const fits = wanted === 'string' ? typeof item === 'string' : Number.isInteger(item);
      if (!fits) {
        this.invalid(path, spec.label);
        continue;
      }
      if (typeof item === 'string') this.checkLength(spec, item, path);
      kept.push(item);
    }
    return kept;
  }
}

/** A complete FilingForm read from anything; problems go to `findings`. */
export function readForm(input: unknown, findings: Findings): FilingForm {
  const read = new FormReader(findings).block(formTree(), isPlain(input) ? input : {}, '');
  // The walk copied the tree's shape (emptyForm()'s), leaf by leaf with the spec's type, so this is a FilingForm.
  return read as unknown as FilingForm;
}
