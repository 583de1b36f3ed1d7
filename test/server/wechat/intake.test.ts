/**
 * The wechat function's intake, as WeChat reaches it through CloudBase's HTTP access service:
 * only signed pushes are taken in, each event is handled once however often WeChat redelivers
 * it, and a failed handling is answered so that WeChat tries again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wechat, type HttpAccessEvent } from '../../../server/functions/wechat';
import type { ServerDeps } from '../../../server/deps';
import { openSqliteStore } from '../../../server/sqlite';
import { wechatChannel, MANUAL_ONLY } from '../../../server/wechat/channel';
import { readPlatformConfig } from '../../../server/wechat/config';
import { sealEnvelope } from '../../../server/wechat/events';
import type { SqliteStore } from '../../../server/sqlite';
import { quietDeps } from '../helpers/deps';

const ENV = {
  BEIAN_WECHAT_COMPONENT_APPID: 'wxcomponent0000001',
  BEIAN_WECHAT_COMPONENT_APPSECRET: 'component-secret',
  BEIAN_WECHAT_MESSAGE_TOKEN: 'message-token',
  BEIAN_WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  BEIAN_WECHAT_API_BASE: 'http://127.0.0.1:9/unreachable',
};
const SECRETS = {
  appid: ENV.BEIAN_WECHAT_COMPONENT_APPID,
  token: ENV.BEIAN_WECHAT_MESSAGE_TOKEN,
  encodingAesKey: ENV.BEIAN_WECHAT_ENCODING_AES_KEY,
};
const AT = { timestamp: '1765008000', nonce: '123456' };

function ticketXml(ticket: string, createTime = 1765008000): string {
  return `<xml><AppId><![CDATA[${SECRETS.appid}]]></AppId><CreateTime>${createTime}</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[${ticket}]]></ComponentVerifyTicket></xml>`;
}

describe('the wechat function', () => {
  let dir: string;
  let store: SqliteStore;
  let deps: ServerDeps;
  const lines: string[] = [];
  const fetchCalls: string[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'beian-intake-'));
    store = openSqliteStore(join(dir, 'beian.db'));
    const clock = { now: () => new Date('2026-12-06T08:00:00.000Z') };
    const fetch = (async (url: string | URL | Request) => {
      fetchCalls.push(String(url));
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    deps = quietDeps(store, {
      clock,
      wechat: wechatChannel(readPlatformConfig(ENV), store.platform, clock, fetch),
      logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) },
    });
    lines.length = 0;
    fetchCalls.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function push(message: string, path = '/wechat/auth'): HttpAccessEvent {
    const sealed = sealEnvelope(SECRETS, message, AT);
    return {
      path,
      httpMethod: 'POST',
      queryStringParameters: sealed.query as Record<string, string>,
      body: sealed.body,
    };
  }

  it('stores the verify ticket and answers success', async () => {
    expect(await wechat(push(ticketXml('ticket@@@1')), deps)).toMatchObject({
      statusCode: 200,
      body: 'success',
    });
    expect(JSON.parse((await store.platform.read('ticket'))?.value ?? '{}')).toMatchObject({
      value: { ticket: 'ticket@@@1' },
    });
  });

  it('a redelivered event changes nothing: WeChat retries three times', async () => {
    const event = push(ticketXml('ticket@@@1'));
    for (let i = 0; i < 4; i += 1) expect((await wechat(event, deps)).body).toBe('success');
    expect((await store.platform.read('ticket'))?.rev).toBe(1);
    expect(lines.filter((line) => line.includes('already handled'))).toHaveLength(3);
  });

  it('refuses a push whose signature does not match, and keeps nothing', async () => {
    const event = push(ticketXml('forged'));
    event.queryStringParameters = { ...event.queryStringParameters, msg_signature: '0'.repeat(40) };
    expect(await wechat(event, deps)).toMatchObject({ statusCode: 403 });
    expect(await store.platform.read('ticket')).toBeNull();
  });

  it('a handling that fails is answered so WeChat retries, and the retry runs it again', async () => {
    const authorized = `<xml><AppId><![CDATA[${SECRETS.appid}]]></AppId><CreateTime>1765008001</CreateTime><InfoType><![CDATA[authorized]]></InfoType><AuthorizerAppid><![CDATA[wxfiler000000001]]></AuthorizerAppid><AuthorizationCode><![CDATA[code@@@1]]></AuthorizationCode><AuthorizationCodeExpiredTime>1765011600</AuthorizationCodeExpiredTime></xml>`;
    // No ticket yet and WeChat unreachable: api_query_auth cannot run.
    expect(await wechat(push(authorized), deps)).toMatchObject({ statusCode: 500, body: 'retry' });
    await wechat(push(ticketXml('ticket@@@1', 1765008002)), deps);
    expect(await wechat(push(authorized), deps)).toMatchObject({ statusCode: 500 });
    expect(fetchCalls).toEqual([expect.stringContaining('/cgi-bin/component/api_component_token')]);
    expect(fetchCalls[0]).not.toContain('component-secret');
  });

  it('answers 503 where the deployment is not a third-party platform', async () => {
    expect(await wechat(push(ticketXml('t')), { ...deps, wechat: MANUAL_ONLY })).toMatchObject({
      statusCode: 503,
    });
  });

  it('never throws: an unknown path or a malformed event is an HTTP answer', async () => {
    expect(await wechat({ path: '/wechat/else', httpMethod: 'POST' }, deps)).toMatchObject({
      statusCode: 400,
    });
    expect(await wechat(null, deps)).toMatchObject({ statusCode: 400 });
    expect(await wechat({ path: '/wechat/auth', httpMethod: 'POST', body: '<xml>' }, deps)).toMatchObject({
      statusCode: 400,
    });
  });
});
