/**
 * Everything the form page does, behind the page's thin event handlers: loading the draft,
 * binding each change by path, checking fields and steps with core's rules, autosaving through
 * DraftSaver, the summary's server check, a conflict's recovery, and submitting.
 */
import {
  beijingDate,
  check,
  fieldIssues,
  checkSection,
  isCrossRecordIssue,
  isEditable,
  isPersonalSubject,
  isWithinPath,
  kindLabel,
  normalizePath,
  readPath,
  sectionIssues,
  setDataPath,
  writePath,
  normalizeForm,
  STATE_INFO,
  type CheckReport,
  type CheckTarget,
  type FilingForm,
  type FilingView,
  type Issue,
  type Reason,
  type Recognition,
} from '@beian/core';
import type { FieldChange } from '../../components/field-kit';
import { changedPatch, isEmpty } from '../../utils/set-data';
import type { IssueRow, MaterialRow } from '../../components/summary-section/index';
import { DraftSaver, type SaveState } from '../../services/drafts';
import { checkFiling, getFiling } from '../../services/filings';
import { platformAuthorization } from '../../services/platform';
import { currentLookup, currentTables, refreshTables } from '../../services/tables';
import { showFailure } from '../../utils/feedback';
import { KIND_NOTE, type FormData } from './form-data';
import { IssueBoard } from './issue-board';
import { Prefill } from './recognition';
import {
  issueRows,
  rememberedStep,
  rememberStep,
  sectionAt,
  stepBar,
  stepOf,
  stepTitle,
  SUMMARY_STEP,
} from './steps';
import { Submission } from './submission';

export interface FormView {
  readonly data: FormData;
  setData(patch: Record<string, unknown>): void;
}

/** The save indicator. `pending` changes nothing: a keystroke must not cost a setData of its own. */
const SAVE_TEXT: Readonly<Record<Exclude<SaveState, 'pending'>, string>> = {
  saved: '已自动保存',
  saving: '正在保存…',
  conflict: '未保存：草稿已在其他设备上修改',
  failed: '保存失败，下次修改或离开时会再试',
};

function reasonText(reason: Reason): string {
  return reason.suggest ? `${reason.error}（建议：${reason.suggest}）` : reason.error;
}

function materialRows(report: CheckReport): MaterialRow[] {
  return report.materials.map((item) => ({
    path: item.path,
    key: item.path.startsWith('materials.') ? item.path.slice('materials.'.length) : '',
    // Photos and scans are uploaded here; the promise video is recorded where the province asks.
    uploadable: item.path.startsWith('materials.') && item.path !== 'materials.promiseVideo',
    label: item.label,
    required: item.required,
    reason: item.reason,
    max: item.max,
    provided: item.provided,
  }));
}

/**
 * Values that follow from a change, so the form never shows a contradiction the filer did not
 * make: a certificate type that the new subject type does not allow is cleared.
 */
function followUps(form: FilingForm, path: string, value: unknown): [string, unknown][] {
  if (path !== 'subject.type') return [];
  const allowed = currentLookup()
    .certificateTypesFor(value)
    .map((type) => type.id);
  const current = form.subject.certificate.type;
  return current !== null && !allowed.includes(current) ? [['subject.certificate.type', null]] : [];
}

export class FormController {
  private saver: DraftSaver | null = null;
  private filing: Pick<FilingView, 'id' | 'kind' | 'cancelScope'> | null = null;
  private readonly errors = new IssueBoard('errors');
  private warnings: Issue[] = [];
  /** Counts changes, so a check that ran while the filer typed is known to be stale. */
  private edits = 0;
  private checkRun: Promise<void> | null = null;
  /** `edits` when the running check started: a later change makes its answer stale. */
  private checkEdits = 0;
  private recheckWanted = false;
  /** What was read off the certificate photos: the checks compare the form with it. */
  private recognitions: Recognition[] = [];
  readonly submission: Submission;
  readonly prefill: Prefill;

