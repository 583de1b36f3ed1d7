import { CANCEL_SCOPE_INFO, type CancelScope, type Envelope, type FilingView } from '@beian/core';
import { confirmSms, getFiling, resendSms, retryFace, submitFiling, withdraw } from '../../services/filings';
import { createDraft } from '../../services/drafts';
import { Submitter } from '../../services/submission';
import { askConsent, recordConsent } from '../../services/subscriptions';
import { loadSession } from '../../services/session';
import { runMove, type Seen } from '../../services/moves';
import { showDone, showFailure } from '../../utils/feedback';
import { instanceState, LOADING, READY, readForPage, reloadingPage, type Load } from '../../utils/page-load';
import { formUrl, progressView, type ProgressView } from './view';
import { setChanged } from '../../utils/set-data';
import { subscribeTemplateIds } from '../../utils/templates';
import { countdownText, remainingMs } from '../../utils/time';

/**
 * 备案进度 `pages/progress/index?id=`: where the application stands, what the filer must do now,
 * and the moves that fit the state. The view is computed by view.ts beside it; this page only
 * loads, forwards taps and runs the SMS countdown.
 */

type Data = Omit<ProgressView, 'state'> & {
  id: string;
  version: number;
  state: ProgressView['state'] | '';
  load: Load;
  busy: boolean;
};

const INITIAL: Data = {
  id: '',
  version: 0,
  load: LOADING,
  busy: false,
  state: '',
  stateLabel: '',
  explanation: '',
  tagType: 'default',
  kindText: '',
  subjectName: '',
  miniprogramName: '',
  todoTitle: '',
  todoDetail: '',
  steps: [],
  active: 0,
  sms: null,
  reasons: [],
  actions: [],
  showSubscribe: false,
  recordNumber: '',
  channelTitle: '',
  channelReason: '',
  authorizeAppid: '',
};

const CANCEL_SCOPES = (Object.keys(CANCEL_SCOPE_INFO) as CancelScope[]).map((scope) => ({
  scope,
  text: `${CANCEL_SCOPE_INFO[scope].label}（${CANCEL_SCOPE_INFO[scope].reach}）`,
}));

export const MIIT_SITE = 'https://beian.miit.gov.cn';

/** Per page instance, outside `data`: nothing here is rendered. */
const local = instanceState(() => ({
  ticker: undefined as ReturnType<typeof setInterval> | undefined,
  hidden: false,
  /** One request id per resubmit intent, so a double tap submits once (services/submission.ts). */
  submitter: new Submitter(),
}));

type Moved = Envelope<{ filing: FilingView }>;

