/**
 * WeChat's side of one appid's filing, moved by `POST /_/wechat/icp/<appid>/review`: every
 * outcome, every refusal of an outcome that does not apply, withdrawal and cancellation, what
 * `get_icp_entrance_info` shows at each step, and the masked `get_online_icp_order`.
 */
import { WECHAT_APPID } from '../../fixtures/wechat-apply';
import type { ApplyIcpFilingRequest } from '../../../server/wechat/api';
import { WeChatCloud, type Json } from './harness';

let test: WeChatCloud;
let token: string;
let body: ApplyIcpFilingRequest;

beforeAll(async () => {
  test = await WeChatCloud.start();
  ({ token, body } = await test.readyToApply(WECHAT_APPID));
});

afterAll(async () => {
  await test.close();
});

const info = async (): Promise<Json> =>
  (await test.api('/wxa/icp/get_icp_entrance_info', { access_token: token })).info as Json;
const call = (path: string, payload: unknown = {}) =>
  test.api(`/wxa/icp/${path}`, { access_token: token }, payload);
const audit = [
  { key_name: '主体负责人手机号码', error: '号码不是负责人本人', suggest: '请填写负责人本人的手机号码' },
];

async function move(outcome: string, expected: Json, auditData?: unknown): Promise<void> {
  const answer = await test.review(WECHAT_APPID, outcome, auditData);
  expect(answer).toEqual({ status: 200, json: expected });
  expect(test.lastEvent()).toMatchObject({
    type: 'notify_apply_icpfiling_result',
    authorizerAppid: WECHAT_APPID,
    beianStatus: expected.status,
  });
}

async function refusedOutcome(outcome: string): Promise<void> {
  const answer = await test.review(WECHAT_APPID, outcome);
  expect(answer.status).toBe(409);
  expect(answer.json).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining(outcome) },
  });
}

describe('before any apply', () => {
  it('is 1024 未备案, with nothing to withdraw, cancel, review or show', async () => {
    expect(await info()).toEqual({ status: 1024, is_canceling: false, available: 1 });
    expect(await call('cancel_apply_icp_filing')).toMatchObject({ errcode: 86368 });
    expect(await call('cancel_icp_filing', { cancel_type: 2 })).toMatchObject({ errcode: 86353 });
    expect(await test.api('/wxa/icp/get_online_icp_order', { access_token: token })).toMatchObject({
      errcode: 86353,
    });
    expect((await test.review(WECHAT_APPID, 'platform_approve')).status).toBe(404);
  });
});

describe('through every outcome', () => {
  it('platform review: rejected with its audit data, then withdrawn, then applied again', async () => {
    expect(await test.apply(token, body)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await info()).toEqual({ status: 2, is_canceling: false, available: 1 });
    for (const outcome of ['sms_verified', 'sms_timeout', 'authority_approve', 'authority_reject']) {
      await refusedOutcome(outcome);
    }
    await move('platform_reject', { status: 3, sms_verify_status: 0, record_number: null }, audit);
    expect(await info()).toEqual({ status: 3, is_canceling: false, available: 1, audit_data: audit });
    expect(await call('cancel_apply_icp_filing')).toMatchObject({ errcode: 86330 });

    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
    expect(await call('cancel_apply_icp_filing')).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await info()).toMatchObject({ status: 1024 });
    expect(await call('cancel_apply_icp_filing')).toMatchObject({ errcode: 86368 });
  });

  it('SMS check: times out, or is verified', async () => {
    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
    await move('platform_approve', { status: 4, sms_verify_status: 1, record_number: null });
    expect(await info()).toEqual({ status: 4, is_canceling: false, available: 1, sms_verify_status: 1 });
    expect(await call('cancel_apply_icp_filing')).toMatchObject({ errcode: 86330 });
    expect(await test.apply(token, body)).toMatchObject({ errcode: 86324 });
    await refusedOutcome('authority_approve');
    await move('sms_timeout', { status: 4, sms_verify_status: 3, record_number: null });
    await refusedOutcome('sms_verified');

    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
    await move('platform_approve', { status: 4, sms_verify_status: 1, record_number: null });
    await move('sms_verified', { status: 4, sms_verify_status: 2, record_number: null });
    expect(await call('cancel_icp_filing', { cancel_type: 2 })).toMatchObject({ errcode: 86324 });
  });

  it('the authority: rejects with its audit data, or files with a record number', async () => {
    await move('authority_reject', { status: 5, sms_verify_status: 0, record_number: null }, audit);
    expect(await info()).toMatchObject({ status: 5, audit_data: audit });

    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
    await move('platform_approve', { status: 4, sms_verify_status: 1, record_number: null });
    await move('sms_verified', { status: 4, sms_verify_status: 2, record_number: null });
    const filed = await test.review(WECHAT_APPID, 'authority_approve');
    expect(filed.json).toEqual({
      status: 6,
      sms_verify_status: 0,
      record_number: expect.stringMatching(/^京ICP备2026\d{6}号-1X$/),
    });
    expect(await info()).toEqual({ status: 6, is_canceling: false, available: 1 });
    expect(await test.apply(token, body)).toMatchObject({ errcode: 86324 });
    for (const outcome of ['platform_approve', 'platform_reject', 'sms_verified', 'authority_approve']) {
      await refusedOutcome(outcome);
    }
  });
});

