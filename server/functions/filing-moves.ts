/**
 * What the filer does to move their application: submit (idempotent by requestId), withdraw, and
 * the MIIT SMS check (resend once, confirm).
 */
import { channelOf, type Application, type FilingEvent, type FilingView } from '@beian/core';
import { requireOwnFiles } from '../app/files';
import { replay, requestFingerprint, requestKey } from '../app/idempotency';
import { loadOwned } from '../app/load';
import { move } from '../app/move';
import { filerView } from '../app/views';
import { channelFor } from '../channel/decide';
import { advance } from '../channel/follow';
import type { ServerDeps } from '../deps';
import { Refusal, refuse } from '../errors';
import { ERRCODE } from '../wechat/api';
import { WeChatError } from '../wechat/errors';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';

type Answer = { filing: FilingView };

export const submitFiling: FilingAction<'filing.submit'> = {
  params: filingParams['filing.submit'],
  async run({ id, version, requestId }, { who, deps }) {
    const key = requestKey(who.openid, requestId);
    const fingerprint = requestFingerprint('filing.submit', { id, version });
    const prior = await deps.store.getRequest(key);
    if (prior) return replay<Answer>(prior, id, fingerprint);
    const application = await loadOwned(deps, id, who.openid);
    await requireOwnFiles(deps.files, application.form, who.openid);
    const channel = await channelFor(deps, application);
    try {
      const moved = await move(deps, {
        application,
        version,
        event: { type: 'submit', channel },
        actor: { kind: 'filer', openid: who.openid },
        requestId,
        answer: (submitted) => ({
          key,
          owner: who.openid,
          applicationId: id,
          fingerprint,
          answer: JSON.stringify({ filing: filerView(submitted) } satisfies Answer),
          at: submitted.updatedAt,
        }),
      });
      // The first caller answers from the stored JSON too, so every retry is byte-for-byte equal.
      return JSON.parse(moved.request?.answer ?? 'null') as Answer;
    } catch (error) {
      // A concurrent retry of the same call won the race: answer what it answered.
      if (error instanceof Refusal && error.failure.code === 'CONFLICT') {
        const winner = await deps.store.getRequest(key);
        if (winner) return replay<Answer>(winner, id, fingerprint);
      }
      throw error;
    }
  },
};

function filerMove(
  action: 'filing.withdraw' | 'sms.resend' | 'sms.confirm',
  event: FilingEvent,
): FilingAction<typeof action> {
  return {
    params: filingParams[action],
    async run({ id, version }, { who, deps }) {
      const application = await loadOwned(deps, id, who.openid);
      if (application.version !== version) throw refuse.conflict();
      const wechat = channelOf(application) === 'wechat';
      // Through WeChat the filer's "我已完成核验" asks WeChat; its status decides.
      if (wechat && event.type === 'sms_verified' && application.state === 'sms_verification') {
        return { filing: filerView(await advance(deps, application)) };
      }
      let current = application;
      if (wechat && event.type === 'withdraw' && application.state === 'platform_review') {
        await withdrawAtWeChat(deps, application);
        // WeChat has withdrawn it: record that even if the poll wrote in between.
        current = await loadOwned(deps, id, who.openid);
      }
      const moved = await move(deps, {
        application: current,
        version: current.version,
        event,
        actor: { kind: 'filer', openid: who.openid },
      });
      return { filing: filerView(moved.application) };
    },
  };
}

/** `cancel_apply_icp_filing`: WeChat's refusals as the filer should read them. */
async function withdrawAtWeChat(deps: ServerDeps, application: Application): Promise<void> {
  const platform = deps.wechat.platform;
  if (!platform) throw refuse.invalidState('暂时无法连接微信，请稍后再撤回。');
  try {
    await platform.icp(application.form.miniprogram.appid).cancelApplication();
  } catch (error) {
    if (!(error instanceof WeChatError)) throw error;
    if (error.errcode === ERRCODE.notWithdrawable) {
      throw refuse.invalidState('微信平台初审已完成，申请已进入管局审核流程，不能再撤回。');
    }
    if (error.errcode === ERRCODE.noOrder) {
      throw refuse.invalidState('微信中没有可撤回的备案申请：它可能已被驳回或已撤回，请刷新后查看最新状态。');
    }
    throw refuse.invalidState(`暂时无法撤回：${error.message}`);
  }
}

export const withdrawFiling = filerMove('filing.withdraw', { type: 'withdraw' });
export const resendSms = filerMove('sms.resend', { type: 'sms_resend' });
export const confirmSms = filerMove('sms.confirm', { type: 'sms_verified' });
