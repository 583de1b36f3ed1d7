import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Issue 14: pages, components and controllers reach the cloud only through `services/*`, and each
 * action has one wrapper there, so a change to how an action is called is made once.
 */
const ROOT = join(__dirname, '../../miniprogram');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(ROOT).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const isService = (path: string) => /(^|\/)services\//.test(path);

describe('the mini-program calls the cloud through services only', () => {
  it('imports services/cloud nowhere outside services/', () => {
    const callers = files.filter((file) => !isService(file.path) && /services\/cloud['"]/.test(file.text));
    expect(callers.map((file) => file.path)).toEqual([]);
  });

  it('wraps each action once', () => {
    const wrapped = new Map<string, string[]>();
    // services/cloud.ts is the gateway itself; its doc comment shows a call as an example.
    for (const file of files.filter((candidate) => candidate.path !== 'services/cloud.ts')) {
      for (const match of file.text.matchAll(/\bcall\(\s*'(\w+)',\s*'([\w.]+)'/g)) {
        const key = `${match[1] ?? ''} ${match[2] ?? ''}`;
        wrapped.set(key, [...(wrapped.get(key) ?? []), file.path]);
      }
    }
    const twice = [...wrapped].filter(([, paths]) => paths.length > 1);
    expect(twice).toEqual([]);
    expect(wrapped.get('filing draft.create')).toEqual(['services/drafts.ts']);
  });
});
