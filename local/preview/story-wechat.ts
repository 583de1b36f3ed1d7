/**
 * The WeChat channel's story (docs/wechat-platform.md § Channels to § Following WeChat), through
 * the real pages in Chromium with WeChat's side moved from the 模拟微信 panel: the mini-program's
 * administrator authorizes Beian; the filer fills the form (WeChat, not a photo, verifies the
 * face) and submits; a reviewer pre-reviews; the first face verification fails and the filer asks
 * for another; the second passes and Beian sends the application to WeChat; WeChat approves, the
 * SMS is verified, the authority approves, and the progress page shows WeChat's record number.
 * Then the short branches of ./story-wechat-branches.ts. Only the `wechat-` states are pictured:
 * the form's other steps are the first story's pictures already.
 */
import { confirmModal, openReview } from './story-admin';
import { ADMIN, FILER, Recorder, type StoryOptions, type StoryState } from './story-data';
import { fillForm, progress, saved, submitWithConsent } from './story-filer';
import { runWeChatBranches } from './story-wechat-branches';
import { WeChatSide } from './story-wechat-side';

/** The appid the form fills in (./story-filer.ts `fillMiniprogram`). */
export const WECHAT_APPID = 'wx1234567890abcdef';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export async function runWeChatStory(options: StoryOptions): Promise<StoryState[]> {
  const story = new Recorder({ pictured: (name) => name.startsWith('wechat-'), ...options });
  const { phone } = story;
  const wechat = new WeChatSide(story);
  await story.cloud.addAdmin(ADMIN, '演示审核员');
  await story.launch(FILER);
  await wechat.authorize(WECHAT_APPID);

  const id = await fillForm(story, faceByWeChat);
  await submitWithConsent(story, 'subscribe-consent', 'wechat-progress-pre-review', '服务商预审中');

  await story.advance(2 * HOUR);
  await openReview(story, id, 'pre_review', 'wechat-admin-pre-review');
  await phone.tap('#approve');
  await confirmModal(story);
  await phone.expectText('待人脸核验');

  await story.advance(10 * MINUTE);
  await progress(story, id, '完成微信人脸核身', 'wechat-progress-face');
  await wechat.face(await wechat.taskId(id), false);
  await progress(story, id, '重新发起人脸核身', 'wechat-progress-face-failed');
  await phone.tap('#action-face\\.retry');
  await phone.expectText('完成微信人脸核身');

  await story.advance(HOUR);
  await wechat.face(await wechat.taskId(id), true);
  // The scheduler's next poll (docs/wechat-platform.md § Following WeChat) reads WeChat's status.
  await story.advance(5 * MINUTE);
  await story.cloud.client.request('POST', '/_/triggers/scheduler');
  await openReview(story, id, 'platform_review', 'admin-review-sent', false);
  await phone.expectText('已上传材料');
  await phone
    .screen()
    .locator('#channel')
    .evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await story.record('wechat-admin-sent');

  await story.advance(HOUR);
  await wechat.review(WECHAT_APPID, 'platform_approve');
  await progress(story, id, '工信部短信核验', 'wechat-progress-sms');
  await story.advance(HOUR);
  await wechat.review(WECHAT_APPID, 'sms_verified');
  await story.advance(2 * 24 * HOUR);
  await wechat.review(WECHAT_APPID, 'authority_approve');
  await progress(story, id, '备案成功', 'wechat-progress-filed');

  await runWeChatBranches(story, wechat);
  return story.states;
}

/** The face step of the form through WeChat: no photo, what WeChat will ask of the administrator. */
async function faceByWeChat(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.expectText('由微信发起人脸核身');
  await saved(story);
  await phone.screen().locator('#face-by-wechat').scrollIntoViewIfNeeded();
  await story.record('wechat-form-face', true);
}
