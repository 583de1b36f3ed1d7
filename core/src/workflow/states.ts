/**
 * The states and events of the review workflow in the filer's words (docs/architecture.md § The workflow).
 */
import { FILING_STATES, type FilingEventType, type FilingState } from '../model/application';

export interface StateInfo {
  /** The state's Chinese name, as the progress page and the admin queue show it. */
  label: string;
  /** One line for the filer: what happens now and what they must do. */
  explanation: string;
  /** ≤ 5 Chinese characters, nothing else: a subscribe message's `phrase` keyword. */
  phrase: string;
  /** No event leaves this state. */
  terminal: boolean;
}

export const STATE_INFO: Readonly<Record<FilingState, StateInfo>> = {
  draft: {
    label: '填写中',
    explanation: '正在填写备案信息：补全所有必填项并通过检查后即可提交。',
    phrase: '填写中',
    terminal: false,
  },
  pre_review: {
    label: '服务商预审中',
    explanation:
      '备案助手的审核员正在预审你的信息与材料，通常需要 1–2 个工作日；预审通过后将直接通过微信提交备案。',
    phrase: '预审中',
    terminal: false,
  },
  pre_rejected: {
    label: '服务商预审驳回',
    explanation: '预审发现需要修改的地方：请按各项的驳回原因修改后重新提交，通过后才会提交到微信。',
    phrase: '预审驳回',
    terminal: false,
  },
  face_verification: {
    label: '待人脸核验',
    explanation:
      '预审已通过：微信已向小程序管理员发送人脸核身通知，请在 24 小时内在微信中完成（浅色背景，不戴帽子、口罩）。',
    phrase: '待人脸核验',
    terminal: false,
  },
  sending: {
    label: '正在提交至微信',
    explanation: '人脸核验已完成，备案助手正在把材料和备案信息提交到微信，通常几分钟内完成。',
    phrase: '提交中',
    terminal: false,
  },
  platform_review: {
    label: '平台初审中',
    explanation: '平台正在核对你的信息与材料，通常需要 1–2 个工作日，期间可能来电确认，请保持电话畅通。',
    phrase: '平台初审中',
    terminal: false,
  },
  platform_rejected: {
    label: '平台初审驳回',
    explanation: '平台初审未通过：请按各项的驳回原因修改后重新提交。',
    phrase: '初审驳回',
    terminal: false,
  },
  sms_verification: {
    label: '待工信部短信核验',
    explanation: '初审已通过：请在收到 12381 的短信后 24 小时内，到工信部备案系统完成短信核验。',
    phrase: '待短信核验',
    terminal: false,
  },
  sms_timeout: {
    label: '短信核验超时，已驳回',
    explanation: '未在 24 小时内完成短信核验，申请已退回：确认信息无误后重新提交，会重新发送核验短信。',
    phrase: '核验超时',
    terminal: false,
  },
  authority_review: {
    label: '通管局审核中',
    explanation: '通信管理局正在审核，通常需要 1–20 个工作日，结果会通过订阅消息通知你。',
    phrase: '管局审核中',
    terminal: false,
  },
  authority_rejected: {
    label: '通管局审核驳回',
    explanation: '通管局审核未通过：请按驳回原因修改后重新提交，申请将重新经过平台初审和短信核验。',
    phrase: '管局驳回',
    terminal: false,
  },
  filed: {
    label: '备案成功',
    explanation: '已取得备案号：请在小程序中展示备案号，信息有变化时及时办理变更备案。',
    phrase: '备案成功',
    terminal: true,
  },
  withdrawn: {
    label: '已撤回',
    explanation: '申请已撤回，不会继续审核；如需备案，请重新发起申请。',
    phrase: '已撤回',
    terminal: true,
  },
  cancelled: {
    label: '已注销',
    explanation: '备案已注销，注销不可撤销；如需再次备案，请重新发起新增备案。',
    phrase: '已注销',
    terminal: true,
  },
};

/** What each event is called in the audit trail and the admin area. */
export const EVENT_LABELS: Readonly<Record<FilingEventType, string>> = {
  submit: '提交',
  withdraw: '撤回',
  pre_approve: '服务商预审通过',
  pre_reject: '服务商预审驳回',
  face_task: '发起人脸核验',
  face_verified: '完成人脸核验',
  wechat_sent: '已提交至微信',
  platform_approve: '平台初审通过',
  platform_reject: '平台初审驳回',
  sms_resend: '重发核验短信',
  sms_verified: '完成短信核验',
  sms_timeout: '短信核验超时',
  authority_approve: '通管局审核通过',
  authority_reject: '通管局审核驳回',
};

/** Every event, in the order of the labels (the record names each one, so none is left out). */
export const FILING_EVENT_TYPES = Object.keys(EVENT_LABELS) as readonly FilingEventType[];

/** Every state but the filer's unsent draft: what reviewers may see. */
export const SUBMITTED_STATES: readonly FilingState[] = FILING_STATES.filter((state) => state !== 'draft');

/** Finished for good: filed, withdrawn or cancelled. */
export const CLOSED_STATES: readonly FilingState[] = FILING_STATES.filter(
  (state) => STATE_INFO[state].terminal,
);

/** Submitted and not finished: under review, or back with the filer to fix and submit again. */
export const OPEN_STATES: readonly FilingState[] = SUBMITTED_STATES.filter(
  (state) => !STATE_INFO[state].terminal,
);