  constructor(private readonly view: FormView) {
    this.prefill = new Prefill({
      get form() {
        return view.data.form;
      },
      get id() {
        return view.data.id;
      },
      flush: async () => (this.saver ? this.saver.flush() : false),
      change: (change) => this.change(change),
      setData: (patch) => this.view.setData(patch),
      read: (recognition) => {
        this.recognitions = [...this.recognitions.filter((r) => r.field !== recognition.field), recognition];
      },
      checked: () => this.refreshWarnings(),
    });
    this.submission = new Submission(view, () => this.saver, {
      onFieldErrors: (issues) => this.showServerErrors(issues),
      onConflict: () => this.view.setData({ conflict: true, saveText: SAVE_TEXT.conflict }),
    });
  }

  async load(query: { id?: string; field?: string }): Promise<void> {
    const id = query.id ?? '';
    if (id === '') {
      this.view.setData({ loading: false, loadError: '缺少备案申请编号，请从“我的备案”重新进入。' });
      return;
    }
    // The tables arrive with the draft, so the pickers and checks open on WeChat's current lists.
    const [answer] = await Promise.all([getFiling(id), refreshTables()]);
    if (!answer.ok) {
      this.view.setData({ loading: false, loadError: answer.error.message });
      return;
    }
    this.recognitions = answer.data.recognitions;
    this.open(answer.data.filing, query.field ? decodeURIComponent(query.field) : '');
  }

  private open(filing: FilingView, field: string): void {
    this.filing = filing;
    const editable = isEditable(filing.state);
    const reasons = new IssueBoard('reasons');
    reasons.replace(
      filing.form,
      filing.reasons.map((reason) => ({ path: reason.field, message: reasonText(reason) })),
      () => true,
    );
    const focusPath = field === '' ? '' : normalizePath(field);
    const active = focusPath === '' ? rememberedStep(filing.id) : stepOf(focusPath);
    this.view.setData({
      loading: false,
      id: filing.id,
      kind: filing.kind,
      cancelScope: filing.cancelScope,
      kindText: kindLabel(filing.kind, filing.cancelScope),
      kindNote: KIND_NOTE[filing.kind],
      stateLabel: STATE_INFO[filing.state].label,
      editable,
      form: filing.form,
      reasons: reasons.mirror(),
      reasonCount: filing.reasons.length,
      focusPath,
      active,
      stepTitle: stepTitle(active),
    });
    if (!editable) return;
    this.saver = new DraftSaver({
      id: filing.id,
      version: filing.version,
      read: () => this.view.data.form,
      onState: (state) => {
        if (state !== 'pending' && this.view.data.saveText !== SAVE_TEXT[state]) {
          this.view.setData({ saveText: SAVE_TEXT[state] });
        }
      },
      onSaved: () => this.afterSave(),
      onConflict: () => this.view.setData({ conflict: true }),
    });
    if (active === SUMMARY_STEP) void this.runCheck();
    void this.learnChannel();
  }

  /** A value changed at a path: bind it, save it soon, and check it when it is a settled choice. */
  change(detail: FieldChange): void {
    if (!this.saver || this.view.data.submitting) return;
    const changes: [string, unknown][] = [
      [detail.path, detail.value],
      ...followUps(this.view.data.form, detail.path, detail.value),
    ];
    const patch: Record<string, unknown> = {};
    for (const [path, value] of changes) patch[setDataPath('form', path)] = value;
    if (this.view.data.checkFresh) patch.checkFresh = false;
    // While a field shows an error it is re-checked as the filer types, so the error goes as
    // soon as it is fixed; otherwise typed text waits for the blur. The check runs on the form
    // as it is about to be, so value and error cross to the view in one setData.
    if (detail.settled || this.errors.has(detail.path)) {
      const upcoming = JSON.parse(JSON.stringify(this.view.data.form)) as FilingForm;
      for (const [path, value] of changes) writePath(upcoming, path, value);
      Object.assign(patch, this.checkPatch(detail.path, upcoming));
    }
    Object.assign(patch, this.prefill.touched(detail.path));
    this.edits += 1;
    this.view.setData(patch);
    for (const [path] of changes) this.saver.touch(path);
  }

