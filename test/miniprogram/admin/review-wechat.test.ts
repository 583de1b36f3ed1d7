/**
 * The review page's WeChat card (miniprogram/admin/review/wechat.ts): what it says of the
 * sending step before, during and after the apply call, and of the face task.
 */
import type { Application, SendAttempt } from '@beian/core';
import { wechatPanel } from '../../../miniprogram/admin/review/wechat';
import { application } from './fixtures';

const SUBMITTED = '2026-05-04T06:30:00.000Z';

function through(state: Application['state'], send: SendAttempt | null): Application {
  return application({
    state,
    submittedAt: SUBMITTED,
    channel: { kind: 'wechat', reason: '小程序已授权备案助手' },
    wechat: { face: null, media: [], send, status: null, checkedAt: null },
  });
}

const calling: SendAttempt = {
  submission: SUBMITTED,
  state: 'calling',
  attempts: 1,
  at: '2026-05-04T07:00:00.000Z',
  nextAttemptAt: '2026-05-04T07:00:00.000Z',
  error: null,
};

describe('the WeChat card on the review page', () => {
  it('says the call is being made while the application is sending', () => {
    expect(wechatPanel(through('sending', calling))?.send).toBe('第 1 次提交中（2026-05-04 15:00）');
  });

  it('says the application was sent once WeChat took it, not that it is still being sent', () => {
    expect(wechatPanel(through('platform_review', calling))?.send).toBe(
      '已提交（第 1 次，2026-05-04 15:00）',
    );
  });

  it('says uploads are under way before the first call', () => {
    expect(wechatPanel(through('sending', null))?.send).toBe('正在上传材料');
  });

  it('gives a passed face task its validity, a waiting one its notice deadline', () => {
    const face = {
      taskId: 't-1',
      status: 'waiting' as const,
      createdAt: '2026-05-04T06:30:00.000Z',
      noticeExpiresAt: '2026-05-05T06:30:00.000Z',
      expiresAt: '2026-05-07T06:30:00.000Z',
    };
    const withFace = (status: 'waiting' | 'succeeded') => {
      const app = through('sending', null);
      const track = { face: { ...face, status }, media: [], send: null, status: null, checkedAt: null };
      return wechatPanel({ ...app, wechat: track })?.face;
    };
    expect(withFace('waiting')).toBe('等待小程序管理员完成，通知 2026-05-05 14:30 前有效');
    expect(withFace('succeeded')).toBe('已通过，有效期至 2026-05-07 14:30');
  });
});
