/**
 * What the phone gets of core (`npm run build` → miniprogram_npm/@beian/core): the rules and the
 * enumerations, but not the district tree, which comes from the server's `tables.get` (WeChat's
 * current tree, cached in wx storage). Only the provinces stay, for the messages that name one.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FilingTables } from '@beian/core';

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