/** Back from the form (or from WeChat) the application may have moved on: each show reads it again. */
Component({
  behaviors: [reloadingPage],
  data: INITIAL,
  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      this.setData({ id: query.id ?? '' });
      void loadSession(); // the subscribe button needs the server's template ids inside its tap
      void this.load();
    },
    /** A later show reloads, and the load restarts the countdown; the first one only starts it. */
    pageShown(again: boolean): void {
      local(this).hidden = false;
      if (!again) this.startTicker();
    },
    onHide(): void {
      local(this).hidden = true;
      this.stopTicker();
    },
    onUnload(): void {
      local(this).hidden = true;
      this.stopTicker();
    },

    async load(): Promise<void> {
      const shown = await readForPage(
        this,
        this.data.id,
        '缺少申请编号，请从“我的备案”重新进入。',
        getFiling,
        (detail) =>
          setChanged<Partial<Data>>(this, {
            ...progressView(detail, Date.now()),
            version: detail.filing.version,
            load: READY,
          }),
      );
      if (shown) this.startTicker();
    },

    /** Counts down to the deadline itself (not by decrementing), so a paused page is right again. */
    startTicker(): void {
      this.stopTicker();
      const sms = this.data.sms;
      if (!sms || sms.expired || local(this).hidden) return;
      local(this).ticker = setInterval(() => this.tick(), 1000);
    },
    stopTicker(): void {
      const { ticker } = local(this);
      if (ticker !== undefined) clearInterval(ticker);
      local(this).ticker = undefined;
    },
    tick(): void {
      const sms = this.data.sms;
      if (!sms) return this.stopTicker();
      const left = remainingMs(sms.deadlineMs, Date.now());
      if (left > 0) {
        this.setData({ 'sms.countdown': countdownText(left) });
        return;
      }
      this.stopTicker();
      this.setData({ 'sms.countdown': countdownText(0), 'sms.expired': true });
    },

    /** One move with the version the filer saw (services/moves.ts). */
    move(run: (seen: Seen) => Promise<Moved>, done: string): Promise<Moved | null> {
      return runMove(this, run, done);
    },

    async onResend(): Promise<void> {
      const sms = this.data.sms;
      if (!sms || sms.resendUsed || sms.expired) return;
      const answer = await this.move(resendSms, '已重新发送');
      // The one resend is spent even if the reload that follows fails.
      if (answer?.ok && this.data.sms) this.setData({ 'sms.resendUsed': true });
    },
    onConfirmSms(): void {
      void this.move(confirmSms, '已提交核验结果');
    },
    onCopySite(): void {
      void wx.setClipboardData({ data: MIIT_SITE });
    },
    onCopyRecordNumber(): void {
      if (this.data.recordNumber) void wx.setClipboardData({ data: this.data.recordNumber });
    },
    onFixField(event: { currentTarget: { dataset: { url?: string } } }): void {
      const url = event.currentTarget.dataset.url;
      if (url) void wx.navigateTo({ url });
    },

    onAction(event: { currentTarget: { dataset: { action?: string } } }): void {
      const action = event.currentTarget.dataset.action;
      if (action === 'submit') this.resubmit();
      else if (action === 'edit') void wx.navigateTo({ url: formUrl(this.data.id) });
      else if (action === 'withdraw') void this.confirmWithdraw();
      else if (action === 'change') void this.startChange();
      else if (action === 'cancel') void this.startCancel();
      else if (action === 'face.retry') void this.move(retryFace, '已重新发起人脸核身');
    },

    /** Synchronous up to the consent request: after an await the tap gesture would be lost. */
    resubmit(): void {
      const { submitter } = local(this);
      if (this.data.busy || submitter.isRunning) return;
      void submitter.submit({
        send: (requestId) => this.move((seen) => submitFiling(seen, requestId), '已重新提交'),
      });
    },

    async confirmWithdraw(): Promise<void> {
      const choice = await wx.showModal({
        title: '撤回申请',
        content: '撤回后本次申请结束，不能恢复；如仍需备案，须重新填写提交。确定撤回吗？',
        confirmText: '撤回',
        confirmColor: '#ee0a24',
      });
      if (choice.confirm) await this.move(withdraw, '已撤回');
    },

    async startChange(): Promise<void> {
      await this.openDraft(createDraft({ kind: 'change', baseId: this.data.id }));
    },
    async startCancel(): Promise<void> {
      let tapIndex: number;
      try {
        tapIndex = (await wx.showActionSheet({ itemList: CANCEL_SCOPES.map((item) => item.text) })).tapIndex;
      } catch {
        return; // the filer closed the sheet
      }
      const choice = CANCEL_SCOPES[tapIndex];
      if (choice)
        await this.openDraft(
          createDraft({ kind: 'cancel', cancelScope: choice.scope, baseId: this.data.id }),
        );
    },
    async openDraft(creating: Promise<Moved>): Promise<void> {
      const answer = await creating;
      if (!answer.ok) return showFailure(answer.error);
      void wx.navigateTo({ url: formUrl(answer.data.filing.id) });
    },

    onSubscribe(): void {
      const consent = askConsent(subscribeTemplateIds());
      void (async () => {
        const answers = await consent;
        const recorded = await recordConsent(answers);
        if (recorded && !recorded.ok) return showFailure(recorded.error);
        const accepted = Object.values(answers).filter((answer) => answer === 'accept').length;
        if (accepted > 0) showDone('已订阅');
        else showFailure({ message: '未订阅通知：可在右上角“设置”中打开订阅消息后再试。' });
      })();
    },
  },
});
