/**
 * The emulated token chain on the local clock: the verify ticket WeChat pushes, the component
 * token it unlocks, the authorization code of an `authorized` push, the authorizer token, and the
 * refusals WeChat gives for a wrong, expired or revoked one.
 */
import { OTHER_WECHAT_APPID, WECHAT_APPID } from '../../fixtures/wechat-apply';
import { DAY, HOUR, MINUTE, WeChatCloud } from './harness';

let test: WeChatCloud;

beforeAll(async () => {
  test = await WeChatCloud.start();
});

afterAll(async () => {
  await test.close();
});

const entrance = (token: string) => test.api('/wxa/icp/get_icp_entrance_info', { access_token: token });

describe('the component_verify_ticket', () => {
  it('is pushed at start, and again once 10 minutes of the clock have passed', async () => {
    const tickets = () => test.events().filter((e) => e.type === 'component_verify_ticket').length;
    expect(tickets()).toBe(1);
    await test.advance(9 * MINUTE);
    await test.get('/_/wechat/requests');
    await entrance('nothing');
    expect(tickets()).toBe(1);
    await test.advance(MINUTE);
    await entrance('nothing');
    expect(tickets()).toBe(2);
  });

  it('unlocks a component token only with the right appid, appsecret and a pushed ticket', async () => {
    const { appid, appsecret } = test.secrets();
    const call = (body: object) =>
      test.api(
        '/cgi-bin/component/api_component_token',
        {},
        {
          component_appid: appid,
          component_appsecret: appsecret,
          component_verify_ticket: 'ticket@@@never-pushed',
          ...body,
        },
      );
    expect(await call({ component_appid: 'wx0000000000000000' })).toMatchObject({ errcode: 40013 });
    expect(await call({ component_appsecret: 'wrong' })).toMatchObject({ errcode: 40125 });
    expect(await call({})).toMatchObject({ errcode: 61006 });
    const token = await test.componentToken();
    expect(token).toMatch(/^[\w-]{20,}$/);
  });

  it('expires 12 hours after it was pushed', async () => {
    const ticket = test.lastTicket();
    await test.advance(12 * HOUR);
    const answer = await test.componentTokenAnswer(ticket);
    expect(answer).toMatchObject({ errcode: 61005 });
  });
});

describe('the component_access_token', () => {
  it('lasts 7200 s: 42001 after, 40001 for one never issued, 41001 for none', async () => {
    const token = await test.componentToken();
    const preauth = (query: Record<string, string>) =>
      test.api('/cgi-bin/component/api_create_preauthcode', query, { component_appid: test.secrets().appid });
    expect(await preauth({ component_access_token: token })).toMatchObject({ expires_in: 1800 });
    expect(await preauth({ component_access_token: 'forged' })).toMatchObject({ errcode: 40001 });
    expect(await preauth({})).toMatchObject({ errcode: 41001 });
    await test.advance(7200 * 1000);
    expect(await preauth({ component_access_token: token })).toMatchObject({ errcode: 42001 });
  });
});

describe('authorization', () => {
  it('pushes an authorized event whose code gives the authorizer token, once, within 10 minutes', async () => {
    expect((await test.post('/_/wechat/authorize', { appid: WECHAT_APPID })).status).toBe(200);
    const event = test.lastEvent();
    expect(event).toMatchObject({
      type: 'authorized',
      authorizerAppid: WECHAT_APPID,
      appId: test.secrets().appid,
    });
    if (event.type !== 'authorized') throw new Error('not authorized');
    expect(event.preAuthCode).toMatch(/^preauthcode@@@/);
    const component = await test.componentToken();
    const query = (code: string) =>
      test.componentCall('/cgi-bin/component/api_query_auth', component, { authorization_code: code });
    const answer = await query(event.authorizationCode);
    expect(answer).toMatchObject({
      authorization_info: {
        authorizer_appid: WECHAT_APPID,
        expires_in: 7200,
        func_info: [{ funcscope_category: { id: 18 } }, { funcscope_category: { id: 156 } }],
      },
    });
    expect(await query(event.authorizationCode)).toMatchObject({ errcode: 61009 });

    await test.post('/_/wechat/authorize', { appid: OTHER_WECHAT_APPID });
    const late = test.lastEvent();
    if (late.type !== 'authorized') throw new Error('not authorized');
    await test.advance(10 * MINUTE);
    expect(await query(late.authorizationCode)).toMatchObject({ errcode: 61010 });
  });

  it('answers /wxa/icp/* only with a live authorizer token: 40001 wrong, 42001 expired', async () => {
    const { token, refreshToken } = await test.authorizerToken(WECHAT_APPID);
    expect(await entrance(token)).toMatchObject({ errcode: 0, info: { status: 1024 } });
    expect(await entrance('wrong-token')).toMatchObject({ errcode: 40001 });
    expect(await entrance('')).toMatchObject({ errcode: 41001 });
    await test.advance(7200 * 1000);
    expect(await entrance(token)).toMatchObject({ errcode: 42001 });

    const component = await test.componentToken();
    const refresh = (refresh_token: string) =>
      test.componentCall('/cgi-bin/component/api_authorizer_token', component, {
        authorizer_appid: WECHAT_APPID,
        authorizer_refresh_token: refresh_token,
      });
    expect(await refresh('refreshtoken@@@wrong')).toMatchObject({ errcode: 61023 });
    const refreshed = await refresh(refreshToken);
    expect(refreshed).toMatchObject({ expires_in: 7200, authorizer_refresh_token: refreshToken });
    expect(await entrance(String(refreshed.authorizer_access_token))).toMatchObject({ errcode: 0 });
  });

  it('stops every call of an appid whose authorization was revoked', async () => {
    const { token, refreshToken } = await test.authorizerToken(OTHER_WECHAT_APPID);
    expect((await test.post('/_/wechat/unauthorize', { appid: OTHER_WECHAT_APPID })).status).toBe(200);
    expect(test.lastEvent()).toMatchObject({ type: 'unauthorized', authorizerAppid: OTHER_WECHAT_APPID });
    expect(await entrance(token)).toMatchObject({ errcode: 40001 });
    const component = await test.componentToken();
    const refreshed = await test.componentCall('/cgi-bin/component/api_authorizer_token', component, {
      authorizer_appid: OTHER_WECHAT_APPID,
      authorizer_refresh_token: refreshToken,
    });
    expect(refreshed).toMatchObject({ errcode: 61003 });
  });

  it('survives a restart: tokens, authorizations and the ticket are kept in the data folder', async () => {
    await test.advance(DAY);
    const { token } = await test.authorizerToken(WECHAT_APPID);
    const secrets = test.secrets();
    await test.restart();
    expect(test.secrets()).toEqual(secrets);
    expect(await entrance(token)).toMatchObject({ errcode: 0 });
  });
});
