/**
 * The sending step against a WeChat that fails: each attempt is counted once, backs off as
 * docs/wechat-platform.md § Sending says, and a run that died mid-call never applies twice — it
 * asks WeChat whether the order exists first.
 */
import type { Application } from '@beian/core';
import { followSend } from '../../server/channel/send';
import { WeChatError } from '../../server/wechat/errors';
import type { IcpClient } from '../../server/wechat/icp';
import { application } from './helpers/applications';
import { STORES, useHarness } from './helpers/harness';

const NOW = '2026-11-02T02:00:00.000Z';

function sending(overrides: Partial<Application> = {}): Application {
  return application({
    state: 'sending',
    submittedAt: '2026-11-02T01:00:00.000Z',
    channel: { kind: 'wechat', reason: '已授权' },
    wechat: {
      face: {
        taskId: 'task-1',
        status: 'succeeded',
        createdAt: '2026-11-02T00:00:00.000Z',
        noticeExpiresAt: '2026-11-03T00:00:00.000Z',
        expiresAt: '2026-11-05T00:00:00.000Z',
      },
      media: [],
      send: null,
      status: null,
      checkedAt: null,
    },
    ...overrides,
  });
}

function fakeIcp(status = 1024) {
  const applied: unknown[] = [];
  const icp = {
    uploadMedia: async () => ({
      errcode: 0,
      errmsg: 'ok',
      type: 'image',
      media_id: 'media-1',
      created_at: 0,
    }),
    applyFiling: async (body: unknown) => {
      applied.push(body);
      throw new WeChatError('/wxa/icp/apply_icp_filing', -1, 'system error');
    },
    entranceInfo: async () => ({ errcode: 0, errmsg: 'ok', info: { status } }),
  } as unknown as IcpClient;
  return { icp, applied };
}

describe.each(STORES)('the sending step on %s', (kind) => {
  const h = useHarness(kind, NOW);

  it('counts each failed apply once and backs off, 1 minute then 5', async () => {
    const app = sending();
    await h.store.insertApplication(app);
    const { icp, applied } = fakeIcp();
    await followSend(h.deps, icp, app);
    let stored = await h.store.getApplication(app.id);
    expect(stored?.wechat?.send).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: '2026-11-02T02:01:00.000Z',
    });
    expect(stored?.wechat?.send?.error).toContain('-1 system error');
    // Within the backoff nothing is tried.
    expect(await followSend(h.deps, icp, stored ?? app)).toBeNull();
    expect(applied).toHaveLength(1);
    h.advance(61_000);
    await followSend(h.deps, icp, (await h.store.getApplication(app.id)) ?? app);
    stored = await h.store.getApplication(app.id);
    expect(stored?.wechat?.send).toMatchObject({ state: 'failed', attempts: 2 });
    expect(Date.parse(stored?.wechat?.send?.nextAttemptAt ?? '') - h.deps.clock.now().getTime()).toBe(
      5 * 60_000,
    );
    expect(applied).toHaveLength(2);
  });

  it('after a call that died, asks WeChat first and moves on without applying again', async () => {
    const app = sending();
    app.wechat = app.wechat && {
      ...app.wechat,
      send: {
        submission: app.submittedAt ?? '',
        state: 'calling',
        attempts: 1,
        at: '2026-11-02T01:50:00.000Z',
        nextAttemptAt: '2026-11-02T01:50:00.000Z',
        error: null,
      },
    };
    await h.store.insertApplication(app);
    const { icp, applied } = fakeIcp(2);
    const moved = await followSend(h.deps, icp, app);
    expect(moved?.state).toBe('platform_review');
    expect(applied).toEqual([]);
  });
});
