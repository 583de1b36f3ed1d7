/**
 * Debian's Chromium, driven by playwright-core — never a downloaded browser. Missing Chromium or
 * the CJK font is an error that says how to install them, so a run never passes by skipping.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's path by default; on macOS, say, point CJK_FONT_PATH at any installed CJK font. */
const CJK_FONT = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install it with ` +
        '`apt-get install -y chromium fonts-wqy-microhei` (.ci/run does), or set CHROMIUM_PATH.',
    );
  }
  if (!existsSync(CJK_FONT)) {
    throw new Error(
      `The CJK font is missing at ${CJK_FONT}, so Chinese text would render as boxes: ` +
        '`apt-get install -y fonts-wqy-microhei`, or set CJK_FONT_PATH to an installed CJK font.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
