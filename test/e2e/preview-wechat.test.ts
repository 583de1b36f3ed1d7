/**
 * The WeChat channel in the preview (local/preview/story-wechat.ts): through the real pages in
 * headless Chromium, with WeChat's side moved from the 模拟微信 panel — authorization, the form's
 * face step through WeChat, the pre-review, a failed face verification and its retry, the
 * sending, WeChat's review to the record number; then WeChat's rejection, the SMS timeout and a
 * withdrawal. A page of the channel that breaks in a browser, or a panel button that no longer
 * moves WeChat, fails here. Needs Debian's chromium and fonts-wqy-microhei, like preview.test.ts.
 */
import { runWeChatStory } from '../../local/preview/story-wechat';
import { WECHAT_AUDIT } from '../../local/preview/story-wechat-branches';
import { storyStates } from './story-states';

// A whole story in Chromium: about 80 s alone, over 100 s on a loaded 2-core machine.
jest.setTimeout(240_000);

const state = storyStates(runWeChatStory);

describe('the WeChat channel in the preview', () => {
  it('asks for no face photo once the appid is authorized, and submits to the pre-review', () => {
    const face = state('wechat-form-face');
    expect(face.text).toContain('由微信发起人脸核身');
    expect(face.text).not.toContain('已完成拍摄');
    const submitted = state('wechat-progress-pre-review');
    expect(submitted.text).toContain('服务商预审中');
    expect(submitted.text).toContain('由备案助手通过微信提交');
  });

  it('shows the reviewer the channel and the pre-review decision', () => {
    const review = state('wechat-admin-pre-review');
    expect(review.text).toContain('由备案助手通过微信提交');
    expect(review.text).toContain('通过预审');
    expect(review.text).toContain('驳回');
  });

  it('gives the filer the face to-do with its deadlines, and a retry once it failed', () => {
    const face = state('wechat-progress-face');
    expect(face.text).toContain('完成微信人脸核身');
    expect(face.text).toContain('3月3日 12:25 前');
    expect(face.text).toContain('核验有效期至 3月5日 12:25');
    expect(state('wechat-progress-face-failed').text).toContain('重新发起人脸核身');
  });

  it('shows the reviewer what Beian sent and what WeChat answered', () => {
    const sent = state('wechat-admin-sent');
    expect(sent.text).toContain('平台审核中（status 2）');
    expect(sent.text).toContain('最近同步');
    expect(sent.text).toContain('已提交（第 1 次');
    expect(sent.text).toContain('已上传材料（7）');
    expect(sent.text).not.toContain('通过初审');
  });

  it('follows WeChat through the SMS check (no resend through WeChat) to its record number', () => {
    const sms = state('wechat-progress-sms');
    expect(sms.text).toContain('工信部短信核验');
    expect(sms.text).not.toContain('重新发送');
    const filed = state('wechat-progress-filed');
    expect(filed.text).toContain('备案成功');
    expect(filed.text).toMatch(/京ICP备2026\d{6}号-1X/);
  });

  it("ends the branches: WeChat's reasons at the field, the SMS timeout, the withdrawal", () => {
    const rejected = state('wechat-progress-rejected');
    expect(rejected.text).toContain('平台初审驳回');
    expect(rejected.text).toContain(WECHAT_AUDIT.key_name);
    expect(rejected.text).toContain(WECHAT_AUDIT.error);
    expect(state('wechat-progress-sms-timeout').text).toContain('短信核验超时');
    expect(state('wechat-progress-withdrawn').text).toContain('已撤回');
  });
});
