/**
 * The preview's stylesheet, one file per concern (local/preview/browser/styles/), reaches the page
 * as the one sheet it always was: every file, in PREVIEW_STYLES' order, at /preview/preview.css.
 * A file added to the folder and not to the list would silently never load; this fails instead.
 * And the package's own pictures (van-empty's illustrations) load at the paths WXML gives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createPreview, PREVIEW_STYLES } from '../../local/preview/server';

const STYLES = join(__dirname, '..', '..', 'local', 'preview', 'browser', 'styles');

async function get(path: string): Promise<{ handled: boolean; type: string; body: string }> {
  const answer = { type: '', body: '' };
  const request = { method: 'GET', url: path } as IncomingMessage;
  const response = {
    writeHead: (_status: number, headers: Record<string, string>) =>
      (answer.type = headers['content-type'] ?? ''),
    end: (body: string | Buffer) => (answer.body = body.toString()),
  } as unknown as ServerResponse;
  const handled = await createPreview()(request, response);
  return { handled, ...answer };
}

describe('the preview’s stylesheet', () => {
  it('lists every file of the styles folder, each once', () => {
    const files = readdirSync(STYLES).filter((file) => file.endsWith('.css'));
    expect([...PREVIEW_STYLES].sort()).toEqual(files.sort());
    expect(new Set(PREVIEW_STYLES).size).toBe(PREVIEW_STYLES.length);
  });

  it('serves them as one sheet, in the listed order', async () => {
    const { handled, type, body } = await get('/preview/preview.css');
    expect(handled).toBe(true);
    expect(type).toBe('text/css; charset=utf-8');
    let from = 0;
    for (const file of PREVIEW_STYLES) {
      const at = body.indexOf(readFileSync(join(STYLES, file), 'utf8'), from);
      expect({ file, found: at >= from }).toEqual({ file, found: true });
      from = at + 1;
    }
  });
});

describe('the package’s pictures', () => {
  it('are served at the absolute path WXML gives them, with their type', async () => {
    const { handled, type, body } = await get('/assets/empty-error.svg');
    expect(handled).toBe(true);
    expect(type).toBe('image/svg+xml');
    expect(body).toBe(
      readFileSync(join(__dirname, '..', '..', 'miniprogram', 'assets', 'empty-error.svg'), 'utf8'),
    );
  });

  it('are left to the cloud when missing, outside the package, or malformed', async () => {
    for (const path of [
      '/assets/missing.svg',
      '/../package.json.png',
      '/%2e%2e/docs/screenshots/01-home.png',
      '/%E0%A4%A.png',
    ]) {
      expect({ path, handled: (await get(path)).handled }).toEqual({ path, handled: false });
    }
  });
});
