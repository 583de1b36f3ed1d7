/**
 * The story the screenshots tell and the e2e test checks, through the real pages in Chromium
 * against a local cloud: a filer files a new personal application step by step; a reviewer
 * rejects one field; the filer reads the reason, fixes that field and resubmits; the reviewer
 * approves; the SMS countdown runs on the progress page; the filer confirms the SMS; the authority
 * approves with a record number; the progress page shows it. Each state is recorded (and, for
 * the screenshot script, pictured) with what the page shows.
 */
import { approveAtAuthority, approvePlatformReview, openReview, rejectOneField } from './story-admin';
import { ADMIN, FILER, RECORD_NUMBER, Recorder, type StoryOptions, type StoryState } from './story-data';
import { fillForm, resubmitAfterFix, submitWithConsent } from './story-filer';

export * from './story-data';

const HOUR = 60 * 60 * 1000;

export async function runStory(options: StoryOptions): Promise<StoryState[]> {
  const story = new Recorder(options);
  await story.cloud.addAdmin(ADMIN, '演示审核员');

  const id = await fillForm(story);
  await submitWithConsent(story, 'subscribe-consent', 'progress-submitted');

  await story.advance(2 * HOUR);
  await openReview(story, id, 'platform_review', 'admin-review');
  await rejectOneField(story);

  await story.advance(HOUR);
  await resubmitAfterFix(story, id);

  await story.advance(HOUR);
  await openReview(story, id, 'platform_review', 'admin-review-resubmitted');
  await approvePlatformReview(story);

  // Two and a quarter hours into the 24-hour SMS window.
  await story.advance(2 * HOUR + 15 * 60 * 1000);
  await story.launch(FILER, `pages/progress/index?id=${id}`);
  await story.phone.expectText('剩余');
  await story.phone.expectText('21:45:00');
  await story.record('progress-sms-countdown', true);
  await story.phone.tap('#confirm-sms');
  await story.phone.expectText('通管局审核中');
  await story.phone.scrollTop();
  await story.record('progress-authority-review');

  await story.advance(3 * 24 * HOUR);
  await openReview(story, id, 'authority_review', 'admin-review-authority');
  await approveAtAuthority(story);

  await story.launch(FILER, `pages/progress/index?id=${id}`);
  await story.phone.expectText(RECORD_NUMBER);
  await story.phone.expectText('备案成功');
  await story.record('progress-filed', true);
  return story.states;
}