  /** The filer left a field. */
  blur(path: string): void {
    if (!this.saver) return;
    const patch = this.checkPatch(path, this.view.data.form);
    if (Object.keys(patch).length > 0) this.view.setData(patch);
  }

  private target(form: FilingForm = this.view.data.form): CheckTarget {
    const filing = this.filing ?? { kind: 'new', cancelScope: null };
    return { kind: filing.kind, cancelScope: filing.cancelScope, form: normalizeForm(form) };
  }

  /**
   * A field's errors show at the field; the warnings are the whole step's, because a risk often
   * sits on another field than the one edited (a comment mentioning 药品 warns at the pre-approvals).
   */
  private checkPatch(path: string, form: FilingForm): Record<string, unknown> {
    const normalized = normalizePath(path);
    const target = this.target(form);
    const options = this.checkOptions();
    const step = this.view.data.active;
    // One run of the checks serves both the field's errors and the step's warnings.
    const result = check(target, options);
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

  private replaceWarnings(
    fresh: readonly Issue[],
    inScope: (path: string, issue: Issue) => boolean,
    patch: Record<string, unknown>,
  ) {
    const kept = this.warnings.filter((issue) => !inScope(normalizePath(issue.path), issue));
    const added = fresh.filter((issue) => inScope(normalizePath(issue.path), issue));
    this.warnings = [...kept, ...added];
    const rows = this.stepWarnings(this.view.data.active);
    if (JSON.stringify(rows) !== JSON.stringify(this.view.data.stepWarnings)) patch.stepWarnings = rows;
  }

  /**
   * Every step's warnings again, from core's full check: a reading concerns fields on several
   * steps (an ID card's name is also a personal subject's), and each step should show its own.
   */
  private refreshWarnings(): void {
    const { warnings } = check(this.target(), this.checkOptions());
    const patch: Record<string, unknown> = {};
    this.replaceWarnings(warnings, (_path, issue) => !isCrossRecordIssue(issue), patch);
    if (Object.keys(patch).length > 0) this.view.setData(patch);
  }

  private stepWarnings(step: number): IssueRow[] {
    return issueRows(this.warnings.filter((issue) => stepOf(issue.path) === step));
  }

  /** What core's checks are run with: today, WeChat's tables, and the channel a submit would take. */
  private checkOptions() {
    return {
      today: beijingDate(new Date()),
      tables: currentTables(),
      channel: this.view.data.channel,
      recognitions: this.recognitions,
    };
  }

  /**
   * Whether the mini-program has authorized Beian: then the face step is WeChat's. Unknown
   * (offline, no appid yet) keeps the manual channel's photo capture, which is never wrong.
   */
  private async learnChannel(): Promise<void> {
    const appid = this.view.data.form.miniprogram.appid;
    if (!this.filing || this.filing.kind === 'change' || !/^wx[0-9a-f]{16}$/.test(appid)) return;
    const answer = await platformAuthorization(appid);
    const channel = answer?.status === 'authorized' ? 'wechat' : 'manual';
    if (channel !== this.view.data.channel) this.view.setData({ channel });
  }

  /** 下一步: the step must pass core's section check; its errors show at their fields. */
  next(): void {
    const step = this.view.data.active;
    if (!this.saver) return this.goTo(step + 1);
    const result = checkSection(this.target(), sectionAt(step), this.checkOptions());
    const scope = (path: string) => stepOf(path) === step;
    const patch = this.errors.replace(this.view.data.form, result.errors, scope);
    this.replaceWarnings(result.warnings, scope, patch);
    const first = result.errors[0];
    if (first) {
      patch.focusPath = normalizePath(first.path);
      this.view.setData(patch);
      void wx.showToast({ title: `还有 ${result.errors.length} 项需要修改`, icon: 'none' });
      return;
    }
    if (Object.keys(patch).length > 0) this.view.setData(patch);
    if (step === 0) this.prefillPrincipal();
    if (sectionAt(step) === 'miniprogram') void this.learnChannel();
    this.goTo(step + 1);
  }

  /** A personal filer is their own principal: carry the name over rather than ask twice. */
  private prefillPrincipal(): void {
    const { subject } = this.view.data.form;
    if (!isPersonalSubject(subject.type) || subject.principal.name !== '' || subject.name === '') return;
    this.change({ path: 'subject.principal.name', value: subject.name, settled: false });
  }

  goTo(step: number, focusPath = ''): void {
    if (step < 0 || step > SUMMARY_STEP) return;
    // The summary's check starts now: shown in the step's own setData rather than one more.
    const checking = step === SUMMARY_STEP && this.saver ? { checking: true, checkError: '' } : {};
    this.view.setData({
      active: step,
      stepTitle: stepTitle(step),
      stepWarnings: this.stepWarnings(step),
      focusPath,
      ...checking,
    });
    const id = this.view.data.id;
    if (id !== '') rememberStep(id, step);
    if (focusPath === '') void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    if (step === SUMMARY_STEP) void this.runCheck();
    else void this.saver?.flush();
  }

  /** From the summary (or a reason): open the step holding the field and mark it. */
  jump(path: string): void {
    const normalized = normalizePath(path);
    this.goTo(stepOf(normalized), normalized);
  }

  private afterSave(): void {
    if (this.view.data.active === SUMMARY_STEP) void this.runCheck();
  }

  /** The summary's full check, by the server on the saved draft (what submitting will see). */
  async runCheck(): Promise<void> {
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
      await this.runCheck();
    }
  }

