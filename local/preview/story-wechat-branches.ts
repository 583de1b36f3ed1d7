/**
 * The WeChat channel's other endings, each a short branch from the same start: a second
 * mini-program's application brought to WeChat over the cloud's HTTP contract (as `npm run seed`
 * makes its demo data; the form was pictured already), then one page each. WeChat rejects with
 * its audit data, which lands at the form's fields; the MIIT SMS times out; the filer withdraws
 * during WeChat's review (docs/wechat-platform.md § Channels, § Following WeChat).
 */
import { personalDemoForm, type DemoApp } from '../demo-forms';
import { Seeder } from '../seed-demo';
import { confirmModal } from './story-admin';
import { ADMIN, FILER, REJECTED_FIELD, type Recorder } from './story-data';
import { progress } from './story-filer';
import type { WeChatSide } from './story-wechat-side';

const HOUR = 60 * 60 * 1000;

const app = (key: string, appid: string, name: string, what: string): DemoApp => ({
  key,
  appid,
  name,
  comment: `个人开发的${what}工具，数据只保存在用户自己的账户中，不含任何社交、交易和信息发布功能。`,
});

export const BRANCH_APPS = {
  reject: app('notes', 'wx2234567890abcdef', '三哥读书笔记', '读书笔记'),
  timeout: app('todo', 'wx3234567890abcdef', '三哥待办清单', '待办事项'),
  withdraw: app('diet', 'wx4234567890abcdef', '三哥饮食日记', '饮食记录'),
} as const;

/** What WeChat's reviewer wrote, by our label (docs/wechat-platform.md § Following WeChat). */
export const WECHAT_AUDIT = {
  key_name: REJECTED_FIELD.label,
  error: '备注未说明小程序的实际用途。',
  suggest: '请写明小程序提供的全部功能。',
} as const;

export async function runWeChatBranches(story: Recorder, wechat: WeChatSide): Promise<void> {
  const rejected = await atWeChat(story, wechat, BRANCH_APPS.reject);
  await story.advance(HOUR);
  await reviewAtWeChat(story, BRANCH_APPS.reject.appid, 'platform_reject', [WECHAT_AUDIT]);
  await progress(story, rejected, '驳回原因', 'wechat-progress-rejected');

  const timedOut = await atWeChat(story, wechat, BRANCH_APPS.timeout);
  await story.advance(HOUR);
  await wechat.review(BRANCH_APPS.timeout.appid, 'platform_approve');
  await story.advance(25 * HOUR);
  await wechat.review(BRANCH_APPS.timeout.appid, 'sms_timeout');
  await progress(story, timedOut, '短信核验超时', 'wechat-progress-sms-timeout');

  const withdrawn = await atWeChat(story, wechat, BRANCH_APPS.withdraw);
  await progress(story, withdrawn, '撤回', 'progress-before-withdraw');
  await story.phone.tap('#action-withdraw');
  await confirmModal(story);
  await story.phone.expectText('申请已撤回');
  // Opened again, as the filer would later: the toast of the tap is gone.
  await progress(story, withdrawn, '申请已撤回', 'wechat-progress-withdrawn');
}

/** Authorized, submitted, pre-reviewed and face-verified: WeChat has the application. */
async function atWeChat(story: Recorder, wechat: WeChatSide, demo: DemoApp): Promise<string> {
  const { client, templateIds } = story.cloud;
  await nextMorningIfLate(story);
  await wechat.authorize(demo.appid);
  const { filing } = await new Seeder(client, templateIds).submitted(FILER, personalDemoForm(FILER, demo));
  await story.advance(2 * HOUR);
  const approved = await client.as(ADMIN, 'admin', 'review.approve', {
    id: filing.id,
    version: filing.version,
  });
  if (!approved.ok) throw new Error(`review.approve ${filing.id}: ${approved.error.message}`);
  await story.advance(HOUR);
  await wechat.face(await wechat.taskId(filing.id), true);
  return filing.id;
}

/** A review outcome the panel cannot carry: a rejection with WeChat's audit data. */
async function reviewAtWeChat(
  story: Recorder,
  appid: string,
  outcome: 'platform_reject',
  auditData: readonly (typeof WECHAT_AUDIT)[],
): Promise<void> {
  const answer = await story.cloud.client.request('POST', `/_/wechat/icp/${appid}/review`, {
    outcome,
    auditData,
  });
  if (typeof answer === 'object' && answer !== null && 'error' in answer) {
    throw new Error(`WeChat's ${outcome} for ${appid}: ${JSON.stringify(answer)}`);
  }
}

/** Filers file by day: after 18:00 Beijing time a branch starts at 9:00 the next morning. */
async function nextMorningIfLate(story: Recorder): Promise<void> {
  const now = await story.cloud.now();
  const beijingHour = (now.getUTCHours() + 8) % 24;
  if (beijingHour >= 9 && beijingHour < 18) return;
  const morning = new Date(now.getTime() + 8 * HOUR);
  morning.setUTCHours(9, 0, 0, 0);
  if (morning.getTime() - 8 * HOUR <= now.getTime()) morning.setUTCDate(morning.getUTCDate() + 1);
  await story.advance(morning.getTime() - 8 * HOUR - now.getTime());
}
