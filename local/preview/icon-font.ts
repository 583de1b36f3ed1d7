/**
 * Vant's icon font, served by the preview itself. Vant's stylesheet loads it from Alibaba's CDN
 * (`at.alicdn.com/t/c/font_2553510_kfwma2yq1rs`), which WeChat fetches on a phone but an offline
 * preview cannot. @vant/icons ships the very same font (same file name) inlined as base64 in
 * `src/encode-woff2.less`; the preview answers it at ICON_FONT_PATH and points Vant's
 * `@font-face` there (rewriteIconFont). What a phone loads is unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICON_FONT_PATH = '/preview/vant-icon.woff2';

/** The `src` of the @font-face Vant 1.11's icon stylesheet declares (woff2, then woff). */
const CDN_SOURCE = /src:\s*url\((?:https?:)?\/\/at\.alicdn\.com\/t\/c\/font_2553510_kfwma2yq1rs\.[^;}]*/g;

let font: Buffer | null = null;

export function iconFont(root: string): Buffer {
  if (font) return font;
  const less = readFileSync(join(root, 'node_modules', '@vant', 'icons', 'src', 'encode-woff2.less'), 'utf8');
  const base64 = /data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)/.exec(less)?.[1];
  if (!base64) throw new Error('@vant/icons 的 encode-woff2.less 中没有找到字体数据');
  font = Buffer.from(base64, 'base64');
  return font;
}

/** Vant's CDN font → the preview's own copy of it. */
export function rewriteIconFont(css: string): string {
  return css.replace(CDN_SOURCE, `src:url(${ICON_FONT_PATH}) format("woff2")`);
}
