/**
 * The review page's WeChat card: which channel the application takes and why, and in the WeChat
 * channel what Beian sent and what WeChat answered — the face task, the uploads, the apply call
 * with WeChat's answer, WeChat's status and when Beian last asked.
 */
import { channelOf, type Application, type FaceTask } from '@beian/core';
import { beijingDateTime } from '../../utils/time';

export interface MediaRow {
  key: string;
  field: string;
  mediaId: string;
  at: string;
}

export interface WeChatPanel {
  /** 由备案助手通过微信提交 / 由审核员代为办理. */
  title: string;
  reason: string;
  wechat: boolean;
  face: string;
  media: MediaRow[];
  /** The apply (or cancellation) call: waiting, being made, or failed with WeChat's answer. */
  send: string;
  sendFailed: boolean;
  /** WeChat's status as last read, and when. */
  status: string;
  checkedAt: string;
  /** The sending step may be run again now (admin `wechat.retry`). */
  canRetry: boolean;
}

const FACE_TEXT: Record<FaceTask['status'], string> = {
  waiting: '等待小程序管理员完成',
  succeeded: '已通过',
  failed: '未通过，等待申请人重新发起',
  expired: '已过期，等待申请人重新发起',
};

const WECHAT_STATUS: Readonly<Record<number, string>> = {
  2: '平台审核中',
  3: '平台审核驳回',
  4: '管局审核中',
  5: '管局审核驳回',
  6: '已备案',
};

const SMS_STATUS: Readonly<Record<number, string>> = {
  1: '等待短信核验',
  2: '短信核验完成',
  3: '短信核验超时',
};

function statusText(status: NonNullable<NonNullable<Application['wechat']>['status']>): string {
  const main = WECHAT_STATUS[status.status] ?? `未备案（${status.status}）`;
  const sms =
    status.status === 4 && status.smsVerifyStatus ? `，${SMS_STATUS[status.smsVerifyStatus] ?? ''}` : '';
  return `${main}${sms}${status.isCanceling ? '，注销中' : ''}（status ${status.status}）`;
}

function sendText(application: Application): string {
  const send = application.wechat?.send;
  if (!send || send.submission !== application.submittedAt) {
    return application.state === 'sending' ? '正在上传材料' : '';
  }
  // `calling` is written before the call and stays once WeChat took it (docs/wechat-platform.md
  // § Sending): past `sending`, the call went through.
  if (send.state === 'calling' && application.state !== 'sending') {
    return `已提交（第 ${send.attempts} 次，${beijingDateTime(send.at)}）`;
  }
  if (send.state === 'calling') return `第 ${send.attempts} 次提交中（${beijingDateTime(send.at)}）`;
  return `第 ${send.attempts} 次提交失败（${beijingDateTime(send.at)}）：${send.error ?? ''}；将于 ${beijingDateTime(send.nextAttemptAt)} 自动重试`;
}

function faceText(face: FaceTask | null | undefined): string {
  if (!face) return '';
  // Once passed, the notice's 24 hours no longer matter; the task's validity does (apply needs it).
  if (face.status === 'succeeded') return `已通过，有效期至 ${beijingDateTime(face.expiresAt)}`;
  return `${FACE_TEXT[face.status]}，通知 ${beijingDateTime(face.noticeExpiresAt)} 前有效`;
}

function mediaRows(application: Application): MediaRow[] {
  return (application.wechat?.media ?? []).map((item) => ({
    key: `${item.field}|${item.file}`,
    field: item.field,
    mediaId: item.mediaId,
    at: beijingDateTime(item.at),
  }));
}

export function wechatPanel(application: Application): WeChatPanel | null {
  if (!application.channel) return null;
  const wechat = channelOf(application) === 'wechat';
  const track = application.wechat ?? null;
  const sending = wechat && application.state === 'sending';
  return {
    title: wechat ? '由备案助手通过微信提交' : '由审核员代为办理',
    reason: application.channel.reason,
    wechat,
    face: faceText(track?.face),
    media: mediaRows(application),
    send: wechat ? sendText(application) : '',
    sendFailed: sending && track?.send?.state === 'failed',
    status: track?.status ? statusText(track.status) : '',
    checkedAt: track?.checkedAt ? beijingDateTime(track.checkedAt) : '',
    canRetry: sending,
  };
}
