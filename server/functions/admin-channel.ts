/**
 * The admins' hand on the WeChat channel: run a failed sending step again now (after fixing what
 * WeChat refused, or once WeChat is back), instead of waiting for its backoff.
 */
import { channelOf } from '@beian/core';
import { loadSubmitted } from '../app/load';
import { advance } from '../channel/follow';
import { refuse } from '../errors';
import { adminParams } from '../schemas/params';
import type { AdminAction } from './callers';

export const retrySend: AdminAction<'wechat.retry'> = {
  params: adminParams['wechat.retry'],
  async run({ id, version }, { deps }) {
    const application = await loadSubmitted(deps, id);
    if (application.version !== version) throw refuse.conflict();
    if (channelOf(application) !== 'wechat' || application.state !== 'sending') {
      throw refuse.invalidState('只有通过微信提交、正在提交至微信的申请可以重试提交。');
    }
    return { filing: await advance(deps, application, { force: true }) };
  },
};
