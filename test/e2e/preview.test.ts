/**
 * The preview in a real browser: the story of local/preview/story.ts — a filer files, a reviewer
 * rejects one field, the filer fixes it and resubmits, the reviewer approves, the SMS countdown
 * runs, the authority approves with a record number — through the real pages in headless
 * Chromium against a local cloud. A page that breaks in a browser (an exception, a wx API the
 * preview does not have, a step that no longer shows what a filer needs) fails here. Needs Debian's
 * chromium and fonts-wqy-microhei (.ci/run installs them); without them it fails and says so.
 */
import { FILER, RECORD_NUMBER, REJECTED_FIELD } from '../../local/preview/story';
import { COMMENT_AFTER } from '../../local/preview/story-filer';
import { withPreview } from '../../local/preview/story-run';
import { storyStates } from './story-states';

// A whole story in Chromium: about 80 s alone, over 100 s on a loaded 2-core machine.
jest.setTimeout(240_000);

interface ProbeHost {
  __preview: { errors: unknown[] };
}

const state = storyStates();

describe('the preview, walking the whole story in Chromium', () => {
  it('opens on the home page with its title and the way in', () => {
    const home = state('home');
    expect(home.route).toBe('pages/home/index');
    expect(home.title).toBe('备案助手');
    expect(home.text).toContain('去备案');
    expect(home.text).toContain('备案流程');
  });

  it('walks the form step by step with real pickers, uploads and the face photo', () => {
    expect(state('form-subject-type-sheet').text).toContain('个人');
    expect(state('form-subject').text).toContain('北京市 / 北京市 / 朝阳区');
    expect(state('form-principal').text).toContain('2020-03-02');
    expect(state('form-principal').text).toContain('2040-03-02');
    expect(state('form-miniprogram').text).toContain('软件开发');
    expect(state('form-face').text).toContain('已完成拍摄');
    expect(state('form-summary').text).toContain('检查通过，可以提交');
  });

  it('asks for subscribe consent in WeChat’s sheet, then shows the application in platform review', () => {
    expect(state('subscribe-consent').text).toContain('发送以下消息');
    const submitted = state('progress-submitted');
    expect(submitted.route).toMatch(/^pages\/progress\/index\?id=/);
    expect(submitted.text).toContain('平台初审中');
  });

  it('lets the reviewer reject one field, which the filer sees with the reason and fixes', () => {
    expect(state('admin-queue').title).toBe('审核台');
    expect(state('admin-review-photos').text).toContain('小程序负责人信息');
    expect(state('admin-rejected').text).toContain('平台初审驳回');
    const rejected = state('progress-rejected');
    expect(rejected.text).toContain('驳回原因');
    expect(rejected.text).toContain(REJECTED_FIELD.label);
    expect(rejected.text).toContain('备注过于简略');
    const fix = state('form-fix-field');
    expect(fix.route).toContain(`field=${REJECTED_FIELD.path}`);
    expect(fix.text).toContain('审核意见');
    expect(state('form-field-fixed').text).toContain(COMMENT_AFTER.slice(0, 12));
    expect(state('progress-resubmitted').text).toContain('平台初审中');
  });

  it('shows the SMS countdown in the phone’s time, then the authority stage', () => {
    const sms = state('progress-sms-countdown');
    expect(sms.text).toContain('工信部短信核验');
    expect(sms.text).toContain('剩余 21:45:00');
    expect(state('progress-authority-review').text).toContain('通管局审核中');
  });

  it('ends with the record number on the progress page', () => {
    expect(state('admin-filed').text).toContain('备案成功');
    const filed = state('progress-filed');
    expect(filed.text).toContain('备案成功');
    expect(filed.text).toContain(RECORD_NUMBER);
    expect(filed.title).toBe('备案进度');
  });
});

