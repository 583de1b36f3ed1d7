/**
 * Core's checks as the form runs them: what is shown at the fields (an IssueBoard) and in the
 * step's warnings. Every method answers a setData patch and writes nothing: the controller owns
 * the page's data. A settled change runs core's `check()` once for its field and its step.
 */
import {
  beijingDate,
  check,
  checkSection,
  fieldIssues,
  isCrossRecordIssue,
  isWithinPath,
  normalizeForm,
  normalizePath,
  sectionIssues,
  type CheckResult,
  type CheckTarget,
  type FilingForm,
  type FilingView,
  type Issue,
  type Recognition,
} from '@beian/core';
import type { IssueRow } from '../../components/summary-section/index';
import { currentTables } from '../../services/tables';
import type { FormData } from './form-data';
import { IssueBoard } from './issue-board';
import { issueRows, sectionAt, stepBar, stepOf } from './steps';
import { StepWarnings } from './warnings';

type Patch = Record<string, unknown>;

export class FormChecks {
  private readonly errors = new IssueBoard('errors');
  private readonly warnings = new StepWarnings();
  private filing: Pick<FilingView, 'kind' | 'cancelScope'> = { kind: 'new', cancelScope: null };
  /** What was read off the certificate photos: the checks compare the form with it. */
  private recognitions: Recognition[] = [];

  constructor(private readonly data: () => FormData) {}

  opened(filing: Pick<FilingView, 'kind' | 'cancelScope'>, recognitions: Recognition[]): void {
    this.filing = filing;
    this.recognitions = recognitions;
  }

  /** A new reading: the checks compare with it from now on. */
  read(recognition: Recognition): void {
    this.recognitions = [...this.recognitions.filter((r) => r.field !== recognition.field), recognition];
  }

  /** Whether a field shows an error now. */
  hasError(path: string): boolean {
    return this.errors.has(path);
  }

  stepRows(step: number): IssueRow[] {
    return this.warnings.rows(step);
  }

  /**
   * A field's errors show at the field; the warnings are the whole step's, because a risk often
   * sits on another field than the one edited (a comment mentioning 药品 warns at the pre-approvals).
   */
  fieldPatch(path: string, form: FilingForm): Patch {
    const normalized = normalizePath(path);
    const step = this.data().active;
    // One run of the checks serves both the field's errors and the step's warnings.
    const result = check(this.target(form), this.options());
    const patch = this.errors.replace(form, fieldIssues(result, normalized).errors, (candidate) =>
      isWithinPath(candidate, normalized),
    );
    const { warnings } = sectionIssues(result, sectionAt(step));
    // The server's findings across applications cannot be re-run here: they stay until the next
    // check, or until their own field is edited (docs/domain.md § Checks across fields and records).
    const recomputed = (candidate: string, issue: Issue) =>
      stepOf(candidate) === step && (!isCrossRecordIssue(issue) || candidate === normalized);
    this.replaceWarnings(warnings, recomputed, patch);
    return patch;
  }

  /** 下一步's check of the active step: its errors at their fields, and the patch showing them. */
  stepPatch(): { result: CheckResult; patch: Patch } {
    const step = this.data().active;
    const result = checkSection(this.target(), sectionAt(step), this.options());
    const scope = (path: string) => stepOf(path) === step;
    const patch = this.errors.replace(this.data().form, result.errors, scope);
    this.replaceWarnings(result.warnings, scope, patch);
    return { result, patch };
  }

  /**
   * Every step's warnings again, from core's full check: a reading concerns fields on several
   * steps (an ID card's name is also a personal subject's), and each step should show its own.
   */
  warningsPatch(): Patch {
    const { warnings } = check(this.target(), this.options());
    const patch: Patch = {};
    this.replaceWarnings(warnings, (_path, issue) => !isCrossRecordIssue(issue), patch);
    return patch;
  }

  /** The server's whole findings (the summary's check): at their fields and in the warnings. */
  findings(errors: readonly Issue[], warnings: readonly Issue[]): Patch {
    const patch = this.errors.replace(this.data().form, errors, () => true);
    this.replaceWarnings(warnings, () => true, patch);
    return patch;
  }

  /** Errors the server found on submit (VALIDATION): at their fields and in the summary. */
  serverErrors(issues: readonly Issue[]): Patch {
    const patch = this.errors.replace(this.data().form, issues, () => true);
    patch.errorRows = issueRows(issues);
    patch.steps = stepBar(issues);
    patch.checkFresh = false;
    return patch;
  }

  private replaceWarnings(
    fresh: readonly Issue[],
    inScope: (path: string, issue: Issue) => boolean,
    patch: Patch,
  ): void {
    const { active, stepWarnings } = this.data();
    const rows = this.warnings.replace(fresh, inScope, active, stepWarnings);
    if (rows) patch.stepWarnings = rows;
  }

  private target(form: FilingForm = this.data().form): CheckTarget {
    const { kind, cancelScope } = this.filing;
    return { kind, cancelScope, form: normalizeForm(form) };
  }

  /** What core's checks are run with: today, WeChat's tables, and the channel a submit would take. */
  private options() {
    return {
      today: beijingDate(new Date()),
      tables: currentTables(),
      channel: this.data().channel,
      recognitions: this.recognitions,
    };
  }
}
