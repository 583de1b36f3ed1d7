/**
 * The checks a filer sees before submitting, the same on the client (every keystroke, every blur,
 * every step) and on the server (every save and submit): errors block submission, warnings predict
 * a likely rejection. No input makes them throw: whatever does not fit the model is an error at its
 * path.
 *
 * What is checked depends on the kind:
 * - `new` and `change`: the full form (a change resubmits every section to the 通管局, and its
 *   review is the same as a new filing's);
 * - `cancel`: only what identifies the record and reaches the principal who confirms by SMS (see
 *   ./cancel.ts), plus a valid `cancelScope`.
 */
import { lookupOf } from '../data/lookup';
import { BUILT_IN_TABLES, isFilingTables, type FilingTables } from '../data/tables';
import type { CancelScope, ChannelKind, FilingKind } from '../model/application';
import { CANCEL_SCOPE_CHOICE, CANCEL_SCOPES, FILING_KINDS, KIND_CHOICE } from '../model/kinds';
import type { FilingForm, FormSection, IsoDate } from '../model/form';
import { isWithinPath, sectionOf } from '../model/paths';
import type { Recognition } from '../model/recognition';
import type { CheckResult, Issue } from '../result';
import { cancelPaths, checkCancel } from './cancel';
import { checkCrossField } from './cross-field';
import { isIsoDate } from './dates';
import { Findings, settle, type RuleContext } from './findings';
import { checkMiniprogram } from './miniprogram';
import { checkPrechecks } from './prechecks';
import { checkRecognitions } from './recognition';
import { checkMiniprogramPrincipal, checkSubjectPrincipal } from './principal';
import { readForm } from './shape';
import { checkSubject } from './subject';

export interface CheckOptions {
  /** Today in Beijing time (`YYYY-MM-DD`): validity periods are measured from it. */
  today: IsoDate;
  /**
   * The enumerations and district tree to check against: WeChat's current ones where the caller
   * has them (the server's stored copy, the client's cached one), BUILT_IN_TABLES by default.
   */
  tables?: FilingTables;
  /**
   * The channel the submission takes: through WeChat, WeChat's own face-verification task
   * replaces the photo capture, so the form asks for neither photo nor task id.
   */
  channel?: ChannelKind;
  /**
   * What was read off the certificate photos (certificate.recognize): the typed form is compared
   * with it. The server passes the stored readings; the form page the ones it holds.
   */
  recognitions?: readonly Recognition[];
}

/** What the checks look at. Callers may pass anything: malformed input yields errors, never a throw. */
export interface CheckTarget {
  kind: FilingKind;
  cancelScope: CancelScope | null;
  form: FilingForm;
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function readKind(value: unknown, findings: Findings): FilingKind {
  const kind = FILING_KINDS.find((option) => option === value);
  if (kind) return kind;
  findings.error('kind', 'kind.invalid', `请选择备案类型：${KIND_CHOICE}`);
  return 'new';
}

function readScope(value: unknown, findings: Findings): CancelScope | null {
  const scope = CANCEL_SCOPES.find((option) => option === value);
  if (scope) return scope;
  findings.error('cancelScope', 'cancel_scope.invalid', `请选择注销类型：${CANCEL_SCOPE_CHOICE}`);
  return null;
}

function isRecognition(value: unknown): value is Recognition {
  const values = property(value, 'values');
  const facts = property(value, 'facts');
  return (
    typeof property(value, 'field') === 'string' &&
    typeof property(value, 'fileId') === 'string' &&
    typeof property(value, 'at') === 'string' &&
    typeof values === 'object' &&
    values !== null &&
    Object.values(values).every((read) => typeof read === 'string') &&
    typeof property(facts, 'side') === 'string'
  );
}

/** The readings given, as far as they are readings: anything else is ignored, never thrown over. */
function readRecognitions(value: unknown): Recognition[] {
  return Array.isArray(value) ? value.filter(isRecognition) : [];
}

/** Whether an issue concerns one of `paths` (the path itself, a block above it, or a field below). */
function concerns(issuePath: string, paths: readonly string[]): boolean {
  return paths.some((path) => isWithinPath(issuePath, path) || isWithinPath(path, issuePath));
}

function keepOnly(findings: Findings, paths: readonly string[]): Findings {
  const kept = new Findings();
  const outside = (issue: Issue): boolean => issue.path === 'kind' || issue.path === 'cancelScope';
  for (const issue of findings.errors) {
    if (outside(issue) || concerns(issue.path, paths)) kept.error(issue.path, issue.code, issue.message);
  }
  for (const block of findings.broken) kept.broken.add(block);
  return kept;
}

function run(target: unknown, options: unknown): Findings {
  const findings = new Findings();
  const kind = readKind(property(target, 'kind'), findings);
  const form = readForm(property(target, 'form'), findings);
  const today = property(options, 'today');
  const given = property(options, 'tables');
  const tables = lookupOf(isFilingTables(given) ? given : BUILT_IN_TABLES);
  const channel = property(options, 'channel') === 'wechat' ? 'wechat' : 'manual';
  const ctx: RuleContext = { kind, form, today: isIsoDate(today) ? today : null, tables, findings, channel };
  if (kind === 'cancel') {
    const scope = readScope(property(target, 'cancelScope'), findings);
    if (scope === null) return keepOnly(findings, []);
    checkCancel(ctx, scope);
    return keepOnly(findings, cancelPaths(scope));
  }
  checkSubject(ctx);
  checkSubjectPrincipal(ctx);
  checkMiniprogram(ctx);
  checkMiniprogramPrincipal(ctx);
  checkCrossField(ctx);
  checkPrechecks(ctx);
  checkRecognitions(ctx, readRecognitions(property(options, 'recognitions')));
  return findings;
}

/** Every check of the application. */
export function check(target: CheckTarget, options: CheckOptions): CheckResult {
  return settle(run(target, options));
}

function filtered(result: CheckResult, keep: (issue: Issue) => boolean): CheckResult {
  return { errors: result.errors.filter(keep), warnings: result.warnings.filter(keep) };
}

/** The issues of one form step (`kind` and `cancelScope` belong to none and are left out). */
export function checkSection(target: CheckTarget, section: FormSection, options: CheckOptions): CheckResult {
  return sectionIssues(check(target, options), section);
}

/**
 * The issues at one path (on blur): the field itself, anything below it when it is a block, and a
 * block above it that is missing or malformed.
 */
export function checkField(target: CheckTarget, path: string, options: CheckOptions): CheckResult {
  return fieldIssues(check(target, options), path);
}

/** `checkSection`'s issues out of a result already computed, so a caller runs the checks once. */
export function sectionIssues(result: CheckResult, section: FormSection): CheckResult {
  return filtered(result, (issue) => sectionOf(issue.path) === section);
}

/** `checkField`'s issues out of a result already computed, so a caller runs the checks once. */
export function fieldIssues(result: CheckResult, path: string): CheckResult {
  const key = typeof path === 'string' ? path : '';
  return filtered(result, (issue) => key !== '' && concerns(issue.path, [key]));
}
