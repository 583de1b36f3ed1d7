/**
 * What the filer hears about a transition. One notice per state change, so a filer's one-time
 * subscription credits (one per accepted template per tap) last as long as possible: a progress
 * update by default, a review result (with the reason) when a review ends, a to-do with the
 * deadline when the SMS check starts. A resend changes no state and sends nothing.
 */
import { formatMonthDay } from '../calendar/beijing';
import type { Calendar } from '../calendar/calendar';
import type { Application, FilingState, Reason } from '../model/application';
import { KIND_INFO } from '../model/kinds';
import { progressPage, type Labelled, type Notice, type NoticeOfRole } from '../notices/notice';
import { etaOf, FACE_NOTICE_MS, smsWindowClosesAt } from './deadlines';
import { STATE_INFO } from './states';

/** The filing as a filer recognises it: the mini-program's name, and the kind unless it is a new filing. */
export function filingTitle(application: Application): string {
  const name =
    application.form.miniprogram.name.trim() || application.form.subject.name.trim() || '小程序备案';
  return application.kind === 'new' ? name : `${KIND_INFO[application.kind].verb}：${name}`;
}

/** The first reason, and how many more there are. */
export function reasonSummary(reasons: readonly Reason[]): string {
  const [first] = reasons;
  if (!first) return '详见小程序中的驳回原因';
  return reasons.length === 1 ? first.error : `${reasons.length}项需修改：${first.error}`;
}

const stateOf = (state: FilingState): Labelled => ({
  text: STATE_INFO[state].label,
  phrase: STATE_INFO[state].phrase,
});

interface Context {
  application: Application;
  now: string;
  calendar: Calendar;
}

function base(application: Application) {
  return { to: application.owner, applicationId: application.id, page: progressPage(application.id) };
}

function progress({ application, now, calendar }: Context, note: string): NoticeOfRole<'progress'> {
  const values = { filing: filingTitle(application), state: stateOf(application.state), time: now, note };
  if (application.state === 'platform_review') {
    const eta = etaOf(application, new Date(now), calendar);
    if (eta) values.note = `预计${formatMonthDay(eta.latest)}前出初审结果`;
  }
  return { role: 'progress', ...base(application), values };
}

function result(context: Context, stage: string, outcome: Labelled, detail: string): NoticeOfRole<'result'> {
  const { application, now } = context;
  const values = { filing: filingTitle(application), stage, result: outcome, detail, time: now };
  return { role: 'result', ...base(application), values };
}

function smsTodo({ application, now }: Context): NoticeOfRole<'todo'> {
  const cancelling = application.kind === 'cancel';
  const values = {
    filing: filingTitle(application),
    task: cancelling ? '完成注销短信确认' : '完成工信部短信核验',
    deadline: smsWindowClosesAt(application) ?? now,
    note: '请查收12381短信并按时核验',
  };
  return { role: 'todo', ...base(application), values };
}

/** The administrator's face verification: the notice WeChat sent them lapses after 24 hours. */
function faceTodo({ application, now }: Context): NoticeOfRole<'todo'> {
  const deadline =
    application.wechat?.face?.noticeExpiresAt ?? new Date(Date.parse(now) + FACE_NOTICE_MS).toISOString();
  const values = {
    filing: filingTitle(application),
    task: '完成微信人脸核身',
    deadline,
    note: '请小程序管理员在微信中完成',
  };
  return { role: 'todo', ...base(application), values };
}

function approvalResult(context: Context): NoticeOfRole<'result'> {
  const { application } = context;
  const recordNumber = application.recordNumber ?? '详见小程序';
  if (application.kind === 'cancel') {
    return result(context, '通管局审核', { text: '注销成功', phrase: '已注销' }, '原备案已注销');
  }
  if (application.kind === 'change') {
    return result(context, '通管局审核', { text: '变更成功', phrase: '变更成功' }, recordNumber);
  }
  return result(context, '通管局审核', { text: '备案成功', phrase: '备案成功' }, recordNumber);
}

/** What the progress notice adds in each state that only reports progress. */
const PROGRESS_NOTES: Readonly<
  Record<'pre_review' | 'sending' | 'platform_review' | 'authority_review' | 'withdrawn', string>
> = {
  pre_review: '服务商预审通常需要1–2个工作日',
  sending: '人脸核验已完成，正在提交至微信',
  platform_review: '平台初审通常需要1–2个工作日',
  authority_review: '通管局审核通常需要1–20个工作日',
  withdrawn: '申请已撤回，如需备案请重新发起',
};

/** A review that turned the application down: the stage named, and what the notice calls it. */
const REJECTIONS: Readonly<
  Record<'pre_rejected' | 'platform_rejected' | 'authority_rejected', { stage: string; outcome: Labelled }>
> = {
  pre_rejected: { stage: '服务商预审', outcome: { text: '预审未通过', phrase: '未通过' } },
  platform_rejected: { stage: '平台初审', outcome: { text: '初审未通过', phrase: '未通过' } },
  authority_rejected: { stage: '通管局审核', outcome: { text: '审核未通过', phrase: '未通过' } },
};

/** The notices for a transition into `application.state` (the application after it). */
export function noticesFor(application: Application, now: string, calendar: Calendar): Notice[] {
  const context: Context = { application, now, calendar };
  switch (application.state) {
    case 'pre_review':
    case 'sending':
    case 'platform_review':
    case 'authority_review':
    case 'withdrawn':
      return [progress(context, PROGRESS_NOTES[application.state])];
    case 'pre_rejected':
    case 'platform_rejected':
    case 'authority_rejected': {
      const { stage, outcome } = REJECTIONS[application.state];
      return [result(context, stage, outcome, reasonSummary(application.reasons))];
    }
    case 'face_verification':
      return [faceTodo(context)];
    case 'sms_verification':
      return [smsTodo(context)];
    case 'sms_timeout':
      return [
        result(
          context,
          '工信部短信核验',
          { text: '核验超时，已退回', phrase: '核验超时' },
          '确认信息无误后请重新提交',
        ),
      ];
    case 'filed':
    case 'cancelled':
      return [approvalResult(context)];
    case 'draft':
      return [];
  }
}
