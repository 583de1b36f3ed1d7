/**
 * 提交: consent first, synchronously in the tap (WeChat shows the subscribe sheet only there),
 * then the answers recorded, the draft saved, and `filing.submit` with one request id per submit
 * intent — the server applies a request id once, and a second tap never gets this far.
 */
import type { Issue } from '@beian/core';
import { call } from '../../services/cloud';
import type { DraftSaver } from '../../services/drafts';
import { newRequestId } from '../../services/filings';
import { askConsent, recordConsent, type ConsentAnswers } from '../../services/subscriptions';
import { showFailure } from '../../utils/feedback';
import { subscribeTemplateIds } from '../../utils/templates';
import type { FormData } from './form-data';
import { forgetStep } from './steps';

interface SubmissionView {
  readonly data: FormData;
  setData(patch: Record<string, unknown>): void;
}

interface SubmissionHooks {
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
  /** Kept across a failed attempt that may have reached the server, so a retry is the same intent. */
  private requestId: string | null = null;

  constructor(
    private readonly view: SubmissionView,
    private readonly saver: () => DraftSaver | null,
    private readonly hooks: SubmissionHooks,
  ) {}

  /** The tap handler's body. Must not await before `askConsent`. */
  start(): void {
    const data = this.view.data;
    if (data.submitting) return;
    const blocker = submitBlocker(data);
    if (blocker) {
      void wx.showToast({ title: blocker, icon: 'none' });
      return;
    }
    const consent = askConsent(subscribeTemplateIds());
    this.requestId ??= newRequestId();
    this.view.setData({ submitting: true });
    void this.finish(consent, this.requestId);
  }

  private async finish(consent: Promise<ConsentAnswers>, requestId: string): Promise<void> {
    // Consent is recorded whatever the filer chose; a failure to record never blocks the filing.
    await recordConsent(await consent);
    const saver = this.saver();
    if (!saver || !(await saver.flush())) {
      this.view.setData({ submitting: false });
      showFailure({ message: '草稿未能保存，请检查网络后重试。你填写的内容已保留。' });
      return;
    }
    const id = this.view.data.id;
    const answer = await call('filing', 'filing.submit', { id, version: saver.currentVersion, requestId });
    if (answer.ok) {
      this.requestId = null;
      forgetStep(id);
      void wx.redirectTo({ url: `/pages/progress/index?id=${id}` });
      return;
    }
    const { error } = answer;
    // Only a failure that may not have reached the server keeps the id for the retry.
    if (error.code !== 'INTERNAL') this.requestId = null;
    this.view.setData({ submitting: false });
    if (error.code === 'CONFLICT') this.hooks.onConflict();
    if (error.fields && error.fields.length > 0) this.hooks.onFieldErrors(error.fields);
    showFailure(error);
  }
}
