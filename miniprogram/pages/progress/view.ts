/**
 * What the progress page shows, computed from `filing.get` without touching the page: the
 * timeline of stages, the SMS card, the rejection reasons with their "去修改" links and the
 * buttons that fit the state. Pure, so each piece is tested directly.
 */
import {
  KIND_INFO,
  STATE_INFO,
  fieldLabel,
  isDueStage,
  isEditable,
  kindLabel,
  channelOf,
  usualPath,
  type FilerAction,
  type FilingState,
  type FilingView,
  type Reason,
  type StageEta,
  type TimelineEntry,
  type Todo,
} from '@beian/core';
import { stateTag, type StateTag } from '../../utils/state-tag';
import { beijingDateTime, countdownText, remainingMs, smsDeadline } from '../../utils/time';

export interface StepView {
  text: string;
  desc: string;
}

export interface SmsView {
  /** When the 24-hour window closes, Beijing time. */
  deadline: string;
  /** Epoch ms of the deadline; the page's ticker counts down to it. */
  deadlineMs: number;
  countdown: string;
  expired: boolean;
  /** One resend is allowed; after it the button stays disabled. */
  resendUsed: boolean;
  /** Through WeChat, MIIT resends on its own: no resend button. */
  canResend: boolean;
}

export interface ReasonRow {
  field: string;
  label: string;
  error: string;
  suggest: string;
  /** Opens the form at this field. */
  url: string;
}

export interface ActionView {
  action: FilerAction;
  text: string;
  type: 'primary' | 'default' | 'danger';
}

export interface ProgressView extends StateTag {
  state: FilingState;
  explanation: string;
  kindText: string;
  subjectName: string;
  miniprogramName: string;
  todoTitle: string;
  todoDetail: string;
  steps: StepView[];
  active: number;
  sms: SmsView | null;
  reasons: ReasonRow[];
  actions: ActionView[];
  showSubscribe: boolean;
  recordNumber: string;
  /** How the application reaches WeChat, and why; empty before its first submission. */
  channelTitle: string;
  channelReason: string;
  /**
   * The appid whose authorization links to offer: a manual-channel application that could file
   * through WeChat once authorized (not a change filing, not finished). Empty otherwise.
   */
  authorizeAppid: string;
}

function channelRows(
  filing: FilingView,
): Pick<ProgressView, 'channelTitle' | 'channelReason' | 'authorizeAppid'> {
  const open = !STATE_INFO[filing.state].terminal;
  const manual = channelOf(filing) === 'manual';
  return {
    channelTitle: filing.channel ? (manual ? '由审核员代为办理' : '由备案助手通过微信提交') : '',
    channelReason: filing.channel?.reason ?? '',
    authorizeAppid: manual && open && filing.kind !== 'change' ? filing.form.miniprogram.appid : '',
  };
}

/**
 * The stages still ahead on the usual path, shown greyed after the ones already passed. A
 * cancellation of access (取消接入) has no SMS check, so none is shown for it.
 */
export function upcomingStates(
  filing: Pick<FilingView, 'state' | 'kind' | 'cancelScope'> & Partial<Pick<FilingView, 'channel'>>,
): FilingState[] {
  const whole = usualPath(filing);
  const last = whole[whole.length - 1] ?? 'filed';
  const path = whole.slice(0, -1);
  const at = path.indexOf(filing.state);
  if (at >= 0) return [...path.slice(at + 1), last];
  return isEditable(filing.state) ? [...path, last] : [];
}

/** "预计 2026-05-06 至 2026-05-08 完成", saying so when a year without holiday data was counted. */
export function etaText(eta: StageEta | null): string {
  if (!eta) return '';
  const prefix = eta.estimated ? '预计（未含节假日安排）' : '预计';
  const range = eta.earliest === eta.latest ? eta.latest : `${eta.earliest} 至 ${eta.latest}`;
  return `${prefix} ${range} 完成`;
}

/**
 * Dates and times as unbreakable words, so a timeline line wraps between them, never inside one
 * (`2026-03-` / `03`): a word joiner after each hyphen, a no-break space before the time.
 */
export function unbroken(text: string): string {
  return text.replace(
    /(\d{4})-(\d{2})-(\d{2})(?: (\d{2}:\d{2}))?/g,
    (_all, y: string, m: string, d: string, time?: string) =>
      `${y}-\u2060${m}-\u2060${d}${time ? `\u00a0${time}` : ''}`,
  );
}