describe('get_online_icp_order', () => {
  it('answers the filed order without media, masked as WeChat masks it', async () => {
    const order = await test.api('/wxa/icp/get_online_icp_order', { access_token: token });
    const principal = {
      name: '*三',
      mobile: '138****1234',
      email: 'z***@example.com',
      emergency_contact: '139****5678',
      certificate_type: 2,
      certificate_number: '11**************34',
      certificate_validity_date_start: '20200101',
      certificate_validity_date_end: '20400101',
    };
    expect(order).toEqual({
      errcode: 0,
      errmsg: 'ok',
      icp_subject: {
        base_info: {
          ...body.icp_subject.base_info,
          record_number: expect.stringMatching(/^京ICP备2026\d{6}号$/),
        },
        organize_info: {
          certificate_type: 1,
          certificate_number: '91110105MA01ABCD2X',
          certificate_address: '北京市朝阳区建国路 88 号',
        },
        principal_info: principal,
      },
      icp_applets: {
        base_info: {
          appid: WECHAT_APPID,
          service_content_types: [3],
          nrlx_details: [{ type: 24 }],
          comment: body.icp_applets.base_info.comment,
          record_number: expect.stringMatching(/^京ICP备2026\d{6}号-1X$/),
        },
        principal_info: principal,
      },
    });
    const subjectNumber = (order.icp_subject as { base_info: { record_number: string } }).base_info
      .record_number;
    const appletsNumber = (order.icp_applets as { base_info: { record_number: string } }).base_info
      .record_number;
    expect(appletsNumber).toBe(`${subjectNumber}-1X`);
    expect(JSON.stringify(order)).not.toMatch(/张三|13800001234|110105199001011234/);
  });
});

describe('cancellation of the filing', () => {
  it('refuses a cancel_type WeChat does not have', async () => {
    expect(await call('cancel_icp_filing', { cancel_type: 4 })).toMatchObject({ errcode: 47001 });
  });

  it('sets is_canceling; an ignored SMS or the authority’s refusal leaves the record in force', async () => {
    expect(await call('cancel_icp_filing', { cancel_type: 2, reason_type: 1 })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect(await info()).toEqual({ status: 6, is_canceling: true, available: 1 });
    expect(await call('cancel_icp_filing', { cancel_type: 2 })).toMatchObject({ errcode: 86353 });
    await refusedOutcome('platform_approve');
    await move('sms_timeout', {
      status: 6,
      sms_verify_status: 0,
      record_number: expect.stringMatching(/-1X$/),
    });
    expect(await info()).toMatchObject({ status: 6, is_canceling: false });

    expect(await call('cancel_icp_filing', { cancel_type: 1 })).toMatchObject({ errcode: 0 });
    await move('authority_reject', {
      status: 6,
      sms_verify_status: 0,
      record_number: expect.stringMatching(/-1X$/),
    });
    expect(await info()).toMatchObject({ status: 6, is_canceling: false });
  });

  it('is completed by authority_approve: the record is gone and the appid may file again', async () => {
    expect(await call('cancel_icp_filing', { cancel_type: 3 })).toMatchObject({ errcode: 0 });
    await move('authority_approve', { status: 1024, sms_verify_status: 0, record_number: null });
    expect(await info()).toEqual({ status: 1024, is_canceling: false, available: 1 });
    expect(await test.api('/wxa/icp/get_online_icp_order', { access_token: token })).toMatchObject({
      errcode: 86353,
    });
    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
  });

  it('keeps the order across a restart', async () => {
    await test.restart();
    expect(await info()).toMatchObject({ status: 2 });
  });
});
