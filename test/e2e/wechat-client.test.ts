/**
 * Beian's WeChat client against the emulated open platform, end to end: the pushes reach Beian's
 * intake (the `wechat` function, as CloudBase's HTTP access service calls it), the token chain
 * runs on Beian's own store, and the ICP endpoints answer Beian's real requests — including the
 * body our mapping makes from a complete form, which the emulator validates as WeChat does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilingForm } from '@beian/core';
import type { ServerDeps } from '../../server/deps';
import { openSqliteStore, type SqliteStore } from '../../server/sqlite';
import { wechatChannel } from '../../server/wechat/channel';
import { WeChatError } from '../../server/wechat/errors';
import { applyBody, formPathOfApiPath, mediaNeeds } from '../../server/wechat/mapping';
import type { Platform } from '../../server/wechat/platform';
import { emulatedPlatformSetting, intakeSink } from '../../local/wechat-intake';
import { quietDeps } from '../server/helpers/deps';
import { enterpriseForm } from '../fixtures/forms';
import { START, WeChatCloud, type Json } from '../local/wechat/harness';

const APPID = 'wx00000000000000a1';
const HOUR = 3_600_000;

interface Logged {
  path: string;
  response: Json;
}

/** Uploads each file the form's apply body names, as Beian does before it files: file id → media id. */
async function uploadMedia(icp: ReturnType<Platform['icp']>, form: FilingForm): Promise<Map<string, string>> {
  const media = new Map<string, string>();
  for (const need of mediaNeeds(form)) {
    const file = {
      filename: 'photo.jpg',
      contentType: 'image/jpeg',
      bytes: Buffer.from(`bytes of ${need.fileId}`),
    };
    media.set(need.fileId, (await icp.uploadMedia(need.fields, file)).media_id);
  }
  return media;
}

