/**
 * The reviewer's half of the story, in the admin subpackage: the queue, the review page, a
 * rejection of one field with a reason, the platform approval and the authority's approval with
 * a record number.
 */
import { ADMIN, RECORD_NUMBER, REJECTED_FIELD, type Recorder } from './story-data';

/** Opens the application from the home page's admin entry and the queue, as a reviewer would. */
export async function openReview(
  story: Recorder,
  id: string,
  state: 'pre_review' | 'platform_review' | 'authority_review' | 'filed',
  picture: string,
  // Through WeChat only WeChat decides after the pre-review: the page has no decision card then.
  decides = true,
): Promise<void> {
  const { phone } = story;
  await story.launch(ADMIN);
  await phone.tap('#admin');
  await phone.expectRoute('admin/queue/index');
  await phone.tap(`#tab-${state}`);
  const row = phone.screen().locator(`#row-${id}`);
  await row.waitFor();
  if (!story.has('admin-queue')) await story.record('admin-queue');
  await phone.tap(row);
  await phone.expectRoute('admin/review/index');
  await phone.expectText(decides ? '审核操作' : '操作记录');
  await story.record(picture);
  if (!story.has('admin-review-photos')) {
    // The reviewer compares the ID photos and the face photo (served through short-lived URLs).
    await phone
      .screen()
      .getByText('小程序负责人信息', { exact: true })
      .evaluate((title) => title.scrollIntoView({ block: 'start' }));
    await story.record('admin-review-photos');
    await phone.scrollTop();
  }
}

export async function rejectOneField(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.tap('#reject');
  await phone.tap('#pick-0');
  await phone.tap(phone.overlays().getByText(REJECTED_FIELD.label, { exact: false }).first());
  await phone.fill('#error-0', '备注过于简略，未说明小程序提供的全部服务。');
  await phone.fill('#suggest-0', '请写明小程序实际提供的全部功能，并说明不含社交和交易功能。');
  await phone.screen().locator('#reasons').scrollIntoViewIfNeeded();
  await story.record('admin-reject-reason');
  await decide(story, '#send', '平台初审驳回', 'admin-rejected');
}

export async function approvePlatformReview(story: Recorder): Promise<void> {
  await decide(story, '#approve', '短信核验', 'admin-approved');
}

export async function approveAtAuthority(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.fill('#record-number', RECORD_NUMBER);
  await story.record('admin-record-number');
  await decide(story, '#authority-approve', '备案成功', 'admin-filed');
}

/** Taps a decision's button, confirms it, and pictures the page once it shows the new stage. */
async function decide(story: Recorder, button: string, stage: string, picture: string): Promise<void> {
  const { phone } = story;
  await phone.tap(button);
  await confirmModal(story);
  await phone.expectText(stage);
  await phone.scrollTop();
  await story.record(picture);
}

/** Confirms a wx.showModal if the page asked for one. */
export async function confirmModal(story: Recorder): Promise<void> {
  const { phone } = story;
  const confirm = phone.overlays().locator('.mp-modal__confirm');
  if ((await confirm.count()) === 0) return;
  if (!story.has('admin-confirm')) await story.record('admin-confirm');
  await phone.tap(confirm);
}
