/**
 * Where the rules put what they find, and the policy that turns findings into a CheckResult a
 * filer can act on:
 * - one error per field (the first found: format before cross-field), fix it and the next shows;
 * - no warning on a field that already has an error, and no warning twice;
 * - nothing below a block that is itself missing or malformed (that block's error says it all);
 * - issues in form order, so "go to the first problem" goes to the earliest field.
 */
import type { TableLookup } from '../data/lookup';
import type { ChannelKind, FilingKind } from '../model/application';
import type { FilingForm } from '../model/form';
import { FIELD_SPECS, FORM_SECTIONS, LIST_SPECS } from '../model/fields';
import { sectionOf } from '../model/paths';
import type { CheckResult, Issue } from '../result';

export class Findings {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  /** Blocks reported missing or malformed: issues below them are noise. */
  readonly broken = new Set<string>();

  error(path: string, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }

  warn(path: string, code: string, message: string): void {
    this.warnings.push({ path, code, message });
  }

  /** A block that is not an object: one error here, nothing below it. */
  brokenBlock(path: string, message: string): void {
    this.broken.add(path);
    this.error(path, 'section.missing', message);
  }
}

/** What every rule sees. `today` is null when the caller passed no valid date (date rules skip). */
export interface RuleContext {
  kind: FilingKind;
  form: FilingForm;
  today: string | null;
  /** WeChat's enumerations and district tree, as given to the check (BUILT_IN_TABLES otherwise). */
  tables: TableLookup;
  findings: Findings;
  /** The submission's channel: `wechat` leaves face verification to WeChat's task. */
  channel: ChannelKind;
}

// Form order: each spec pattern's position, a list just before its items' fields.
const ORDER = new Map<string, number>();
for (const pattern of Object.keys(FIELD_SPECS)) {
  const list = pattern.includes('[]') ? pattern.slice(0, pattern.indexOf('[]')) : '';
  if (list !== '' && LIST_SPECS[list] && !ORDER.has(list)) ORDER.set(list, ORDER.size);
  ORDER.set(pattern, ORDER.size);
}

/** [section, field or list, item, field within the item]. */
function sortKey(path: string): number[] {
  const section = sectionOf(path);
  const sectionIndex = section === null ? -1 : FORM_SECTIONS.indexOf(section);
  const pattern = path.replace(/\.(\d+)(?=\.|$)/g, '[]');
  const item = /^(.*?)\.(\d+)(?=\.|$)/.exec(path);
  if (!item?.[1]) return [sectionIndex, ORDER.get(pattern) ?? -1, -1, -1];
  return [sectionIndex, ORDER.get(item[1]) ?? -1, Number(item[2]), ORDER.get(pattern) ?? -1];
}

function byFormOrder(a: Issue, b: Issue): number {
  const ka = sortKey(a.path);
  const kb = sortKey(b.path);
  for (let i = 0; i < ka.length; i += 1) {
    const difference = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function under(path: string, broken: ReadonlySet<string>): boolean {
  for (const block of broken) if (path.startsWith(`${block}.`)) return true;
  return false;
}

/** Applies the policy above. */
export function settle(findings: Findings): CheckResult {
  const errors: Issue[] = [];
  const errorPaths = new Set<string>();
  for (const issue of findings.errors) {
    if (errorPaths.has(issue.path) || under(issue.path, findings.broken)) continue;
    errorPaths.add(issue.path);
    errors.push(issue);
  }
  const warnings: Issue[] = [];
  const seen = new Set<string>();
  for (const issue of findings.warnings) {
    const key = `${issue.path}\n${issue.code}\n${issue.message}`;
    if (errorPaths.has(issue.path) || seen.has(key) || under(issue.path, findings.broken)) continue;
    seen.add(key);
    warnings.push(issue);
  }
  return { errors: errors.sort(byFormOrder), warnings: warnings.sort(byFormOrder) };
}
