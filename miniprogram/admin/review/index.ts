import { approvalNumberIssue, type Application, type Envelope, type Reason } from '@beian/core';
import {
  approveAtAuthority,
  approveReview,
  getForReview,
  recordSms,
  rejectAtAuthority,
  rejectReview,
  retrySend,
} from '../services/reviews';
import { runMove, type Seen } from '../../services/moves';
import { LOADING, READY, readForPage, retryingPage, type Load } from '../../utils/page-load';
import { setChanged } from '../../utils/set-data';
import type { FieldOption } from '../components/reason-form/draft';
import { NO_RELATED } from './related';
import { reviewView, type ReviewView } from './view';

/**
 * 审核详情 `admin/review/index?id=`: the whole application, the check result, the subject's other
 * filings, the audit trail, and the decision it waits for. Every decision carries the version the reviewer was looking at;
 * if someone else moved the application meanwhile, the page reloads and says so instead.
 */

type Data = Omit<ReviewView, 'state'> & {
  id: string;
  state: ReviewView['state'] | '';
  load: Load;
  busy: boolean;
  rejecting: boolean;
  recordNumber: string;
  recordNumberError: string;
};

const INITIAL: Data = {
  id: '',
  version: 0,
  state: '',
  stateLabel: '',
  tagType: 'default',
  kind: 'new',
  kindText: '',
  title: '',
  submitted: '',
  due: '',
  overdue: false,
  step: 'none',
  skipsSms: false,
  sections: [],
  recognitions: {},
  images: [],
  errors: [],
  warnings: [],
  audit: [],
  related: NO_RELATED,
  options: [],
  knownRecordNumber: '',
  channel: null,
  load: LOADING,
  busy: false,
  rejecting: false,
  recordNumber: '',
  recordNumberError: '',
};

type Moved = Envelope<{ filing: Application }>;

interface ReasonForm {
  addField(option: FieldOption): void;
}

Component({
  // Pull-down and 重试 read again; a show does not (the page opens image previews, and coming
  // back from one must not reload), so not reloadingPage.
  behaviors: [retryingPage],
  data: INITIAL,
  methods: {
    onLoad(query: Record<string, string | undefined>): void {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },

    async load(): Promise<void> {
      await readForPage(this, this.data.id, '缺少申请编号，请从审核台重新进入。', getForReview, (detail) => {
        const view = reviewView(detail);
        // A new step opens with its own inputs: no rejection open, the known record number.
        const fresh =
          view.step === this.data.step
            ? {}
            : { rejecting: false, recordNumber: view.knownRecordNumber, recordNumberError: '' };
        setChanged<Partial<Data>>(this, { ...view, ...fresh, load: READY });
      });
    },

    /** One decision with the version seen (services/moves.ts): a CONFLICT reloads, nothing is retried. */
    async decide(run: (seen: Seen) => Promise<Moved>, done: string): Promise<boolean> {
      const answer = await runMove(this, run, done);
      return answer?.ok === true;
    },
    async confirmed(title: string, content: string): Promise<boolean> {
      const choice = await wx.showModal({ title, content });
      return choice.confirm;
    },

    async onRetrySend(): Promise<void> {
      await this.decide(retrySend, '已重新提交至微信');
    },
    async onApprove(): Promise<void> {
      const errors = this.data.errors.length;
      const warning = errors > 0 ? `自动检查仍有 ${errors} 项错误。` : '';
      if (this.data.step === 'pre') {
        const content = `${warning}通过后备案助手将发起微信人脸核身，完成后直接向微信提交备案。确定通过吗？`;
        if (await this.confirmed('通过预审', content)) await this.decide(approveReview, '已通过预审');
        return;
      }
      const next = this.data.skipsSms
        ? '取消接入无需短信核验，通过后直接进入通管局审核。'
        : '通过后进入工信部短信核验，12381 将向负责人发送短信。';
      const content = `${warning}${next}确定通过吗？`;
      if (!(await this.confirmed('通过初审', content))) return;
      await this.decide(approveReview, '已通过初审');
    },
    async onRecordSms(): Promise<void> {
      if (
        !(await this.confirmed(
          '记录短信核验',
          '确认负责人已在工信部备案系统完成短信核验？记录后进入通管局审核。',
        ))
      )
        return;
      await this.decide(recordSms, '已记录核验');
    },
    onRecordNumber(event: { detail: string }): void {
      this.setData({ recordNumber: event.detail, recordNumberError: '' });
    },
    /** Checked here first: a malformed number, or another record's, never reaches the server. */
    async onAuthorityApprove(): Promise<void> {
      const recordNumber = this.data.recordNumber.trim().toUpperCase();
      const { kind, knownRecordNumber } = this.data;
      const problem = approvalNumberIssue({ kind, recordNumber: knownRecordNumber || null }, recordNumber);
      if (problem) {
        this.setData({ recordNumberError: problem.message });
        return;
      }
      await this.decide((seen) => approveAtAuthority(seen, recordNumber), '已登记备案号');
    },

    onStartReject(): void {
      this.setData({ rejecting: !this.data.rejecting });
    },
    async onReject(event: { detail: { reasons: Reason[] } }): Promise<void> {
      const reasons = event.detail.reasons;
      const reject = this.data.step === 'authority' ? rejectAtAuthority : rejectReview;
      // On success the application leaves this step and the form closes; on failure the reasons
      // stay in the form for another try.
      await this.decide((seen) => reject(seen, reasons), '已驳回');
    },
    /** Tapping a field while a rejection is open adds a reason for that field. */
    onFlagField(event: { currentTarget: { dataset: { path?: string; label?: string } } }): void {
      const { path, label } = event.currentTarget.dataset;
      if (!path || !label || this.data.step === 'none' || this.data.step === 'sms') return;
      if (!this.data.rejecting) this.setData({ rejecting: true });
      wx.nextTick(() => this.reasonForm()?.addField({ path, label }));
    },
    reasonForm(): ReasonForm | null {
      return this.selectComponent('#reasons') as unknown as ReasonForm | null;
    },

    onPlayVideo(event: { currentTarget: { dataset: { url?: string } } }): void {
      const url = event.currentTarget.dataset.url;
      if (url) void wx.previewMedia({ sources: [{ url, type: 'video' }] });
    },
    onPreview(event: { currentTarget: { dataset: { url?: string } } }): void {
      const url = event.currentTarget.dataset.url;
      if (url) void wx.previewImage({ current: url, urls: this.data.images });
    },
  },
});
