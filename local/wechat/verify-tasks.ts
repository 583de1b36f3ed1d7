/**
 * Face-verification tasks (人脸核身) on the local clock: `create_icp_verifytask` sends the notice
 * to the mini-program's administrator, who has 24 hours to finish; the task is then usable at
 * apply for 3 days from creation (1 day with along_with_auth). The administrator's part is the
 * development route `POST /_/wechat/verify-tasks/<task_id>`; until it runs, face_status stays 0.
 */
import { randomBytes } from 'node:crypto';
import type { CreateVerifyTaskResponse, FaceStatus, QueryVerifyTaskResponse } from '../../server/wechat/api';
import type { LocalClock } from '../clock';
import { MORE_ERRCODE, OK, WeChatError } from './errors';
import type { StateFile, VerifyTaskRecord } from './state';

const DAY_MS = 24 * 3_600_000;
export const NOTICE_WINDOW_MS = DAY_MS;

/** Why the administrator cannot finish a task now (the dev route answers it as a 4xx). */
export class VerifyTaskRefusal extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'VerifyTaskRefusal';
  }
}

export interface FinishedTask {
  taskId: string;
  appid: string;
  faceStatus: 2 | 3;
  /** Only for a task created with along_with_auth: 1 when the combined verification passed. UNVERIFIED. */
  alongWithAuthResult: number | null;
}

export class VerifyTasks {
  constructor(
    private readonly file: StateFile,
    private readonly clock: LocalClock,
  ) {}

  create(appid: string, alongWithAuth: boolean): CreateVerifyTaskResponse {
    const taskId = randomBytes(16).toString('hex');
    this.file.change((state) => {
      state.verifyTasks[taskId] = {
        appid,
        alongWithAuth,
        createdAt: this.now(),
        faceStatus: 0,
        finishedAt: null,
      };
    });
    return { ...OK, task_id: taskId };
  }

  query(appid: string, taskId: string): QueryVerifyTaskResponse {
    const task = this.find(appid, taskId);
    if (!task) throw new WeChatError(MORE_ERRCODE.invalidArgs, 'task_id 不存在');
    const answer: QueryVerifyTaskResponse = {
      ...OK,
      is_finish: task.faceStatus !== 0,
      face_status: task.faceStatus satisfies FaceStatus,
    };
    const result = alongWithAuthResult(task);
    return result === null ? answer : { ...answer, along_with_auth_result: result };
  }

  /** The task as apply sees it: why it cannot be used, or null when it can. */
  unusable(appid: string, taskId: string): string | null {
    const task = this.find(appid, taskId);
    if (!task) return '人脸核验任务不存在，请先调用 create_icp_verifytask 创建';
    if (task.faceStatus === 0) return '人脸核验尚未完成，请提醒小程序管理员在 24 小时内完成';
    if (task.faceStatus === 2) return '人脸核验未通过，请重新创建核验任务';
    if (this.now() >= task.createdAt + validityMs(task)) return '人脸核验任务已过期，请重新创建核验任务';
    return null;
  }

  /** The administrator finished (3 success, 2 failure). */
  finish(taskId: string, faceStatus: 2 | 3): FinishedTask {
    const task = Object.prototype.hasOwnProperty.call(this.file.state.verifyTasks, taskId)
      ? this.file.state.verifyTasks[taskId]
      : undefined;
    if (!task) throw new VerifyTaskRefusal(404, `没有这个人脸核验任务：${taskId}`);
    if (task.faceStatus !== 0) throw new VerifyTaskRefusal(409, '该人脸核验任务已完成，不能再次核验。');
    if (this.now() >= task.createdAt + NOTICE_WINDOW_MS) {
      throw new VerifyTaskRefusal(409, '该人脸核验任务已超过 24 小时，已失效：请重新创建核验任务。');
    }
    this.file.change(() => {
      task.faceStatus = faceStatus;
      task.finishedAt = this.now();
    });
    return { taskId, appid: task.appid, faceStatus, alongWithAuthResult: alongWithAuthResult(task) };
  }

  private find(appid: string, taskId: string): VerifyTaskRecord | undefined {
    const tasks = this.file.state.verifyTasks;
    const task = Object.prototype.hasOwnProperty.call(tasks, taskId) ? tasks[taskId] : undefined;
    return task?.appid === appid ? task : undefined;
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function validityMs(task: VerifyTaskRecord): number {
  return (task.alongWithAuth ? 1 : 3) * DAY_MS;
}

function alongWithAuthResult(task: VerifyTaskRecord): number | null {
  if (!task.alongWithAuth) return null;
  return task.faceStatus === 3 ? 1 : 0;
}
