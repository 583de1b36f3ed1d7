/**
 * WeChat's tables on the server: the tick fetches them once a day as an authorized mini-program
 * (a fake WeChat behind the platform's `fetch`), a failure keeps the stored ones, the checks use
 * them, and `tables.get` sends them only to a client whose version is not current.
 */
import { BUILT_IN_TABLES, tablesFromWeChat, type FilingTables } from '@beian/core';
import { TABLES_KEY } from '../../server/app/tables';
import { wechatChannel } from '../../server/wechat/channel';
import { readPlatformConfig } from '../../server/wechat/config';
import { enterpriseForm } from '../fixtures/forms';
import { WECHAT_ONLY_DISTRICT, wechatItems } from '../fixtures/wechat-tables';
import { harness, ok, type Harness } from './helpers/harness';
import { submitAt } from './helpers/calls';

const APPID = 'wx00000000000000a1';
const DAY = 24 * 60 * 60 * 1000;
const ENV = {
  BEIAN_WECHAT_COMPONENT_APPID: 'wxcomponent0000001',
  BEIAN_WECHAT_COMPONENT_APPSECRET: 'component-secret',
  BEIAN_WECHAT_MESSAGE_TOKEN: 'message-token',
  BEIAN_WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  BEIAN_WECHAT_API_BASE: 'https://wechat.test',
};

/** A WeChat that answers the five enumeration endpoints from `items`, or fails while `down`. */
class FakeWeChat {
  calls: string[] = [];
  down = false;
  items = wechatItems();

  readonly fetch = (async (url: string | URL | Request) => {
    const path = new URL(String(url)).pathname;
    this.calls.push(path);
    if (this.down)
      return new Response(JSON.stringify({ errcode: 45009, errmsg: 'reach max api daily quota limit' }));
    const items = {
      '/wxa/icp/query_icp_subject_types': this.items.subjectTypes,
      '/wxa/icp/query_icp_certificate_types': this.items.certificateTypes,
      '/wxa/icp/query_icp_service_content_types': this.items.serviceContentTypes,
      '/wxa/icp/query_icp_nrlx_types': this.items.nrlxTypes,
      '/wxa/icp/query_icp_district_code': this.items.districts,
    }[path];
    return new Response(
      JSON.stringify(items ? { errcode: 0, errmsg: 'ok', items } : { errcode: 40066, errmsg: 'invalid url' }),
    );
  }) as typeof globalThis.fetch;
}

/** Makes the harness a third-party platform that APPID has authorized (its token still valid). */
async function asPlatform(h: Harness, wechat: FakeWeChat): Promise<void> {
  const records = h.deps.store.platform;
  const at = h.deps.clock.now().toISOString();
  await records.write('authorizers', JSON.stringify({ value: [APPID], refreshUntil: null }), null, at);
  const authorization = {
    appid: APPID,
    accessToken: 'authorizer-token',
    refreshToken: 'refresh-token',
    scopes: [18],
    authorizedAt: at,
    revokedAt: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
  };
  await records.write(
    `authorizer:${APPID}`,
    JSON.stringify({ value: authorization, refreshUntil: null }),
    null,
    at,
  );
  h.deps.wechat = wechatChannel(readPlatformConfig(ENV), records, h.deps.clock, wechat.fetch);
}

async function stored(
  h: Harness,
): Promise<{ version: string; fetchedAt: string; tables: FilingTables } | null> {
  const record = await h.deps.store.platform.read(TABLES_KEY);
  return record
    ? (JSON.parse(record.value) as { version: string; fetchedAt: string; tables: FilingTables })
    : null;
}

describe('WeChat’s tables on the server', () => {
  let h: Harness;
  let wechat: FakeWeChat;
  beforeEach(async () => {
    h = await harness();
    wechat = new FakeWeChat();
  });
  afterEach(() => h.close());

  it('skips the refresh where the deployment is not a platform, and checks against the built-in tables', async () => {
    expect(ok(await h.as('timer').scheduler()).tables).toEqual({
      status: 'skipped',
      version: BUILT_IN_TABLES.version,
    });
    expect(ok(await h.as('owner').filing('tables.get', {}))).toEqual({
      version: BUILT_IN_TABLES.version,
      tables: JSON.parse(JSON.stringify(BUILT_IN_TABLES)),
    });
  });

  it('skips it while no mini-program has authorized Beian', async () => {
    h.deps.wechat = wechatChannel(readPlatformConfig(ENV), h.deps.store.platform, h.deps.clock, wechat.fetch);
    expect(ok(await h.as('timer').scheduler()).tables.status).toBe('skipped');
    expect(wechat.calls).toEqual([]);
  });

  it('fetches them once a day as an authorized mini-program and stores them', async () => {
    await asPlatform(h, wechat);
    const expected = tablesFromWeChat(wechat.items);
    expect(ok(await h.as('timer').scheduler()).tables).toEqual({
      status: 'refreshed',
      version: expected.version,
    });
    expect(wechat.calls).toHaveLength(5);
    expect(await stored(h)).toEqual({
      version: expected.version,
      fetchedAt: h.deps.clock.now().toISOString(),
      tables: expected,
    });
    h.advance(DAY - 60_000);
    expect(ok(await h.as('timer').scheduler()).tables.status).toBe('current');
    expect(wechat.calls).toHaveLength(5);
    h.advance(60_000);
    expect(ok(await h.as('timer').scheduler()).tables.status).toBe('refreshed');
    expect(wechat.calls).toHaveLength(10);
  });

  it('keeps the stored tables when WeChat fails, and logs and counts the failure', async () => {
    await asPlatform(h, wechat);
    ok(await h.as('timer').scheduler());
    const before = await stored(h);
    wechat.down = true;
    h.advance(DAY);
    expect(ok(await h.as('timer').scheduler()).tables).toEqual({
      status: 'failed',
      version: before?.version,
    });
    expect(await stored(h)).toEqual(before);
    expect(h.errors.some((line) => line.startsWith('tick: tables failed'))).toBe(true);
    expect(h.errors.some((line) => line.startsWith('tick: 1 failed'))).toBe(true);
  });

  it('answers tables.get with null for the current version and the tables for a stale one', async () => {
    await asPlatform(h, wechat);
    ok(await h.as('timer').scheduler());
    const current = tablesFromWeChat(wechat.items);
    const owner = h.as('owner');
    expect(ok(await owner.filing('tables.get', { version: current.version }))).toEqual({
      version: current.version,
      tables: null,
    });
    expect(ok(await owner.filing('tables.get', { version: BUILT_IN_TABLES.version }))).toEqual({
      version: current.version,
      tables: current,
    });
    expect(ok(await owner.filing('tables.get', {})).tables).toEqual(current);
  });

  it('checks drafts and submissions against the stored tables', async () => {
    await asPlatform(h, wechat);
    const owner = h.as('owner');
    const form = enterpriseForm();
    form.subject.region.district = WECHAT_ONLY_DISTRICT;
    const { filing } = ok(await owner.filing('draft.create', { kind: 'new' }));
    const saved = ok(
      await owner.filing('draft.save', { id: filing.id, version: filing.version, form }),
    ).filing;
    const paths = async () =>
      ok(await owner.filing('filing.check', { id: filing.id })).errors.map((i) => i.path);
    expect(await paths()).toContain('subject.region.district');
    ok(await h.as('timer').scheduler());
    // The instance that refreshed drops its cached copy at once; others within a minute.
    expect(await paths()).not.toContain('subject.region.district');
    const submitted = await submitAt(owner, filing.id, saved.version, 'tables-0001');
    expect(ok(submitted).filing.state).toBe('platform_review');
  });
});
