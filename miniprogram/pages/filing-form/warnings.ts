/**
 * The warnings the form knows of, across every step (allowed, but likely to be rejected). Each
 * check replaces the part it recomputed; the page shows the active step's rows only.
 */
import { normalizePath, type Issue } from '@beian/core';
import type { IssueRow } from '../../components/summary-section/index';
import { issueRows, stepOf } from './steps';

export class StepWarnings {
  private warnings: Issue[] = [];

  /**
   * Replaces the warnings `inScope` accepts with those of `fresh`; answers the step's rows when
   * they differ from the rows `shown`, else null (nothing to send).
   */
  replace(
    fresh: readonly Issue[],
    inScope: (path: string, issue: Issue) => boolean,
    step: number,
    shown: readonly IssueRow[],
  ): IssueRow[] | null {
    const kept = this.warnings.filter((issue) => !inScope(normalizePath(issue.path), issue));
    const added = fresh.filter((issue) => inScope(normalizePath(issue.path), issue));
    this.warnings = [...kept, ...added];
    const rows = this.rows(step);
    return JSON.stringify(rows) !== JSON.stringify(shown) ? rows : null;
  }

  rows(step: number): IssueRow[] {
    return issueRows(this.warnings.filter((issue) => stepOf(issue.path) === step));
  }
}
