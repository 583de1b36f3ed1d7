/**
 * The summary's full check, run by the server on the saved draft (what submitting will see). It
 * never writes the page's data: it hands the controller, the data's one owner, a patch to show.
 * One check runs at a time; a change made while it ran asks for one more afterwards.
 */
import type { Issue } from '@beian/core';
import type { DraftSaver } from '../../services/drafts';
import { checkFiling } from '../../services/filings';
import { changedPatch, isEmpty } from '../../utils/set-data';
import type { FormData } from './form-data';
import { materialRows } from './form-view';
import { issueRows, stepBar } from './steps';

export interface SummaryCheckHost {
  readonly data: FormData;
  saver(): DraftSaver | null;
  /** The findings at their fields and in the step's warnings, as a patch. */
  findings(errors: readonly Issue[], warnings: readonly Issue[]): Record<string, unknown>;
  show(patch: Record<string, unknown>): void;
}

export class SummaryCheck {
  /** Counts changes, so a check that ran while the filer typed is known to be stale. */
  private edits = 0;
  private checkRun: Promise<void> | null = null;
  /** `edits` when the running check started: a later change makes its answer stale. */
  private checkEdits = 0;
  private recheckWanted = false;

  constructor(private readonly host: SummaryCheckHost) {}

  /** The filer changed the form. */
  edited(): void {
    this.edits += 1;
  }

  async run(): Promise<void> {
    if (this.checkRun) {
      if (this.edits !== this.checkEdits) this.recheckWanted = true;
      return this.checkRun;
    }
    this.checkRun = this.check();
    try {
      await this.checkRun;
    } finally {
      this.checkRun = null;
    }
    if (this.recheckWanted) {
      this.recheckWanted = false;
      await this.run();
    }
  }

  private async check(): Promise<void> {
    const saver = this.host.saver();
    if (!saver) return;
    this.checkEdits = this.edits;
    const started = changedPatch(this.host.data, { checking: true, checkError: '' });
    if (!isEmpty(started)) this.host.show(started);
    if (!(await saver.flush())) {
      const checkError = saver.isPaused
        ? '草稿未能保存（已在其他设备上修改），请先载入最新版本。'
        : '草稿未能保存，请检查网络后点“重新检查”。';
      this.host.show({ checking: false, checkError });
      return;
    }
    const answer = await checkFiling(this.host.data.id);
    if (!answer.ok) {
      this.host.show({ checking: false, checkError: answer.error.message });
      return;
    }
    const report = answer.data;
    const patch = this.host.findings(report.errors, report.warnings);
    // A re-check (after each save on this step) sends only the rows that changed: uploading one
    // material changes its row, not the 3 KB checklist.
    const rows = {
      errorRows: issueRows(report.errors),
      warningRows: issueRows(report.warnings),
      materials: materialRows(report),
      steps: stepBar(report.errors),
    };
    Object.assign(patch, changedPatch(this.host.data, rows), {
      checking: false,
      checkFresh: this.edits === this.checkEdits,
    });
    this.host.show(patch);
  }
}