describe('the wx shim in the browser', () => {
  interface Probe {
    unknown: string;
    width: number;
    subscribe: string;
    storage: unknown;
  }

  it('is a 375 px phone, fails loudly for APIs it lacks, and keeps WeChat’s tap-only rule', async () => {
    const probe = await withPreview({}, async (phone) => {
      await phone.launch(FILER);
      return phone.page.evaluate(async (): Promise<Probe> => {
        const wx = (globalThis as unknown as { wx: Record<string, (...args: unknown[]) => unknown> }).wx;
        let unknown = '';
        try {
          wx.openBluetoothAdapter?.();
        } catch (error) {
          unknown = (error as Error).message;
        }
        const info = wx.getSystemInfoSync?.() as { windowWidth: number };
        // Not inside a tap: WeChat refuses to show the consent sheet.
        const subscribe = await (wx.requestSubscribeMessage?.({ tmplIds: ['t'] }) as Promise<unknown>).then(
          () => 'shown',
          (error: { errMsg: string }) => error.errMsg,
        );
        wx.setStorageSync?.('k', { a: 1 });
        return {
          unknown,
          width: info.windowWidth,
          subscribe,
          storage: wx.getStorageSync?.('k' as unknown as object),
        };
      });
    });
    expect(probe.unknown).toBe('wx.openBluetoothAdapter is not implemented in the preview');
    expect(probe.width).toBe(375);
    expect(probe.subscribe).toBe('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
    expect(probe.storage).toEqual({ a: 1 });
  });

  it('is any well-formed OPENID asked for, and says so when one is malformed', async () => {
    const errors = await withPreview({}, async (phone) => {
      await phone.launch('o-custom-filer-9');
      const toolbar = await phone.page.locator('select').first().inputValue();
      await phone.page.goto(phone.page.url().replace(/\?as=[^#]*/, '?as=bad!'));
      await phone.page.waitForFunction(
        () => (globalThis as unknown as ProbeHost).__preview.errors.length > 0,
      );
      return {
        toolbar,
        errors: await phone.page.evaluate(() => (globalThis as unknown as ProbeHost).__preview.errors),
      };
    });
    expect(errors.toolbar).toBe('o-custom-filer-9');
    expect(JSON.stringify(errors.errors)).toContain('不是有效的 OPENID');
  });

  it('draws Vant’s icons with the font from @vant/icons, offline (no CDN)', async () => {
    const loaded = await withPreview({}, async (phone) => {
      await phone.launch(FILER, 'pages/filings/index');
      await phone.page.waitForFunction(
        () => !document.documentElement.classList.contains('mp-no-icon-font'),
        undefined,
        { timeout: 15_000 },
      );
      return phone.page.evaluate(() =>
        [...document.fonts].some(
          (face) => face.family.replace(/["']/g, '') === 'vant-icon' && face.status === 'loaded',
        ),
      );
    });
    expect(loaded).toBe(true);
  });

  it('holds a privacy API until the filer agrees in the privacy sheet (?privacy=ask)', async () => {
    const result = await withPreview({}, async (phone) => {
      await phone.launch(FILER, 'pages/filing-form/index');
      await phone.page.goto(phone.page.url().replace('?as=', '?privacy=ask&as='));
      await phone.settle();
      const copied = phone.page.evaluate(() =>
        (globalThis as unknown as { wx: { setClipboardData(o: object): Promise<{ errMsg: string }> } }).wx
          .setClipboardData({ data: '京ICP备' })
          .then((r) => r.errMsg),
      );
      await phone.expectText('隐私保护提示');
      await phone.tapText('同意并继续');
      return copied;
    });
    expect(result).toBe('setClipboardData:ok');
  });
});

describe('the emulated WeChat beside the phone', () => {
  it('authorizes a mini-program as its administrator would, and Beian takes the authorization in', async () => {
    const shown = await withPreview({}, async (phone) => {
      await phone.launch(FILER);
      await phone.page.locator('.mp-wechat__title').click();
      await phone.page.locator('.mp-wechat__appid').fill('wx00000000000000c3');
      await phone.page.getByText('管理员完成授权').click();
      await phone.page.waitForFunction(
        () => (document.querySelector('.mp-wechat__answer')?.textContent ?? '') !== '',
      );
      const answer = await phone.page.locator('.mp-wechat__answer').textContent();
      const requests = (await (
        await fetch(`${new URL(phone.page.url()).origin}/_/wechat/requests`)
      ).json()) as { path: string }[];
      return { answer, paths: requests.map((r) => r.path) };
    });
    expect(shown.answer).toContain('wx00000000000000c3');
    expect(shown.paths).toContain('/cgi-bin/component/api_query_auth');
  });
});
