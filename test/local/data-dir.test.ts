/**
 * The data folder holds every filer's application and their ID photos: only the user running the
 * local cloud may read it. Files are 600 and folders 700 whatever the umask, and a folder an
 * older version left readable to everyone is repaired on the next start.
 */
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILER, ok, TEMPLATE, TestCloud } from '../e2e/harness';
import { solidPng } from '../../local/demo-image';
import { WECHAT_APPID } from '../fixtures/wechat-apply';
import { WeChatCloud } from './wechat/harness';
import { RECORDING_SINK } from '../../local/wechat/push';

jest.setTimeout(30_000);

let test: TestCloud;
let umask: number;

beforeEach(async () => {
  // The most permissive umask there is: nothing but our own modes keeps the folder private.
  umask = process.umask(0o000);
  // The test plays Beian's side of the token chain itself (WeChatCloud): pushes are only recorded.
  test = await TestCloud.start({ wechatSink: RECORDING_SINK });
});

afterEach(async () => {
  await test.close();
  process.umask(umask);
});

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every entry of the folder, by path relative to it, with its mode. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = { '.': modeOf(root) };
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      found[`${prefix}${entry.name}`] = modeOf(path);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
    }
  };
  walk(root, '');
  return found;
}

/** The modes, a media file named `<media_id>`: its name differs on every run. */
function shape(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(modes(root)).map(([path, mode]) => [
      path.replace(/^wechat-media\/.+$/, 'wechat-media/<media_id>'),
      mode,
    ]),
  );
}

/**
 * What a filer's session leaves behind: an upload, a draft, consent credits, a moved clock, and at
 * the emulated WeChat an authorization and an ID photo.
 */
async function useEverything(): Promise<void> {
  const wechat = WeChatCloud.of(test.cloud);
  const { token } = await wechat.authorizerToken(WECHAT_APPID);
  await wechat.upload(token, { type: 'image', certificate_type: '2', icp_order_field: 'x' });
  await test.client.upload(FILER, `filings/${FILER}/id-front.png`, solidPng(4, 4, [1, 2, 3]), 'image/png');
  await test.consent(FILER, [TEMPLATE.progress]);
  ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' }));
  await test.advance(60_000);
}

const EXPECTED = {
  '.': '700',
  'beian.db': '600',
  'beian.db-wal': '600',
  'beian.db-shm': '600',
  'clock.json': '600',
  files: '700',
  'files.json': '600',
  'files/filings': '700',
  [`files/filings/${FILER}`]: '700',
  [`files/filings/${FILER}/id-front.png`]: '600',
  'local-cloud.json': '600',
  'storage-secret': '600',
  'wechat.json': '600',
  'wechat-open.json': '600',
  'wechat-platform-secrets.json': '600',
  'wechat-media': '700',
  'wechat-media/<media_id>': '600',
};

describe('the data folder', () => {
  it('is readable by its owner only: files 600, folders 700, whatever the umask', async () => {
    await useEverything();
    expect(shape(test.dataDir)).toEqual(EXPECTED);
  });

  it('keeps the operator key it creates 600', async () => {
    await test.close();
    test = await TestCloud.start({ operatorKey: undefined, wechatSink: RECORDING_SINK });
    expect(modeOf(join(test.dataDir, 'operator-key'))).toBe('600');
  });

  it('repairs a folder an older version left readable to everyone on the next start', async () => {
    await useEverything();
    await test.cloud.close();
    for (const [path, mode] of Object.entries(modes(test.dataDir))) {
      chmodSync(join(test.dataDir, path), mode === '700' ? 0o755 : 0o644);
    }
    await test.restart();
    // The close checkpointed the database away; its -wal and -shm come back with its mode.
    expect(shape(test.dataDir)).toEqual(EXPECTED);
  });
});
