/**
 * Filing through WeChat, end to end over HTTP on the local cloud's emulated open platform:
 * authorize → draft → submit → Beian's pre-review → WeChat's face task → media and apply →
 * WeChat's platform review → the MIIT SMS check → the authority → filed with WeChat's number.
 * WeChat's side is moved only by the development routes, as people on WeChat's side would move
 * it; Beian learns of it from the pushes and the scheduler's poll.
 */
import type { Application, FilingView } from '@beian/core';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventSink } from '../../local/wechat/push';
import { personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, TestCloud } from './harness';

const APPID = 'wx1234567890abcdef';

interface Logged {
  path: string;
  body: Record<string, unknown> | null;
  response: Record<string, unknown>;
}

let test: TestCloud;

beforeEach(async () => {
  test = await TestCloud.start();
  ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
  expect((await test.post('/_/wechat/authorize', { appid: APPID })).status).toBe(200);
});

afterEach(() => test.close());

const at = (filing: { id: string; version: number }) => ({ id: filing.id, version: filing.version });

async function submitted(): Promise<FilingView> {
  let filing = ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
  const form = await test.withLocalFiles(FILER, personalForm());
  form.miniprogram.appid = APPID;
  filing = ok(await test.as(FILER, 'filing', 'draft.save', { ...at(filing), form })).filing;
  return ok(
    await test.as(FILER, 'filing', 'filing.submit', { ...at(filing), requestId: `submit-${filing.id}` }),
  ).filing;
}

async function current(id: string): Promise<FilingView> {
  return ok(await test.as(FILER, 'filing', 'filing.get', { id })).filing;
}

async function review(id: string): Promise<Application> {
  return ok(await test.as(ADMIN, 'admin', 'filing.get', { id })).filing;
}

async function calls(path: string): Promise<Logged[]> {
  const { json } = await test.get('/_/wechat/requests');
  return (json as Logged[]).filter((request) => request.path === path);
}

/** Submitted, pre-reviewed, face verified at WeChat: WeChat has the application. */
async function atWeChat(): Promise<FilingView> {
  const filing = await submitted();
  ok(await test.as(ADMIN, 'admin', 'review.approve', at(filing)));
  const taskId = (await review(filing.id)).wechat?.face?.taskId ?? '';
  expect((await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 3 })).status).toBe(200);
  return current(filing.id);
}

/** WeChat's side moves, some minutes after whatever happened before (its pushes carry the second). */
async function wechatReview(outcome: string, auditData?: unknown): Promise<void> {
  await test.advance(10 * 60_000);
  const { status, json } = await test.post(`/_/wechat/icp/${APPID}/review`, { outcome, auditData });
  if (status !== 200) throw new Error(`review ${outcome}: ${JSON.stringify(json)}`);
}

