/**
 * The pages of the WeChat channel: the progress page says which channel applies and why, has no
 * SMS resend through WeChat, and offers a new face task when the last one failed; the review page
 * shows Beian's pre-review decision, what was sent to WeChat and WeChat's answer, and a retry.
 */
import type { Application, AuditEvent, FaceTask, PlatformAuthorization } from '@beian/core';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { fakeCloud } from '../helpers/cloud';
import { openPage, settle, tap, text } from '../helpers/simulate';
import { application, filerView, filingDetail, ok, reviewDetail } from './admin/fixtures';
import { closeForms, draft, draftCloud, openForm } from './components/helpers';

const WECHAT = { kind: 'wechat' as const, reason: '小程序已授权备案助手：预审通过后直接通过微信提交。' };
const FAILED_TASK: FaceTask = {
  taskId: 'task-0001',
  status: 'failed',
  createdAt: '2026-05-05T01:00:00.000Z',
  noticeExpiresAt: '2026-05-06T01:00:00.000Z',
  expiresAt: '2026-05-08T01:00:00.000Z',
};

function throughWeChat(overrides: Partial<Application> = {}): Application {
  return application({
    channel: WECHAT,
    wechat: { face: null, media: [], send: null, status: null, checkedAt: null },
    ...overrides,
  });
}

/** Through WeChat past a passed face task, in `state`, with what else WeChat's track holds. */
function pastFace(
  state: Application['state'],
  track: Partial<NonNullable<Application['wechat']>>,
): Application {
  const face = { ...FAILED_TASK, status: 'succeeded' as const };
  return throughWeChat({
    state,
    wechat: { face, media: [], send: null, status: null, checkedAt: null, ...track },
  });
}

afterEach(() => jest.restoreAllMocks());

describe('备案进度 through WeChat', () => {
  async function open(app: Application, todo: NonNullable<Parameters<typeof filingDetail>[1]>['todo'] = {}) {
    const cloud = fakeCloud({ filing: { 'filing.get': () => ok(filingDetail(app, { todo })) } });
    const page = await openPage('pages/progress/index', { id: app.id });
    return { page, cloud };
  }

  it('names the channel and why, and leaves the SMS resend to MIIT', async () => {
    const app = throughWeChat({
      state: 'sms_verification',
      sms: { firstSentAt: new Date(Date.now() - 3_600_000).toISOString(), resends: 0 },
    });
    const { page } = await open(app, { title: '完成工信部短信核验', actions: ['sms.confirm', 'subscribe'] });
    expect(text(page.querySelector('#channel'))).toContain('由备案助手通过微信提交');
    expect(text(page.querySelector('#channel'))).toContain(WECHAT.reason);
    expect(page.querySelector('#sms')).toBeTruthy();
    expect(page.querySelector('#resend')).toBeFalsy();
    expect(page.querySelector('#confirm-sms')).toBeTruthy();
  });

  it('creates a new face task from the page when the last one failed', async () => {
    const app = throughWeChat({
      state: 'face_verification',
      wechat: { face: FAILED_TASK, media: [], send: null, status: null, checkedAt: null },
    });
    const { page, cloud } = await open(app, {
      title: '重新发起人脸核身',
      actions: ['face.retry', 'withdraw'],
    });
    const renewed = { ...app, version: app.version + 1 };
    cloud.answer({ filing: { 'face.retry': () => ok({ filing: filerView(renewed) }) } });
    const button = page.querySelectorAll('.action').find((node) => text(node).includes('重新发起人脸核身'));
    button?.querySelector('.van-button')?.dispatchEvent('tap');
    await settle();
    expect(cloud.callsOf('filing', 'face.retry')).toEqual([{ id: app.id, version: app.version }]);
  });

  it('offers the authorization links to a manual application that could go through WeChat', async () => {
    const app = application({ channel: { kind: 'manual', reason: '小程序尚未授权备案助手。' } });
    const { page, cloud } = await open(app);
    expect(text(page.querySelector('#channel'))).toContain('由审核员代为办理');
    expect(cloud.callsOf('filing', 'platform.authorization')).toEqual([
      { appid: app.form.miniprogram.appid },
    ]);
  });
});

