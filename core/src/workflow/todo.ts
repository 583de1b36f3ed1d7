/**
 * What the filer must do now, in one sentence, and the actions the progress page offers.
 */
import { formatMonthDay, formatMonthDayTime } from '../calendar/beijing';
import type { Calendar } from '../calendar/calendar';
import type { FilerAction, Todo } from '../contract';
import { channelOf, type Application } from '../model/application';
import { faceNoticeLapsed } from './channel';
import { etaOf, isOverdue, isSmsWindowClosed, smsWindowClosesAt } from './deadlines';
import { STATE_INFO } from './states';

const WAITING_TITLES: Partial<Record<Application['state'], string>> = {
  pre_review: '等待服务商预审',
  platform_review: '等待平台初审',
  authority_review: '等待通管局审核',
};

/** While a review runs the filer can only wait, and subscribe to hear about the result. */
function waiting(application: Application, now: Date, calendar: Calendar | undefined): Todo {
  const eta = etaOf(application, now, calendar);
  // A year without holiday data is counted on plain weekdays: say so rather than promise the date.
  const unsure = eta?.estimated ? '（未含节假日安排）' : '';
  const range = eta
    ? `预计 ${formatMonthDay(eta.earliest)}至${formatMonthDay(eta.latest)}出结果${unsure}。`
    : '';
  const late = isOverdue(application, now) ? '审核已超过预计时间，审核员正在跟进。' : '';
  const actions: FilerAction[] = ['subscribe'];
  if (application.state !== 'authority_review' && application.kind !== 'cancel') actions.unshift('withdraw');
  const title = WAITING_TITLES[application.state] ?? '等待通管局审核';
  return {
    title,
    detail: late || `${STATE_INFO[application.state].explanation}${range}`,
    actions,
  };
}

function smsCheck(application: Application, now: Date): Todo {
  const closesAt = smsWindowClosesAt(application) ?? now.toISOString();
  if (isSmsWindowClosed(application, now)) {
    return {
      title: '短信核验已超时',
      detail: '核验窗口已结束，申请即将退回，届时确认信息后重新提交即可。',
      actions: [],
    };
  }
  // Through WeChat the SMS is MIIT's to resend; "我已完成核验" asks WeChat for the news.
  const canResend = (application.sms?.resends ?? 0) < 1 && channelOf(application) === 'manual';
  const actions: FilerAction[] = canResend
    ? ['sms.confirm', 'sms.resend', 'subscribe']
    : ['sms.confirm', 'subscribe'];
  const resend = canResend
    ? '没收到短信可重发一次。'
    : channelOf(application) === 'wechat'
      ? '核验结果以微信同步为准。'
      : '核验短信已重发过，不能再次重发。';
  return {
    title: '完成工信部短信核验',
    detail: `请在 ${formatMonthDayTime(closesAt)} 前按 12381 短信提示到工信部备案系统完成核验，完成后回到这里确认。${resend}`,
    actions,
  };
}

/**
 * WeChat's face verification: the administrator has 24 h from the notice; a failed or lapsed task
 * is created again from here.
 */
function faceCheck(application: Application, now: Date): Todo {
  const task = application.wechat?.face ?? null;
  const how = '在微信中打开「人脸核身」通知，按提示完成：浅色背景，不戴帽子、口罩，正对镜头。';
  if (!task) return { title: '等待微信发起人脸核身', detail: how, actions: ['withdraw', 'subscribe'] };
  const lapsed = task.status === 'failed' || task.status === 'expired' || faceNoticeLapsed(task, now);
  if (lapsed) {
    const why = task.status === 'failed' ? '人脸核身未通过' : '人脸核身通知已超过 24 小时未完成';
    return {
      title: '重新发起人脸核身',
      detail: `${why}，请重新发起后在 24 小时内完成。${how}`,
      actions: ['face.retry', 'withdraw'],
    };
  }
  return {
    title: '完成微信人脸核身',
    detail: `请小程序管理员在 ${formatMonthDayTime(task.noticeExpiresAt)} 前${how}核验有效期至 ${formatMonthDayTime(task.expiresAt)}。`,
    actions: ['withdraw', 'subscribe'],
  };
}

function filed(application: Application): Todo {
  const number = application.recordNumber ?? '';
  if (application.kind === 'change') {
    return { title: '变更已生效', detail: `变更内容已更新到备案 ${number}，备案号不变。`, actions: [] };
  }
  return {
    title: '备案成功',
    detail: `备案号 ${number}：请在小程序设置页底部展示；信息有变化时办理变更备案，不再运营时办理注销。`,
    actions: ['change', 'cancel'],
  };
}

export function todoOf(application: Application, now: Date, calendar?: Calendar): Todo {
  const explanation = STATE_INFO[application.state].explanation;
  switch (application.state) {
    case 'draft':
      return { title: '完善并提交备案信息', detail: explanation, actions: ['edit', 'submit'] };
    case 'pre_rejected':
    case 'platform_rejected':
    case 'authority_rejected':
      return { title: '按驳回原因修改后重新提交', detail: explanation, actions: ['edit', 'submit'] };
    case 'sms_timeout':
      return { title: '重新提交以再次核验', detail: explanation, actions: ['edit', 'submit'] };
    case 'pre_review':
    case 'platform_review':
    case 'authority_review':
      return waiting(application, now, calendar);
    case 'face_verification':
      return faceCheck(application, now);
    case 'sending':
      return { title: '正在提交至微信', detail: explanation, actions: ['subscribe'] };
    case 'sms_verification':
      return smsCheck(application, now);
    case 'filed':
      return filed(application);
    case 'withdrawn':
    case 'cancelled':
      return { title: STATE_INFO[application.state].label, detail: explanation, actions: [] };
  }
}