  private async check(): Promise<void> {
    const saver = this.saver;
    if (!saver) return;
    this.checkEdits = this.edits;
    const started = changedPatch(this.view.data, { checking: true, checkError: '' });
    if (!isEmpty(started)) this.view.setData(started);
    if (!(await saver.flush())) {
      const checkError = saver.isPaused
        ? '草稿未能保存（已在其他设备上修改），请先载入最新版本。'
        : '草稿未能保存，请检查网络后点“重新检查”。';
      this.view.setData({ checking: false, checkError });
      return;
    }
    const answer = await checkFiling(this.view.data.id);
    if (!answer.ok) {
      this.view.setData({ checking: false, checkError: answer.error.message });
      return;
    }
    const report = answer.data;
    const patch = this.errors.replace(this.view.data.form, report.errors, () => true);
    this.replaceWarnings(report.warnings, () => true, patch);
    // A re-check (after each save on this step) sends only the rows that changed: uploading one
    // material changes its row, not the 3 KB checklist.
    const rows = {
      errorRows: issueRows(report.errors),
      warningRows: issueRows(report.warnings),
      materials: materialRows(report),
      steps: stepBar(report.errors),
    };
    Object.assign(patch, changedPatch(this.view.data, rows), {
      checking: false,
      checkFresh: this.edits === this.checkEdits,
    });
    this.view.setData(patch);
  }

  /** Errors the server found on submit (VALIDATION): at their fields and in the summary. */
  private showServerErrors(issues: readonly Issue[]): void {
    const patch = this.errors.replace(this.view.data.form, issues, () => true);
    patch.errorRows = issueRows(issues);
    patch.steps = stepBar(issues);
    patch.checkFresh = false;
    this.view.setData(patch);
  }

  /**
   * After a conflict: load the newer draft and lay what the filer typed here (the unsaved paths)
   * over it, then save those paths on top of the new version. Nothing typed is lost.
   */
  async reloadLatest(): Promise<void> {
    const saver = this.saver;
    if (!saver) return;
    const answer = await getFiling(this.view.data.id);
    if (!answer.ok) {
      showFailure(answer.error);
      return;
    }
    const local = this.view.data.form;
    const merged = JSON.parse(JSON.stringify(answer.data.filing.form)) as FilingForm;
    for (const path of saver.unsaved) writePath(merged, path, readPath(local, path));
    this.view.setData({ form: merged, conflict: false, checkFresh: false });
    saver.rebase(answer.data.filing.version);
  }

  /** Leaving the page (hidden or closed): save what is pending now. */
  leave(): void {
    void this.saver?.flush();
  }

  dispose(): void {
    this.leave();
    this.saver?.dispose();
  }
}