describe('the WeChat client on the emulated open platform', () => {
  let wechat: WeChatCloud;
  let dir: string;
  let store: SqliteStore;
  let deps: ServerDeps;
  let platform: Platform;
  let offset = 0;

  beforeEach(async () => {
    offset = 0;
    dir = mkdtempSync(join(tmpdir(), 'beian-client-'));
    store = openSqliteStore(join(dir, 'beian.db'));
    const clock = { now: () => new Date(START.getTime() + offset) };
    // Beian's side lives here, so the test can see its store; the cloud's emulator pushes to it.
    wechat = await WeChatCloud.start({ wechatSink: intakeSink(() => deps) });
    const secrets = wechat.cloud.wechat.secrets;
    const setting = emulatedPlatformSetting(secrets, wechat.cloud.wechat.apiBaseUrl);
    deps = quietDeps(store, { clock, wechat: wechatChannel(setting, store.platform, clock) });
    platform = deps.wechat.platform as Platform;
    // The emulator pushed its first ticket before Beian's side existed; WeChat pushes every 10
    // minutes, so the next call to the emulator brings Beian one.
    await advance(10 * 60_000);
  });
  afterEach(async () => {
    await wechat.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * An authorized mini-program with the enterprise form's media uploaded and its face verified
   * (the verify task finished: `verified` is the emulator's answer): all an apply needs.
   */
  async function readyToApply() {
    await authorized();
    const icp = platform.icp(APPID);
    const form = enterpriseForm();
    const media = await uploadMedia(icp, form);
    const task = await icp.createVerifyTask();
    const { status: verified } = await wechat.post(`/_/wechat/verify-tasks/${task.task_id}`, {
      face_status: 3,
    });
    return { icp, form, media, task, verified };
  }

  async function requests(path?: string): Promise<Logged[]> {
    const all = (await wechat.get('/_/wechat/requests')).json as Logged[];
    return path ? all.filter((r) => r.path === path) : all;
  }

  async function advance(ms: number): Promise<void> {
    offset += ms;
    await wechat.advance(ms);
  }

  async function authorized(): Promise<void> {
    expect((await wechat.post('/_/wechat/authorize', { appid: APPID })).status).toBe(200);
  }

  it('an authorization reaches Beian as an event and becomes tokens on its store', async () => {
    expect(await platform.tokens.mayFile(APPID)).toBe(false);
    await authorized();
    expect(await platform.tokens.mayFile(APPID)).toBe(true);
    expect((await platform.tokens.authorization(APPID))?.scopes).toEqual(expect.arrayContaining([18, 156]));
    expect(await requests('/cgi-bin/component/api_query_auth')).toHaveLength(1);
    expect(await platform.tokens.filingAppids()).toEqual([APPID]);
  });

  it('20 concurrent callers with no token cause exactly one component-token call', async () => {
    // Any call to WeChat after the 10 minutes brings Beian its ticket first.
    await wechat.api('/wxa/icp/get_icp_entrance_info', { access_token: 'none' });
    const links = await Promise.all(
      Array.from({ length: 20 }, () => platform.tokens.authorizationLinks(APPID)),
    );
    expect(await requests('/cgi-bin/component/api_component_token')).toHaveLength(1);
    expect(links[0]?.link).toMatch(
      /^https:\/\/mp\.weixin\.qq\.com\/cgi-bin\/componentloginpage\?component_appid=/,
    );
    expect(links[0]?.mobileLink).toContain(`biz_appid=${APPID}`);
  });

  it('files the complete enterprise form: media, a finished verify task, then the mapped body', async () => {
    const { icp, form, media, task, verified } = await readyToApply();
    expect(verified).toBe(200);
    expect(await icp.queryVerifyTask(task.task_id)).toMatchObject({ is_finish: true, face_status: 3 });
    await icp.applyFiling(applyBody(form, (fileId) => media.get(fileId) ?? '', task.task_id));
    expect((await icp.entranceInfo()).info.status).toBe(2);
    // Twice is WeChat's 86324: one open order per mini-program.
    await expect(
      icp.applyFiling(applyBody(form, (fileId) => media.get(fileId) ?? '', task.task_id)),
    ).rejects.toMatchObject({
      errcode: 86324,
    });
  });

  it('a body WeChat refuses answers its hints, and each maps back to a form path', async () => {
    await authorized();
    const icp = platform.icp(APPID);
    const form = enterpriseForm();
    form.miniprogram.comment = '太短';
    const error = await icp
      .applyFiling(applyBody(form, () => 'unknown-media', 'no-task'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    const hints = (error as WeChatError).hints;
    expect((error as WeChatError).errcode).toBe(86202);
    expect(hints.map((hint) => formPathOfApiPath(hint.err_field))).toEqual(
      expect.arrayContaining([
        'miniprogram.comment',
        'subject.certificate.photo',
        'miniprogram.principal.faceVerification.verifyId',
      ]),
    );
  });

  it('a token WeChat no longer accepts is refreshed once and the call retried', async () => {
    await authorized();
    const record = await store.platform.read(`authorizer:${APPID}`);
    const stored = JSON.parse(record?.value ?? '{}') as { value: Record<string, unknown> };
    stored.value.accessToken = 'revoked-elsewhere';
    await store.platform.write(
      `authorizer:${APPID}`,
      JSON.stringify(stored),
      record?.rev ?? 0,
      START.toISOString(),
    );
    expect((await platform.icp(APPID).entranceInfo()).info.status).toBe(1024);
    const calls = (await requests()).map((r) => `${r.path} ${String(r.response.errcode ?? 0)}`);
    expect(calls.slice(-3)).toEqual([
      '/wxa/icp/get_icp_entrance_info 40001',
      '/cgi-bin/component/api_authorizer_token 0',
      '/wxa/icp/get_icp_entrance_info 0',
    ]);
  });

  it('refreshes the authorizer token ahead of its expiry on the shared clock', async () => {
    await authorized();
    await advance(2 * HOUR - 5 * 60_000);
    expect((await platform.icp(APPID).entranceInfo()).info.status).toBe(1024);
    expect(await requests('/cgi-bin/component/api_authorizer_token')).toHaveLength(1);
  });

  it('a revoked authorization stops the calls with a clear refusal, and the fact is kept', async () => {
    await authorized();
    expect((await wechat.post('/_/wechat/unauthorize', { appid: APPID })).status).toBe(200);
    await expect(platform.icp(APPID).entranceInfo()).rejects.toMatchObject({ kind: 'not_authorized' });
    expect((await platform.tokens.authorization(APPID))?.revokedAt).not.toBeNull();
    expect(await platform.tokens.mayFile(APPID)).toBe(false);
  });

  it('the review route’s push reaches Beian and is noted for the channel', async () => {
    const { icp, form, media, task } = await readyToApply();
    await icp.applyFiling(applyBody(form, (id) => media.get(id) ?? '', task.task_id));
    const auditData = [{ key_name: '小程序备注', error: '备注与实际服务不符', suggest: '请如实填写' }];
    expect(
      (await wechat.post(`/_/wechat/icp/${APPID}/review`, { outcome: 'platform_reject', auditData })).status,
    ).toBe(200);
    const noted = JSON.parse((await store.platform.read(`icp:${APPID}`))?.value ?? '{}') as Json;
    expect(noted).toMatchObject({ type: 'notify_apply_icpfiling_result', beianStatus: 3 });
    expect((await icp.entranceInfo()).info).toMatchObject({ status: 3, audit_data: auditData });
  });
});
