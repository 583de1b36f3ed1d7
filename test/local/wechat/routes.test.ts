/**
 * The emulated platform's HTTP surface, in the exact shapes other repositories' tests rely on: the
 * development routes, the request log, the media and verify-task endpoints, the enumerations, and
 * the pushes, which open with the platform's secrets into the right event for the right target.
 */
import { parseXml } from '../../../server/wechat/xml';
import type { PushRequest, PushTarget } from '../../../local/wechat/push';
import { OTHER_WECHAT_APPID, WECHAT_APPID } from '../../fixtures/wechat-apply';
import { HOUR, WeChatCloud, type Json } from './harness';

let test: WeChatCloud;
let token: string;
const sunk: { target: PushTarget; request: PushRequest }[] = [];
let failing = false;

beforeAll(async () => {
  test = await WeChatCloud.start({
    wechatSink: {
      deliver: async (target, request) => {
        if (failing) throw new Error('intake down');
        sunk.push({ target, request });
      },
    },
  });
  ({ token } = await test.authorizerToken(WECHAT_APPID));
});

afterAll(async () => {
  await test.close();
});

type Logged = { method: string; path: string; query: Json; body: unknown; response: Json };
const requests = async (): Promise<Logged[]> => (await test.get('/_/wechat/requests')).json as Logged[];

describe('POST /_/wechat/authorize', () => {
  it('answers the code it pushed, after a ticket, to the component sink', async () => {
    const answer = await test.post('/_/wechat/authorize', { appid: OTHER_WECHAT_APPID });
    expect(answer).toEqual({
      status: 200,
      json: {
        appid: OTHER_WECHAT_APPID,
        authorization_code: expect.stringMatching(/^queryauthcode@@@/),
        expires_at: expect.any(String),
        func_scopes: [18, 156],
      },
    });
    const last = sunk.at(-1);
    expect(last?.target).toEqual({ kind: 'component' });
    expect(Object.keys(parseXml(last?.request.body ?? '') ?? {})).toEqual(['AppId', 'Encrypt']);
    expect(last?.request.query).toEqual({
      msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/),
      timestamp: String(Math.floor(Date.parse('2026-11-02T02:00:00.000Z') / 1000)),
      nonce: expect.stringMatching(/^\d+$/),
      encrypt_type: 'aes',
    });
    expect(test.lastEvent()).toMatchObject({
      type: 'authorized',
      authorizerAppid: OTHER_WECHAT_APPID,
      authorizationCode: answer.json.authorization_code,
    });
    expect(sunk[0]?.target).toEqual({ kind: 'component' });
    expect(test.events()[0]).toMatchObject({ type: 'component_verify_ticket' });
  });

  it('refuses what is not a mini-program appid', async () => {
    for (const body of [{}, { appid: 'wx123' }, { appid: test.secrets().appid }]) {
      const answer = await test.post('/_/wechat/authorize', body);
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(/appid/) },
      });
    }
  });
});

describe('GET /_/wechat/requests', () => {
  it('lists every call oldest first, in WeChat’s own paths, the appsecret masked', async () => {
    const log = await requests();
    expect(log.map((r) => r.path)).toEqual([
      '/cgi-bin/component/api_component_token',
      '/cgi-bin/component/api_query_auth',
    ]);
    expect(log[0]).toEqual({
      method: 'POST',
      path: '/cgi-bin/component/api_component_token',
      query: {},
      body: {
        component_appid: test.secrets().appid,
        component_appsecret: '******',
        component_verify_ticket: expect.stringMatching(/^ticket@@@/),
      },
      response: { component_access_token: expect.any(String), expires_in: 7200 },
    });
    expect(JSON.stringify(log)).not.toContain(test.secrets().appsecret);
  });

  it('logs an upload as its text fields and the size of its media', async () => {
    const uploaded = await test.upload(
      token,
      {
        type: 'image',
        certificate_type: '2',
        icp_order_field: 'icp_subject.principal_info.certificate_photo_front',
      },
      Buffer.alloc(1234, 7),
    );
    expect(uploaded).toEqual({
      errcode: 0,
      errmsg: 'ok',
      type: 'image',
      media_id: expect.any(String),
      created_at: 1793584800,
    });
    expect((await requests()).at(-1)).toEqual({
      method: 'POST',
      path: '/wxa/icp/upload_icp_media',
      query: { access_token: token },
      body: {
        type: 'image',
        certificate_type: '2',
        icp_order_field: 'icp_subject.principal_info.certificate_photo_front',
        media: { filename: 'photo.jpg', contentType: 'image/jpeg', bytes: 1234 },
      },
      response: uploaded,
    });
    const media = await fetch(
      `${test.cloud.wechat.apiBaseUrl}/wxa/icp/get_icp_media?access_token=${token}&media_id=${String(uploaded.media_id)}`,
    );
    expect(media.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await media.arrayBuffer())).toEqual(Buffer.alloc(1234, 7));
    expect(await test.api('/wxa/icp/get_icp_media', { access_token: token, media_id: 'nope' })).toMatchObject(
      { errcode: 86205 },
    );
  });

  it('answers 40066 for a path WeChat does not have and 43002 for a GET of a POST endpoint', async () => {
    expect(await test.api('/wxa/icp/no_such_api', { access_token: token })).toMatchObject({ errcode: 40066 });
    expect(await test.api('/wxa/icp/apply_icp_filing', { access_token: token })).toMatchObject({
      errcode: 43002,
    });
    expect((await requests()).at(-1)).toMatchObject({
      method: 'GET',
      path: '/wxa/icp/apply_icp_filing',
      body: null,
    });
  });
});

