/**
 * The preview's stylesheet, one file per concern (local/preview/browser/styles/), reaches the page
 * as the one sheet it always was: every file, in PREVIEW_STYLES' order, at /preview/preview.css.
 * A file added to the folder and not to the list would silently never load; this fails instead.
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
    end: (body: string) => (answer.body = body),
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
