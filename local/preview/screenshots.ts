/**
 * `npm run screenshots`: walks the stories (./story.ts, ./story-wechat.ts, ./story-recognition.ts) in headless Chromium against a fresh local
 * cloud and writes a PNG of every page state to docs/screenshots/NN-name.png, replacing the old
 * set. Needs Debian's chromium and fonts-wqy-microhei (see .ci/run); builds miniprogram_npm first
 * so the pages run against the current core.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCore, packMiniprogramNpm } from '../../scripts/build-steps';
import { runStoryOnce } from './story-run';
import { runRecognitionStory } from './story-recognition';
import { runWeChatStory } from './story-wechat';

const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const started = Date.now();
  await buildCore();
  await packMiniprogramNpm();
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (file.endsWith('.png')) rmSync(join(OUT, file));
  // One line per picture as it is taken: the walk is long enough to look stuck otherwise.
  const pictureFile = (name: string): string => {
    console.log(`  ${name}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return join(OUT, `${name}.png`);
  };
  console.log('walking the stories in Chromium (about two minutes)…');
  const first = await runStoryOnce({ pictureFile });
  // The WeChat channel's pictures follow the first story's (docs/screenshots/NN-wechat-*.png).
  const wechat = await runStoryOnce({ pictureFile, numberFrom: first.length + 1 }, runWeChatStory);
  const channel = wechat.filter((state) => state.name.startsWith('wechat-'));
  // Then reading certificates (docs/screenshots/NN-recognition-*.png).
  const numberFrom = first.length + channel.length + 1;
  const recognition = await runStoryOnce({ pictureFile, numberFrom }, runRecognitionStory);
  const states = [...first, ...channel, ...recognition];
  console.log(`${states.length} screenshots in ${OUT} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
