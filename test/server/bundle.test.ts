/**
 * The deployed artefact itself: the esbuild bundle of a function (as `npm run build` makes it,
 * zod's unused locales left out) loads with only wx-server-sdk beside it and answers the contract,
 * Chinese messages on the right paths included.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Envelope } from '@beian/core';
import type * as LoadingSdk from './doubles/loading-sdk';
import { functionBuildOptions, functionNames } from '../../scripts/build-steps';

jest.mock('wx-server-sdk', () => jest.requireActual<typeof LoadingSdk>('./doubles/loading-sdk').loadingSdk());

let dir: string;
beforeAll(() => {
  // Inside the project, so the bundle's `require('wx-server-sdk')` resolves to the mocked module.
  const cache = join(__dirname, '..', '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'beian-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('bundles filing without zod’s locales and answers bad params in Chinese at their path', async () => {
  const outfile = join(dir, 'filing', 'index.js');
  await build({ ...functionBuildOptions('filing'), outfile, logLevel: 'silent' });
  // The locales alone were about a third of the bundle.
  expect(statSync(outfile).size).toBeLessThan(850 * 1024);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { main } = jest.requireActual<{ main: (event: unknown) => Promise<Envelope<unknown>> }>(outfile);
  const answer = await main({ action: 'filing.get', id: 42 });
  expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'id' }] } });
  if (!answer.ok) expect(answer.error.fields?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
});

it('keeps every function bundle within 350 KB (docs/benchmarks.md)', async () => {
  for (const name of functionNames()) {
    const outfile = join(dir, 'sizes', name, 'index.js');
    await build({ ...functionBuildOptions(name), outfile, logLevel: 'silent' });
    expect({ name, over: statSync(outfile).size > 350 * 1024 }).toEqual({ name, over: false });
  }
});

it('leaves out of each bundle the other function’s params and the filer’s reads (docs/benchmarks.md)', async () => {
  const text = async (name: string) => {
    const outfile = join(dir, 'dead-weight', name, 'index.js');
    await build({ ...functionBuildOptions(name), outfile, logLevel: 'silent' });
    return readFileSync(outfile, 'utf8');
  };
  const admin = await text('admin');
  expect(admin).not.toContain('filingParams');
  expect(admin).not.toContain('draft.create');
  expect(admin).not.toContain('getSession');
  expect(await text('filing')).not.toContain('adminParams');
});
