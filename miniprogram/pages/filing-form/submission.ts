/**
 * 提交 on the form: what may block it, and what the form does around services/submission.ts (the
 * consent, request-id and submit rule it shares with the progress page): save the draft first,
 * and on a refusal show the server's errors at their fields.
 */
import type { Envelope, Issue } from '@beian/core';
import type { DraftSaver } from '../../services/drafts';
import { submitFiling } from '../../services/filings';
import { Submitter } from '../../services/submission';
import { showFailure } from '../../utils/feedback';
import type { FormData } from './form-data';
import { forgetStep } from './steps';

/** What the submission reads; it never writes the page's data (the controller does). */
interface SubmissionView {
  readonly data: FormData;
}

/** What the submission tells the controller, the owner of the page's data. */
interface SubmissionHooks {
  onSubmitting(submitting: boolean): void;
  onFieldErrors(issues: readonly Issue[]): void;
  onConflict(): void;
}

/** Why the button does nothing right now, or null when submitting may start. */
export function submitBlocker(data: FormData): string | null {
  if (!data.editable) return '当前状态不能提交。';
  if (data.conflict) return '草稿已在其他设备上修改，请先载入最新版本。';
  if (data.checking) return '正在检查，请稍候。';
  if (data.errorRows.length > 0) return `还有 ${data.errorRows.length} 项必须修改。`;
  if (!data.checkFresh) return '信息有修改，请等待重新检查完成。';
  return null;
}

export class Submission {
  private readonly submitter = new Submitter();

  constructor(
    private readonly view: SubmissionView,
    private readonly saver: () => DraftSaver | null,
    private readonly hooks: SubmissionHooks,
  ) {}

  /** The tap handler's body: the consent request starts inside `submit`, before any await. */
  start(): void {
    const data = this.view.data;
    if (data.submitting) return;
    const blocker = submitBlocker(data);
    if (blocker) {
      void wx.showToast({ title: blocker, icon: 'none' });
      return;
    }
    const id = data.id;
    void this.submitter.submit({
      prepare: () => this.save(),
      send: (requestId) => this.send(id, requestId),
    });
    this.hooks.onSubmitting(true);
  }

  private async save(): Promise<boolean> {
    const saver = this.saver();
    if (saver && (await saver.flush())) return true;
    this.hooks.onSubmitting(false);
    showFailure({ message: '草稿未能保存，请检查网络后重试。你填写的内容已保留。' });
    return false;
  }

  private async send(id: string, requestId: string): Promise<Envelope<unknown> | null> {
    const saver = this.saver();
    if (!saver) return null;
    const answer = await submitFiling({ id, version: saver.currentVersion }, requestId);
    if (answer.ok) {
      forgetStep(id);
      void wx.redirectTo({ url: `/pages/progress/index?id=${id}` });
      return answer;
    }
    const { error } = answer;
    this.hooks.onSubmitting(false);
    if (error.code === 'CONFLICT') this.hooks.onConflict();
    if (error.fields && error.fields.length > 0) this.hooks.onFieldErrors(error.fields);
    showFailure(error);
    return answer;
  }
}
