/**
 * WeChat's face verification of the mini-program principal (docs/wechat-platform.md § Face
 * verification): Beian creates the task when the pre-review passes — WeChat then sends the
 * 人脸核身 notice to the mini-program's administrator — and follows it with
 * `query_icp_verifytask` (the pushed `notify_icpfiling_verify_result` only says when to look).
 * A failed or lapsed task waits for the filer to create a new one.
 */
import {
  faceNoticeLapsed,
  faceTaskUsable,
  newFaceTask,
  type Actor,
  type Application,
  type FaceTask,
} from '@beian/core';
import type { ServerDeps } from '../deps';
import type { IcpClient } from '../wechat/icp';
import { note, step, SYSTEM, WECHAT } from './steps';

/** Creates a task and records it (the filer's retry, or Beian's own after the pre-review). */
export async function createFaceTask(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
  actor: Actor,
): Promise<Application> {
  const created = await icp.createVerifyTask();
  const task = newFaceTask(created.task_id, deps.clock.now());
  return step(deps, application, { type: 'face_task', task }, actor);
}

/** One look at the face task of an application in `face_verification`. */
export async function followFace(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
): Promise<Application | null> {
  const now = deps.clock.now();
  const task = application.wechat?.face ?? null;
  if (task === null) return createFaceTask(deps, icp, application, SYSTEM);
  // A resubmission with a task that is still good: no new notice for the administrator.
  if (faceTaskUsable(task, now)) return step(deps, application, { type: 'face_verified', task }, WECHAT);
  if (task.status !== 'waiting') return note(deps, application);
  const answer = await icp.queryVerifyTask(task.taskId);
  if (answer.is_finish && answer.face_status === 3) {
    return step(deps, application, { type: 'face_verified', task: { ...task, status: 'succeeded' } }, WECHAT);
  }
  if (answer.is_finish && answer.face_status === 2) return record(deps, application, task, 'failed');
  if (faceNoticeLapsed(task, now)) return record(deps, application, task, 'expired');
  return note(deps, application);
}

function record(
  deps: ServerDeps,
  application: Application,
  task: FaceTask,
  status: FaceTask['status'],
): Promise<Application> {
  return step(deps, application, { type: 'face_task', task: { ...task, status } }, SYSTEM);
}