function stepOf(entry: TimelineEntry, eta: StageEta | null): StepView {
  const text = STATE_INFO[entry.state].label;
  const start = beijingDateTime(entry.startedAt);
  if (entry.endedAt) return { text, desc: unbroken(`${start} 至 ${beijingDateTime(entry.endedAt)}`) };
  if (STATE_INFO[entry.state].terminal) return { text, desc: unbroken(start) };
  const due = eta && eta.stage === entry.state ? `，${etaText(eta)}` : '';
  return { text, desc: unbroken(`${start} 开始${due}`) };
}

export function timelineSteps(
  timeline: readonly TimelineEntry[],
  filing: Pick<FilingView, 'state' | 'kind' | 'cancelScope'>,
  eta: StageEta | null,
): { steps: StepView[]; active: number } {
  const passed = timeline.map((entry) => stepOf(entry, eta));
  const ahead = upcomingStates(filing).map((state) => ({
    text: STATE_INFO[state].label,
    desc: '',
  }));
  return { steps: [...passed, ...ahead], active: passed.length - 1 };
}

export function smsView(
  filing: Pick<FilingView, 'state' | 'sms'> & Partial<Pick<FilingView, 'channel'>>,
  now: number,
): SmsView | null {
  if (filing.state !== 'sms_verification' || !filing.sms) return null;
  const deadlineMs = smsDeadline(filing.sms.firstSentAt);
  if (deadlineMs === null) return null;
  const left = remainingMs(deadlineMs, now);
  return {
    deadline: beijingDateTime(new Date(deadlineMs).toISOString()),
    deadlineMs,
    countdown: countdownText(left),
    expired: left === 0,
    resendUsed: filing.sms.resends >= 1,
    canResend: channelOf(filing) === 'manual',
  };
}

/** The form page opens the step holding `field` and shows the reviewer's reason there. */
export function formUrl(id: string, field?: string): string {
  return field ? `/pages/filing-form/index?id=${id}&field=${field}` : `/pages/filing-form/index?id=${id}`;
}

export function reasonRows(id: string, reasons: readonly Reason[]): ReasonRow[] {
  return reasons.map((reason) => ({
    field: reason.field,
    label: fieldLabel(reason.field) || reason.field,
    error: reason.error,
    suggest: reason.suggest,
    url: formUrl(id, reason.field),
  }));
}

const ACTION_BUTTONS: Partial<Record<FilerAction, Omit<ActionView, 'action'>>> = {
  edit: { text: '修改备案信息', type: 'primary' },
  submit: { text: '重新提交', type: 'primary' },
  change: { text: KIND_INFO.change.label, type: 'default' },
  cancel: { text: KIND_INFO.cancel.label, type: 'default' },
  withdraw: { text: '撤回申请', type: 'danger' },
  'face.retry': { text: '重新发起人脸核身', type: 'primary' },
};

/** The bottom buttons. The SMS moves live in the SMS card and subscribing has its own button. */
export function actionButtons(actions: readonly FilerAction[]): ActionView[] {
  return actions.flatMap((action) => {
    const button = ACTION_BUTTONS[action];
    return button ? [{ action, ...button }] : [];
  });
}

/** Subscribing helps only while a result is still to come. */
export function wantsSubscribe(state: FilingState, todo: Todo): boolean {
  return todo.actions.includes('subscribe') || isDueStage(state);
}

export function progressView(
  detail: { filing: FilingView; timeline: TimelineEntry[]; eta: StageEta | null; todo: Todo },
  now: number,
): ProgressView {
  const { filing, todo } = detail;
  const info = STATE_INFO[filing.state];
  const { steps, active } = timelineSteps(detail.timeline, filing, detail.eta);
  return {
    state: filing.state,
    ...stateTag(filing.state),
    // The to-do card says what to do now, which restates the state's explanation; showing both
    // printed one sentence twice. The header explains only when there is no card.
    explanation: todo.title ? '' : info.explanation,
    kindText: kindLabel(filing.kind, filing.cancelScope),
    subjectName: filing.form.subject.name,
    miniprogramName: filing.form.miniprogram.name,
    todoTitle: todo.title,
    todoDetail: todo.detail,
    steps,
    active,
    sms: smsView(filing, now),
    reasons: reasonRows(filing.id, filing.reasons),
    actions: actionButtons(todo.actions),
    showSubscribe: wantsSubscribe(filing.state, todo),
    recordNumber: filing.state === 'filed' && filing.recordNumber ? filing.recordNumber : '',
    ...channelRows(filing),
  };
}
