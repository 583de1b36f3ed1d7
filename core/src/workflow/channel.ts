/**
 * Which channel a submission takes (docs/wechat-platform.md § Channels), and the facts of WeChat's
 * face-verification task that the channel waits on.
 */
import type { PlatformAuthorization } from '../contract';
import type { Channel, FaceTask, FilingKind } from '../model/application';
import { FACE_NOTICE_MS, FACE_TASK_MS } from './deadlines';

/**
 * The channel for a submission of `kind` by a mini-program whose authorization of Beian is
 * `authorization`. A change filing has no WeChat endpoint, so it is always manual.
 */
export function decideChannel(kind: FilingKind, authorization: PlatformAuthorization['status']): Channel {
  if (kind === 'change') {
    return {
      kind: 'manual',
      reason: '微信暂未开放变更备案接口：变更由审核员在微信后台代为办理，并在这里记录每一步结果。',
    };
  }
  switch (authorization) {
    case 'authorized':
      return {
        kind: 'wechat',
        reason: '小程序已授权备案助手：预审通过后，备案助手直接通过微信提交并同步审核进度。',
      };
    case 'unauthorized':
      return {
        kind: 'manual',
        reason: '小程序尚未授权备案助手：审核员将在微信后台代为办理；授权后再提交，即可直接通过微信提交。',
      };
    case 'unavailable':
      return {
        kind: 'manual',
        reason: '暂时无法通过微信提交：审核员将在微信后台代为办理，并在这里记录每一步结果。',
      };
  }
}

/** A new task's deadlines, from its creation. */
export function newFaceTask(taskId: string, now: Date): FaceTask {
  return {
    taskId,
    status: 'waiting',
    createdAt: now.toISOString(),
    noticeExpiresAt: new Date(now.getTime() + FACE_NOTICE_MS).toISOString(),
    expiresAt: new Date(now.getTime() + FACE_TASK_MS).toISOString(),
  };
}

/** A task still waiting for the administrator after its 24-hour notice has lapsed. */
export function faceNoticeLapsed(task: FaceTask, now: Date): boolean {
  return task.status === 'waiting' && now.getTime() >= Date.parse(task.noticeExpiresAt);
}

/**
 * A succeeded task that apply will still accept. A margin of an hour keeps a task about to lapse
 * from being sent and then refused for having lapsed on the way.
 */
export function faceTaskUsable(task: FaceTask | null | undefined, now: Date): boolean {
  return task?.status === 'succeeded' && now.getTime() + 3_600_000 < Date.parse(task.expiresAt);
}
