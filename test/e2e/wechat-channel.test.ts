/**
 * The local cloud is a third-party platform out of the box: its functions talk to its emulated
 * WeChat, and WeChat's pushes reach its `wechat` function, over the same HTTP paths CloudBase's
 * HTTP access service would use.
 */
import { sealEnvelope } from '../../server/wechat/events';
import { RECORDING_SINK } from '../../local/wechat/push';
import { FILER, ok, TestCloud } from './harness';

const APPID = 'wx00000000000000b2';

describe('the local cloud as a third-party platform', () => {
  let test: TestCloud;
  beforeEach(async () => {
    test = await TestCloud.start();
  });
  afterEach(() => test.close());

  it('setup.run says the deployment files through WeChat', async () => {
    const setup = ok(await test.operator('admin', 'setup.run', {}));
    expect(setup.wechat).toMatchObject({ configured: true, missingVariables: [] });
  });

  it('a filer gets the authorization links, and after the administrator authorizes, the channel', async () => {
    const before = ok(await test.as(FILER, 'filing', 'platform.authorization', { appid: APPID }));
    expect(before).toMatchObject({ appid: APPID, status: 'unauthorized' });
    expect(before.links?.link).toContain('pre_auth_code=');
    expect((await test.post('/_/wechat/authorize', { appid: APPID })).status).toBe(200);
    const after = ok(await test.as(FILER, 'filing', 'platform.authorization', { appid: APPID }));
    expect(after).toMatchObject({ status: 'authorized', links: null });
  });

  it('refuses a malformed appid on its field, in Chinese', async () => {
    const answer = await test.as(FILER, 'filing', 'platform.authorization', { appid: 'not-an-appid' });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        fields: [expect.objectContaining({ path: 'appid', message: expect.stringContaining('appid') })],
      },
    });
  });

  it('serves the intake at the HTTP access service paths, refusing an unsigned push', async () => {
    const secrets = test.cloud.wechat.secrets;
    const platform = {
      appid: secrets.componentAppid,
      token: secrets.token,
      encodingAesKey: secrets.encodingAesKey,
    };
    const message = `<xml><AppId><![CDATA[${secrets.componentAppid}]]></AppId><CreateTime>1762048800</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[ticket@@@x]]></ComponentVerifyTicket></xml>`;
    const push = sealEnvelope(platform, message, { timestamp: '1762048800', nonce: '42' });
    const url = `${test.url}/wechat/auth?${new URLSearchParams(push.query as Record<string, string>)}`;
    const signed = await fetch(url, {
      method: 'POST',
      body: push.body,
      headers: { 'content-type': 'text/xml' },
    });
    expect([signed.status, await signed.text()]).toEqual([200, 'success']);
    const forged = await fetch(url.replace(/msg_signature=\w+/, 'msg_signature=00'), {
      method: 'POST',
      body: push.body,
    });
    expect(forged.status).toBe(403);
  });

  it('takes an authorization from the redirect too, when the event is late', async () => {
    await test.close();
    // WeChat's pushes are held back (recorded only): Beian learns only what is delivered below.
    test = await TestCloud.start({ wechatSink: RECORDING_SINK });
    const ticket = test.cloud.wechat.deliveries().find((d) => d.event === 'component_verify_ticket');
    if (!ticket) throw new Error('the emulator pushed no ticket at start');
    const query = new URLSearchParams(ticket.request.query);
    const delivered = await fetch(`${test.url}/wechat/auth?${query}`, {
      method: 'POST',
      body: ticket.request.body,
    });
    expect(await delivered.text()).toBe('success');
    const { json } = await test.post('/_/wechat/authorize', { appid: APPID });
    const code = (json as { authorization_code: string }).authorization_code;
    const page = await fetch(
      `${test.url}/wechat/authorized?auth_code=${encodeURIComponent(code)}&expires_in=600`,
    );
    expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('授权成功')]);
    const after = ok(await test.as(FILER, 'filing', 'platform.authorization', { appid: APPID }));
    expect(after.status).toBe('authorized');
  });
});
