/**
 * Everything the form page does, behind the page's thin event handlers: loading the draft,
 * binding each change by path, checking fields and steps with core's rules, autosaving through
 * DraftSaver, a conflict's recovery. The controller is the one owner of the page's data: the
 * saver, the submission (submission.ts), the summary's check (summary-check.ts) and the
 * recognition (recognition.ts) tell it what happened and it writes the data.
 */
import {
  isEditable,
  isPersonalSubject,
  kindLabel,
  normalizePath,
  readPath,
  setDataPath,
  writePath,
  STATE_INFO,
  type FilingForm,
  type FilingView,
} from '@beian/core';
import type { FieldChange } from '../../components/field-kit';
import { DraftSaver } from '../../services/drafts';
import { getFiling } from '../../services/filings';
import { platformAuthorization } from '../../services/platform';
import { refreshTables } from '../../services/tables';
import { showFailure } from '../../utils/feedback';
import { loadFailed, loadRefused, LOADING, READY } from '../../utils/page-load';
import { KIND_NOTE, type FormData } from './form-data';
import { followUps, reasonText, SAVE_TEXT } from './form-view';
import { FormChecks } from './form-checks';
import { IssueBoard } from './issue-board';
import { Prefill } from './recognition';
import { rememberedStep, rememberStep, sectionAt, stepOf, stepTitle, SUMMARY_STEP } from './steps';
import { Submission } from './submission';
import { SummaryCheck } from './summary-check';

export interface FormView {
  readonly data: FormData;
  setData(patch: Record<string, unknown>): void;
}

export class FormController {
  private saver: DraftSaver | null = null;
  private filing: Pick<FilingView, 'kind'> | null = null;
  /** The page's query, for 重试. */
  private query: { id?: string; field?: string } = {};
  private readonly checks = new FormChecks(() => this.view.data);
  private readonly summary: SummaryCheck;
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
      setData: (patch) => this.show(patch),
      read: (recognition) => this.checks.read(recognition),
      checked: () => this.showChanged(this.checks.warningsPatch()),
    });
    this.submission = new Submission(view, () => this.saver, {
      onSubmitting: (submitting) => this.show({ submitting }),
      onFieldErrors: (issues) => this.show(this.checks.serverErrors(issues)),
      onConflict: () => this.setConflict(true),
    });
    this.summary = new SummaryCheck({
      get data() {
        return view.data;
      },
      saver: () => this.saver,
      findings: (errors, warnings) => this.checks.findings(errors, warnings),
      show: (patch) => this.show(patch),
    });
  }

  /** The one writer of the page's data. */
  private show(patch: Record<string, unknown>): void {
    this.view.setData(patch);
  }

  /** A patch that may be empty: nothing to show costs no setData. */
  private showChanged(patch: Record<string, unknown>): void {
    if (Object.keys(patch).length > 0) this.show(patch);
  }

  /**
   * The draft was saved elsewhere (the saver's CONFLICT, or the submit's), or the filer reloaded
   * it: saving pauses or resumes, and the save indicator says so.
   */
  private setConflict(conflict: boolean, extra: Record<string, unknown> = {}): void {
    const saveText =
      conflict && this.view.data.saveText !== SAVE_TEXT.conflict ? { saveText: SAVE_TEXT.conflict } : {};
    this.show({ ...extra, conflict, ...saveText });
  }

  async load(query: { id?: string; field?: string }): Promise<void> {
    this.query = query;
    const id = query.id ?? '';
    if (id === '') {
      this.show({ load: loadFailed('缺少备案申请编号，请从“我的备案”重新进入。') });
      return;
    }
    // The tables arrive with the draft, so the pickers and checks open on WeChat's current lists.
    const [answer] = await Promise.all([getFiling(id), refreshTables()]);
    if (!answer.ok) {
      this.show({ load: loadRefused(answer.error) });
      return;
    }
    this.checks.opened(answer.data.filing, answer.data.recognitions);
    this.open(answer.data.filing, query.field ? decodeURIComponent(query.field) : '');
  }

  /** 重试 after the draft could not be read: the spinner, and the same read again. */
  retry(): void {
    this.show({ load: LOADING });
    void this.load(this.query);
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
    this.show({
      load: READY,
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
          this.show({ saveText: SAVE_TEXT[state] });
        }
      },
      onSaved: () => this.afterSave(),
      onConflict: () => this.setConflict(true),
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
    if (detail.settled || this.checks.hasError(detail.path)) {
      const upcoming = JSON.parse(JSON.stringify(this.view.data.form)) as FilingForm;
      for (const [path, value] of changes) writePath(upcoming, path, value);
      Object.assign(patch, this.checks.fieldPatch(detail.path, upcoming));
    }
    Object.assign(patch, this.prefill.touched(detail.path));
    this.summary.edited();
    this.show(patch);
    for (const [path] of changes) this.saver.touch(path);
  }

  /** The filer left a field. */
  blur(path: string): void {
    if (!this.saver) return;
    this.showChanged(this.checks.fieldPatch(path, this.view.data.form));
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
    if (channel !== this.view.data.channel) this.show({ channel });
  }

  /** 下一步: the step must pass core's section check; its errors show at their fields. */
  next(): void {
    const step = this.view.data.active;
    if (!this.saver) return this.goTo(step + 1);
    const { result, patch } = this.checks.stepPatch();
    const first = result.errors[0];
    if (first) {
      patch.focusPath = normalizePath(first.path);
      this.show(patch);
      void wx.showToast({ title: `还有 ${result.errors.length} 项需要修改`, icon: 'none' });
      return;
    }
    this.showChanged(patch);
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
    this.show({
      active: step,
      stepTitle: stepTitle(step),
      stepWarnings: this.checks.stepRows(step),
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

  /** The summary's full check, by the server on the saved draft (summary-check.ts). */
  runCheck(): Promise<void> {
    return this.summary.run();
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
    this.setConflict(false, { form: merged, checkFresh: false });
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