describe('filing through WeChat', () => {
  it('runs from authorization to the record number WeChat issued', async () => {
    const filing = await submitted();
    expect(filing).toMatchObject({ state: 'pre_review', channel: { kind: 'wechat' } });

    const approved = ok(await test.as(ADMIN, 'admin', 'review.approve', at(filing))).filing;
    expect(approved.state).toBe('face_verification');
    expect(approved.wechat?.face).toMatchObject({ status: 'waiting' });
    expect(await calls('/wxa/icp/create_icp_verifytask')).toHaveLength(1);
    const todo = ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id })).todo;
    expect(todo.title).toBe('完成微信人脸核身');

    const taskId = approved.wechat?.face?.taskId ?? '';
    expect((await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 3 })).status).toBe(200);
    const sent = await current(filing.id);
    expect(sent.state).toBe('platform_review');
    const uploads = await calls('/wxa/icp/upload_icp_media');
    expect(uploads.length).toBeGreaterThan(0);
    expect(uploads.every((upload) => upload.response.errcode === 0)).toBe(true);
    const applies = await calls('/wxa/icp/apply_icp_filing');
    expect(applies).toHaveLength(1);
    expect(applies[0]?.response.errcode).toBe(0);

    await wechatReview('platform_approve');
    expect((await current(filing.id)).state).toBe('sms_verification');
    await wechatReview('sms_verified');
    expect((await current(filing.id)).state).toBe('authority_review');
    await wechatReview('authority_approve');
    const filed = await current(filing.id);
    expect(filed.state).toBe('filed');
    expect(filed.recordNumber).toMatch(/^京ICP备2026\d{6}号-1X$/);

    const audit = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id })).audit;
    expect(audit.map((event) => [event.event.type, event.actor.kind])).toEqual([
      ['submit', 'filer'],
      ['pre_approve', 'admin'],
      ['face_task', 'system'],
      ['face_verified', 'wechat'],
      ['wechat_sent', 'system'],
      ['platform_approve', 'wechat'],
      ['sms_verified', 'wechat'],
      ['authority_approve', 'wechat'],
    ]);
    // Whatever was retried or looked at again, WeChat got one application.
    await test.tick();
    expect(await calls('/wxa/icp/apply_icp_filing')).toHaveLength(1);
  });

  it('follows WeChat by the poll when its pushes are lost', async () => {
    await test.close();
    // WeChat's pushes about the filing never arrive; those of the token chain do.
    let url = '';
    const lossy: EventSink = {
      async deliver(target, request) {
        if (target.kind !== 'component' || url === '') return;
        const query = new URLSearchParams(request.query);
        const answer = await fetch(`${url}/wechat/auth?${query}`, { method: 'POST', body: request.body });
        if ((await answer.text()) !== 'success') throw new Error('the intake did not take it');
      },
    };
    test = await TestCloud.start({ wechatSink: lossy });
    url = test.url;
    const ticket = test.cloud.wechat.deliveries().find((d) => d.event === 'component_verify_ticket');
    if (!ticket) throw new Error('no ticket at start');
    await lossy.deliver({ kind: 'component' }, ticket.request);
    ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
    expect((await test.post('/_/wechat/authorize', { appid: APPID })).status).toBe(200);

    const filing = await atWeChat();
    expect(filing.state).toBe('face_verification');
    await test.tick();
    expect((await current(filing.id)).state).toBe('platform_review');
    // WeChat moves twice between two looks: the poll walks both steps.
    await wechatReview('platform_approve');
    await wechatReview('sms_verified');
    await test.tick();
    expect((await current(filing.id)).state).toBe('authority_review');
    expect(test.logs.some((line) => line.includes('tick: wechat checked 1, moved 1'))).toBe(true);
    const audit = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id })).audit;
    expect(audit.slice(-2).map((event) => event.event.type)).toEqual(['platform_approve', 'sms_verified']);
  });

  it("turns WeChat's rejection into reasons at the form's fields", async () => {
    const filing = await atWeChat();
    await wechatReview('platform_reject', [
      { key_name: '主体负责人手机号码', error: '号码与负责人不符', suggest: '填写本人实名手机号' },
      { key_name: '其他', error: '请补充说明', suggest: '' },
    ]);
    const rejected = await current(filing.id);
    expect(rejected.state).toBe('platform_rejected');
    expect(rejected.reasons).toEqual([
      { field: 'subject.principal.mobile', error: '号码与负责人不符', suggest: '填写本人实名手机号' },
      { field: '备案信息', error: '其他：请补充说明', suggest: '' },
    ]);
  });

  it('times out when WeChat says the SMS check timed out', async () => {
    const filing = await atWeChat();
    await wechatReview('platform_approve');
    await wechatReview('sms_timeout');
    expect((await current(filing.id)).state).toBe('sms_timeout');
  });

  it('follows WeChat after a day in which nothing called it (the ticket is fresh again)', async () => {
    const filing = await atWeChat();
    await wechatReview('platform_approve');
    await test.advance(25 * 60 * 60_000);
    await wechatReview('sms_timeout');
    expect((await current(filing.id)).state).toBe('sms_timeout');
    expect(test.logs.some((line) => line.includes('61005'))).toBe(false);
  });

  it('withdraws at WeChat during the platform review', async () => {
    const filing = await atWeChat();
    const withdrawn = ok(await test.as(FILER, 'filing', 'filing.withdraw', at(filing))).filing;
    expect(withdrawn.state).toBe('withdrawn');
    expect(await calls('/wxa/icp/cancel_apply_icp_filing')).toHaveLength(1);
  });

  it("refuses a withdrawal WeChat refuses, in the filer's words, and changes nothing", async () => {
    const filing = await atWeChat();
    await wechatReview('platform_approve');
    // Our side has not seen it yet: WeChat refuses the withdrawal (86330).
    const stale = { ...filing, state: 'platform_review' as const };
    const answer = await test.as(FILER, 'filing', 'filing.withdraw', at(stale));
    if (answer.ok) throw new Error('withdrawn');
    expect(['INVALID_STATE', 'CONFLICT']).toContain(answer.error.code);
    expect((await current(filing.id)).state).toBe('sms_verification');
  });

  it('lists WeChat-channel applications apart in the queue, by channel', async () => {
    const filing = await submitted();
    const ids = async (channel?: 'wechat' | 'manual') =>
      ok(
        await test.as(ADMIN, 'admin', 'queue.list', { state: 'pre_review', ...(channel ? { channel } : {}) }),
      ).items.map((item) => item.id);
    expect(await ids('wechat')).toEqual([filing.id]);
    expect(await ids('manual')).toEqual([]);
    expect(await ids()).toEqual([filing.id]);
    const bad = await test.as(ADMIN, 'admin', 'queue.list', { channel: 'fax' as 'manual' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'channel' }] } });
  });

  it('keeps a failed send for the admins, counted and with its reason, and retries it on their word', async () => {
    const filing = await submitted();
    ok(await test.as(ADMIN, 'admin', 'review.approve', at(filing)));
    // A referenced file is gone from storage: the upload cannot be made.
    const missing = filing.form.subject.principal.certificate.photoBack.split('/').slice(3).join('/');
    rmSync(join(test.dataDir, 'files', ...missing.split('/')));
    const taskId = (await review(filing.id)).wechat?.face?.taskId ?? '';
    expect((await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 3 })).status).toBe(200);
    const stuck = await review(filing.id);
    expect(stuck.state).toBe('sending');
    expect(stuck.wechat?.send).toMatchObject({ state: 'failed', attempts: 0 });
    expect(stuck.wechat?.send?.error).toContain('文件已不存在');
    expect(await calls('/wxa/icp/apply_icp_filing')).toEqual([]);
    const retried = ok(await test.as(ADMIN, 'admin', 'wechat.retry', at(stuck))).filing;
    expect(retried.state).toBe('sending');
    expect(retried.wechat?.send?.state).toBe('failed');
  });

  it('lets no admin record what WeChat decides', async () => {
    const filing = await atWeChat();
    const answer = await test.as(ADMIN, 'admin', 'review.approve', at(await current(filing.id)));
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a failed face verification is created again by the filer', async () => {
    const filing = await submitted();
    const approved = ok(await test.as(ADMIN, 'admin', 'review.approve', at(filing))).filing;
    const taskId = approved.wechat?.face?.taskId ?? '';
    expect((await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 2 })).status).toBe(200);
    const failed = ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id }));
    expect(failed.todo.actions).toContain('face.retry');
    const retried = ok(await test.as(FILER, 'filing', 'face.retry', at(failed.filing))).filing;
    expect(retried.wechat?.face).toMatchObject({ status: 'waiting' });
    expect(retried.wechat?.face?.taskId).not.toBe(taskId);
    expect(await calls('/wxa/icp/create_icp_verifytask')).toHaveLength(2);
  });

  /** Filed through WeChat, then a cancellation of `scope` submitted: it waits for Beian's pre-review. */
  async function cancellation(
    scope: 'subject' | 'miniprogram',
  ): Promise<{ filed: FilingView; cancel: FilingView }> {
    const filing = await atWeChat();
    for (const outcome of ['platform_approve', 'sms_verified', 'authority_approve'])
      await wechatReview(outcome);
    const filed = await current(filing.id);
    expect(filed.state).toBe('filed');
    const draft = ok(
      await test.as(FILER, 'filing', 'draft.create', {
        kind: 'cancel',
        cancelScope: scope,
        baseId: filed.id,
      }),
    ).filing;
    const cancel = ok(
      await test.as(FILER, 'filing', 'filing.submit', { ...at(draft), requestId: `cancel-${scope}` }),
    ).filing;
    return { filed, cancel };
  }

  it('cancels a record through WeChat: the MIIT SMS, then the record is gone', async () => {
    const { filed, cancel } = await cancellation('miniprogram');
    expect(cancel).toMatchObject({ state: 'pre_review', channel: { kind: 'wechat' } });
    const sent = ok(await test.as(ADMIN, 'admin', 'review.approve', at(cancel))).filing;
    expect(sent.state).toBe('sms_verification');
    const cancelCalls = await calls('/wxa/icp/cancel_icp_filing');
    expect(cancelCalls.map((call) => call.body)).toEqual([{ cancel_type: 2, reason_type: 1 }]);
    await wechatReview('authority_approve');
    expect((await current(cancel.id)).state).toBe('cancelled');
    expect((await current(filed.id)).state).toBe('cancelled');
  });

  it('a cancellation whose SMS is ignored stops, and the record stays filed', async () => {
    const { filed, cancel } = await cancellation('subject');
    ok(await test.as(ADMIN, 'admin', 'review.approve', at(cancel)));
    await wechatReview('sms_timeout');
    expect((await current(cancel.id)).state).toBe('sms_timeout');
    expect((await current(filed.id)).state).toBe('filed');
  });
});