describe('审核详情 through WeChat', () => {
  const audit: AuditEvent[] = [];
  async function open(app: Application) {
    const cloud = fakeCloud({ admin: { 'filing.get': () => ok(reviewDetail(app, { audit })) } });
    const page = await openPage('admin/review/index', { id: app.id });
    return { page, cloud };
  }

  it("offers Beian's pre-review decision on a pre_review application", async () => {
    const { page } = await open(throughWeChat({ state: 'pre_review' }));
    expect(text(page.querySelector('#decision'))).toContain('通过预审');
    expect(text(page.querySelector('#channel'))).toContain('由备案助手通过微信提交');
  });

  it("offers no manual record where WeChat decides, and shows WeChat's status and the last sync", async () => {
    const app = pastFace('platform_review', {
      media: [
        {
          file: 'f1',
          field: 'icp_subject.principal_info.certificate_photo_front',
          mediaId: 'media-1',
          at: '2026-05-05T02:00:00.000Z',
        },
      ],
      status: { status: 2, smsVerifyStatus: null, isCanceling: false },
      checkedAt: '2026-05-05T03:00:00.000Z',
    });
    const { page } = await open(app);
    expect(page.querySelector('#decision')).toBeFalsy();
    expect(text(page.querySelector('#wechat-status'))).toContain('平台审核中');
    expect(text(page.querySelector('#wechat-checked'))).toContain('2026-05-05 11:00');
    expect(text(page.querySelector('#wechat-media'))).toContain('media-1');
  });

  it("shows a failed send with WeChat's answer, and retries it now", async () => {
    const app = pastFace('sending', {
      send: {
        submission: '2026-05-04T06:30:00.000Z',
        state: 'failed',
        attempts: 2,
        at: '2026-05-05T02:00:00.000Z',
        nextAttemptAt: '2026-05-05T02:05:00.000Z',
        error: '微信系统繁忙（/wxa/icp/apply_icp_filing：-1 system error）',
      },
      checkedAt: '2026-05-05T02:00:00.000Z',
    });
    const { page, cloud } = await open(app);
    expect(text(page.querySelector('#wechat-send'))).toContain('第 2 次提交失败');
    expect(text(page.querySelector('#wechat-send'))).toContain('-1 system error');
    cloud.answer({ admin: { 'wechat.retry': () => ok({ filing: { ...app, state: 'platform_review' } }) } });
    tap(page, '#retry-send');
    await settle();
    expect(cloud.callsOf('admin', 'wechat.retry')).toEqual([{ id: app.id, version: app.version }]);
  });
});

describe('the form through WeChat', () => {
  afterEach(() => closeForms());

  it('leaves the face verification to WeChat once the mini-program has authorized Beian', async () => {
    const form = personalForm();
    const authorized: PlatformAuthorization = {
      appid: form.miniprogram.appid,
      status: 'authorized',
      links: null,
      message: '该小程序已授权备案助手。',
    };
    draftCloud(draft({}, form), { filing: { 'platform.authorization': () => ok(authorized) } });
    const page = await openForm({ id: 'app-1', field: 'miniprogram.principal.faceVerification.photo' });
    expect(page.querySelector('#section >>> #face-by-wechat')).toBeTruthy();
    expect(text(page.querySelector('#section >>> #face-by-wechat'))).toContain('24 小时内');
    expect(page.querySelector('#section')?.dom?.textContent).not.toContain('拍摄一张正面照片');
  });

  it('keeps the photo capture while the mini-program has not authorized Beian', async () => {
    const form = personalForm();
    draftCloud(draft({}, form));
    const page = await openForm({ id: 'app-1', field: 'miniprogram.principal.faceVerification.photo' });
    expect(page.querySelector('#section >>> #face-by-wechat')).toBeFalsy();
    expect(page.querySelector('#section')?.dom?.textContent).toContain('拍摄一张正面照片');
  });
});

describe("the mini-program principal's authorization letter on the form", () => {
  afterEach(() => closeForms());

  it('asks a colleague who is not the legal representative for the letter', async () => {
    const form = enterpriseForm();
    draftCloud(draft({}, form));
    const page = await openForm({ id: 'app-1', field: 'miniprogram.principal.authorizationLetter' });
    const section = page.querySelector('#section')?.dom?.textContent ?? '';
    expect(section).toContain('小程序负责人是法定代表人');
    expect(page.querySelector('#section >>> #f-miniprogram-principal-authorizationLetter')).toBeTruthy();
  });

  it('says on the summary that a change filing is done by hand', async () => {
    draftCloud(draft({ kind: 'change' }, enterpriseForm()));
    const page = await openForm({ id: 'app-1', field: 'materials.commitmentLetter' });
    expect(page.querySelector('#change-channel')?.dom?.textContent).toContain('微信暂未开放变更备案接口');
  });
});
