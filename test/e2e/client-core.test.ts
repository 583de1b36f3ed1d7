/**
 * What the phone gets of core (`npm run build` → miniprogram_npm/@beian/core): the rules and the
 * enumerations, but not the district tree, which comes from the server's `tables.get` (WeChat's
 * current tree, cached in wx storage). Only the provinces stay, for the messages that name one.
 *
 * And only what the mini-program imports (scripts/client-core.ts, docs/wechat-compile.md § Core on
 * the phone): the list is read from the sources, so a name the reader missed would be `undefined`
 * on a phone, and a form it cannot follow must stop the build instead.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FilingTables } from '@beian/core';
import { clientCoreImports, coreImportsOf } from '../../scripts/client-core';

const PHONE_CORE = join(
  __dirname,
  '..',
  '..',
  'miniprogram',
  'miniprogram_npm',
  '@beian',
  'core',
  'index.js',
);

describe('core as the phone loads it', () => {
  // Loaded as the phone loads it: the built file, not the sources jest maps @beian/core to.
  const phone = createRequire(__filename)(PHONE_CORE) as { BUILT_IN_TABLES: FilingTables };

  it('carries the provinces and no city or district of the tree', () => {
    const { regions } = phone.BUILT_IN_TABLES;
    expect(Object.keys(regions.province_list)).toHaveLength(31);
    expect(regions.province_list['110000']).toBe('北京市');
    expect(Object.keys(regions.city_list)).toHaveLength(0);
    expect(Object.keys(regions.county_list)).toHaveLength(0);
  });

  it('keeps every enumeration the pickers offer offline', () => {
    expect(phone.BUILT_IN_TABLES.subjectTypes.length).toBeGreaterThan(10);
    expect(phone.BUILT_IN_TABLES.preApprovalTypes.length).toBeGreaterThan(10);
  });
});

describe('reading what a page imports from core', () => {
  it('takes every value name of a named import, across lines and under its own name', () => {
    const text = [
      "import { check, type Issue,\n  readPath as read } from '@beian/core';",
      "import type { Envelope } from '@beian/core';",
      "import { other } from './other';",
    ].join('\n');
    expect(coreImportsOf('page.ts', text)).toEqual(['check', 'readPath']);
  });

  it.each([
    ["import * as core from '@beian/core';", 'a namespace import'],
    ["import core from '@beian/core';", 'a default import'],
    ["export { check } from '@beian/core';", 'a re-export'],
    ["const core = require('@beian/core');", 'a require or dynamic import'],
    ["void import('@beian/core');", 'a require or dynamic import'],
  ])('stops the build on %s, naming the file and line', (text, form) => {
    expect(() => coreImportsOf('pages/x.ts', `\n${text}`)).toThrow(`pages/x.ts:2: ${form} of @beian/core`);
  });
});

describe('the bundle the build makes', () => {
  const names = clientCoreImports(join(__dirname, '..', '..', 'miniprogram'));
  const bundle = createRequire(__filename)(PHONE_CORE) as Record<string, unknown>;

  it('defines every name the pages and the admin area import', () => {
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => bundle[name] === undefined)).toEqual([]);
  });

  it('leaves out the server’s workflow and notices, which no page imports', () => {
    expect(names).not.toContain('transition');
    expect(Object.keys(bundle)).toEqual(names);
    expect(Object.keys(bundle)).not.toContain('renderMessage');
  });
});