describe('the enumerations', () => {
  it('answer core’s tables and WeChat’s district tree', async () => {
    const call = (name: string) => test.api(`/wxa/icp/query_icp_${name}`, { access_token: token });
    expect(await call('subject_types')).toMatchObject({
      errcode: 0,
      items: expect.arrayContaining([{ type: 5, name: '个人', remark: '' }]),
    });
    expect((await call('certificate_types')).items).toContainEqual({
      type: 2,
      subject_type: 5,
      name: '居民身份证',
      remark: '',
    });
    const services = (await call('service_content_types')).items as { type: number; parent_type: number }[];
    expect(services).toContainEqual(expect.objectContaining({ type: 500, parent_type: 0 }));
    expect(services).toContainEqual(expect.objectContaining({ type: 3, parent_type: 500 }));
    expect((await call('nrlx_types')).items).toContainEqual({ type: 24, name: '以上都不涉及' });
    const [beijing] = (await call('district_code')).items as {
      code: number;
      sub_list: { code: number; name: string }[];
    }[];
    expect(beijing?.sub_list[0]).toMatchObject({ code: 110100, name: '市辖区' });
  });
});

describe('verify tasks', () => {
  it('stay at face_status 0 until the administrator finishes, then push the result to the appid', async () => {
    const created = await test.api(
      '/wxa/icp/create_icp_verifytask',
      { access_token: token },
      { along_with_auth: true },
    );
    expect(created).toEqual({ errcode: 0, errmsg: 'ok', task_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const taskId = String(created.task_id);
    const query = () =>
      test.api('/wxa/icp/query_icp_verifytask', { access_token: token }, { task_id: taskId });
    expect(await query()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      is_finish: false,
      face_status: 0,
      along_with_auth_result: 0,
    });
    const finished = await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 3 });
    expect(finished).toEqual({ status: 200, json: { task_id: taskId, face_status: 3, is_finish: true } });
    expect(await query()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      is_finish: true,
      face_status: 3,
      along_with_auth_result: 1,
    });
    expect(sunk.at(-1)?.target).toEqual({ kind: 'authorizer', appid: WECHAT_APPID });
    expect(test.lastEvent()).toEqual({
      type: 'notify_icpfiling_verify_result',
      createTime: expect.any(Number),
      toUserName: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      taskId,
      verifyAppid: WECHAT_APPID,
      result: 3,
      alongWithAuthResult: 1,
    });
    const again = await test.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: 2 });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { message: expect.stringContaining('已完成') } });
  });

  it('cannot be finished after the 24-hour notice window, nor with a face_status other than 2 or 3', async () => {
    const created = await test.api('/wxa/icp/create_icp_verifytask', { access_token: token }, {});
    expect(
      (await test.post(`/_/wechat/verify-tasks/${String(created.task_id)}`, { face_status: 1 })).status,
    ).toBe(400);
    expect((await test.post('/_/wechat/verify-tasks/nope', { face_status: 3 })).status).toBe(404);
    await test.advance(24 * HOUR);
    const late = await test.post(`/_/wechat/verify-tasks/${String(created.task_id)}`, { face_status: 3 });
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: { message: expect.stringContaining('24 小时') } });
    ({ token } = await test.authorizerToken(WECHAT_APPID));
    expect(
      await test.api(
        '/wxa/icp/query_icp_verifytask',
        { access_token: token },
        { task_id: String(created.task_id) },
      ),
    ).toMatchObject({ is_finish: false, face_status: 0 });
  });
});

describe('POST /_/wechat/icp/<appid>/review', () => {
  it('refuses an outcome it does not know', async () => {
    const answer = await test.review(WECHAT_APPID, 'approve');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { message: expect.stringContaining('platform_approve') } });
  });

  it('pushes notify_apply_icpfiling_result in a ToUserName envelope, and says when the push failed', async () => {
    const { body } = await test.readyToApply(WECHAT_APPID);
    ({ token } = await test.authorizerToken(WECHAT_APPID));
    expect(await test.apply(token, body)).toMatchObject({ errcode: 0 });
    await test.review(WECHAT_APPID, 'platform_approve');
    const last = sunk.at(-1);
    expect(last?.target).toEqual({ kind: 'authorizer', appid: WECHAT_APPID });
    expect(Object.keys(parseXml(last?.request.body ?? '') ?? {})).toEqual(['ToUserName', 'Encrypt']);
    expect(test.lastEvent()).toMatchObject({
      type: 'notify_apply_icpfiling_result',
      authorizerAppid: WECHAT_APPID,
      beianStatus: 4,
    });

    failing = true;
    const answer = await test.review(WECHAT_APPID, 'sms_verified');
    failing = false;
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ error: { message: expect.stringContaining('intake down') } });
    expect(test.cloud.wechat.deliveries().at(-1)).toMatchObject({
      outcome: 'failed',
      event: 'notify_apply_icpfiling_result',
    });
  });
});

describe('the guard', () => {
  it('takes multipart at upload_icp_media only, and nothing but multipart there', async () => {
    const upload = `${test.cloud.wechat.apiBaseUrl}/wxa/icp/upload_icp_media?access_token=${token}`;
    const json = await fetch(upload, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('type', 'image');
    const elsewhere = await fetch(
      `${test.cloud.wechat.apiBaseUrl}/wxa/icp/apply_icp_filing?access_token=${token}`,
      { method: 'POST', body: form },
    );
    expect(elsewhere.status).toBe(415);
    const foreign = await fetch(upload, {
      method: 'POST',
      body: form,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
