/**
 * What the filer does in the WeChat channel beyond the common moves: create WeChat's face
 * verification again when the last task failed or its notice lapsed.
 */
import { channelOf, faceNoticeLapsed, faceTaskUsable } from '@beian/core';
import { loadOwned } from '../app/load';
import { filerView } from '../app/views';
import { createFaceTask } from '../channel/face';
import { refuse } from '../errors';
import { filingParams } from '../schemas/params';
import { WeChatError } from '../wechat/errors';
import type { FilingAction } from './callers';

export const retryFace: FilingAction<'face.retry'> = {
  params: filingParams['face.retry'],
  async run({ id, version }, { who, deps }) {
    const application = await loadOwned(deps, id, who.openid);
    if (application.version !== version) throw refuse.conflict();
    const platform = deps.wechat.platform;
    if (channelOf(application) !== 'wechat' || application.state !== 'face_verification' || !platform) {
      throw refuse.invalidState('只有通过微信提交、正在等待人脸核验的申请可以重新发起人脸核身。');
    }
    const task = application.wechat?.face ?? null;
    const now = deps.clock.now();
    if (task && (faceTaskUsable(task, now) || (task.status === 'waiting' && !faceNoticeLapsed(task, now)))) {
      throw refuse.invalidState('当前的人脸核身任务仍然有效：请小程序管理员在微信中完成，无需重新发起。');
    }
    try {
      const icp = platform.icp(application.form.miniprogram.appid);
      const moved = await createFaceTask(deps, icp, application, { kind: 'filer', openid: who.openid });
      return { filing: filerView(moved) };
    } catch (error) {
      if (!(error instanceof WeChatError)) throw error;
      throw refuse.invalidState(`暂时无法发起人脸核身：${error.message}`);
    }
  },
};
