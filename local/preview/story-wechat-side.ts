/**
 * WeChat's side of the WeChat-channel story, moved the way a developer moves it in the preview:
 * through the 模拟微信 panel beside the phone (browser/wechat-panel.ts), one button per action,
 * reading the route's answer under the buttons. Only the face task's id comes from the cloud,
 * because the filer never sees it (docs/wechat-platform.md § Face verification).
 */
import { ADMIN, type Recorder } from './story-data';

/** One of the panel's review outcomes (its select's values; the local cloud's /_/wechat routes). */
export type WeChatOutcome = 'platform_approve' | 'sms_verified' | 'authority_approve' | 'sms_timeout';

export class WeChatSide {
  constructor(private readonly story: Recorder) {}

  /** The mini-program's administrator authorizes Beian (授权), as from WeChat's authorization page. */
  authorize(appid: string): Promise<string> {
    return this.press('管理员完成授权', { appid });
  }

  /** WeChat's review of the mini-program's filing moves on. */
  review(appid: string, outcome: WeChatOutcome): Promise<string> {
    return this.press('推进微信侧', { appid, outcome });
  }

  /** The administrator finishes (or fails) the face verification WeChat asked for. */
  face(taskId: string, passed: boolean): Promise<string> {
    return this.press(passed ? '核身成功' : '核身失败', { task: taskId });
  }

  /** The application's current face task, as the review page's data has it. */
  async taskId(id: string): Promise<string> {
    const answer = await this.story.cloud.client.as(ADMIN, 'admin', 'filing.get', { id });
    if (!answer.ok) throw new Error(`filing.get ${id}: ${answer.error.message}`);
    const taskId = answer.data.filing.wechat?.face?.taskId;
    if (!taskId) throw new Error(`${id} has no face task`);
    return taskId;
  }

  private async press(button: string, fields: { appid?: string; outcome?: string; task?: string }) {
    const { page } = this.story.phone;
    const panel = page.locator('.mp-wechat');
    if ((await panel.getAttribute('open')) === null) {
      await page.locator('.mp-wechat__title').click();
    }
    if (fields.appid !== undefined) await page.locator('.mp-wechat__appid').fill(fields.appid);
    if (fields.outcome !== undefined) await page.locator('.mp-wechat__outcome').selectOption(fields.outcome);
    if (fields.task !== undefined) await page.locator('.mp-wechat__task').fill(fields.task);
    const answer = page.locator('.mp-wechat__answer');
    await answer.evaluate((node) => (node.textContent = ''));
    await panel.getByText(button, { exact: true }).click();
    await page.locator('.mp-wechat__answer:not(:empty)').waitFor();
    const text = (await answer.textContent()) ?? '';
    if (!text.startsWith('200 ')) throw new Error(`模拟微信「${button}」答复：${text}`);
    return text;
  }
}
