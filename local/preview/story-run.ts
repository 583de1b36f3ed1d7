/**
 * Runs the story end to end on a fresh machine state: a local cloud on a temporary data folder
 * with a manual clock (fixed start, so dates in the pictures are stable) serving the preview,
 * and headless Chromium on a 375 px phone. Shared by `npm run screenshots` and the e2e test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../cloud';
import { launchChromium } from './chromium';
import { localCloudClient } from './cloud-client';
import { Phone } from './phone';
import { createPreview } from './server';
import { runStory, type StoryCloud, type StoryOptions, type StoryState } from './story';

/** Monday 2 March 2026, 10:00 Beijing time: a working day with holiday data for the year. */
export const STORY_START = new Date('2026-03-02T02:00:00.000Z');

export interface StoryRunOptions {
  /** Called with `NN-name` for each state; returns the PNG path to write, or null for none. */
  pictureFile?: (name: string) => string | null;
  /** Each action's timeout (default 10 s). */
  timeoutMs?: number;
  /** The first picture's number, for a story whose pictures follow another's. */
  numberFrom?: number;
}

/** A story: the first (./story.ts) or the WeChat channel's (./story-wechat.ts). */
export type Story = (options: StoryOptions) => Promise<StoryState[]>;

export async function runStoryOnce(
  options: StoryRunOptions = {},
  story: Story = runStory,
): Promise<StoryState[]> {
  return withPreview(options, (phone, cloud) =>
    story({
      phone,
      cloud,
      numberFrom: options.numberFrom,
      picture: async (name, fullPage) => {
        const file = options.pictureFile?.(name);
        if (file) await phone.picture(file, fullPage);
      },
    }),
  );
}

/**
 * A fresh local cloud serving the preview, and a phone in headless Chromium to use it; both are
 * torn down afterwards. A failure carries what the browser console said.
 */
export async function withPreview<T>(
  options: StoryRunOptions,
  use: (phone: Phone, cloud: StoryCloud) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-preview-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    clock: 'manual',
    startAt: STORY_START,
    schedule: false,
    handlers: [createPreview()],
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await cloud.close();
    throw error;
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 420, height: 720 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // The preview reaches nothing outside this machine (Vant's CDN icon font included).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 10_000);
    // What the browser console said, to explain a failure (blocked CDN requests left out).
    const console: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('ERR_FAILED')) console.push(message.text());
    });
    page.on('pageerror', (error) => console.push(error.stack ?? error.message));
    return await use(new Phone(page, cloud.url), localCloudClient(cloud.url, cloud.operatorKey)).catch(
      (error: unknown) => {
        if (error instanceof Error && console.length > 0)
          error.message += `\n\nbrowser console:\n${console.join('\n')}`;
        throw error;
      },
    );
  } finally {
    await browser.close();
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
