/**
 * `npm run call`: the console's "invoke with JSON" against a running local cloud, spawned as a
 * developer runs it.
 */
import { ok, TestCloud } from '../e2e/harness';
import { freePort, runScript } from './spawn';

jest.setTimeout(60_000);

let test: TestCloud;
let env: Record<string, string>;

beforeAll(async () => {
  // The cloud keeps its operator key in the data folder, where `npm run call` finds it.
  test = await TestCloud.start({ operatorKey: undefined });
  env = { BEIAN_DATA_DIR: test.dataDir, PORT: new URL(test.url).port };
});

afterAll(async () => {
  await test.close();
});

function call(args: string[], extra: Record<string, string> = {}) {
  return runScript('call.ts', args, { ...env, ...extra });
}

describe('npm run call', () => {
  it('makes an operator call with the data folder’s key, named after $USER', async () => {
    const { code, stdout } = await call([
      'admin',
      '{"action":"admins.add","openid":"o-admin-1","name":"审核员甲"}',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      data: { admin: { openid: 'o-admin-1', name: '审核员甲' } },
    });
    expect(stdout).toContain('\n  "ok": true');
    const admins = ok(await test.operator('admin', 'admins.list', {}));
    expect(admins.admins.map((a) => a.openid)).toEqual(['o-admin-1']);
  });

  it('calls as a WeChat user with --openid', async () => {
    const { code, stdout } = await call([
      'filing',
      '{"action":"draft.create","kind":"new"}',
      '--openid',
      'o-filer-a',
    ]);
    expect(code).toBe(0);
    const id = (JSON.parse(stdout) as { data: { filing: { id: string } } }).data.filing.id;
    const seen = await test.as('o-filer-a', 'filing', 'filing.get', { id });
    expect(seen.ok).toBe(true);
  });

  it('exits 1 and prints the failure when the answer is not ok', async () => {
    const { code, stdout } = await call(['admin', '{"action":"review.approve","id":"nope","version":1}']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps operator credentials the JSON carries', async () => {
    const { code, stdout } = await call([
      'admin',
      '{"action":"stats.get","operator":{"name":"x","key":"wrong"}}',
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('finds a running cloud through its data folder when PORT is not set', async () => {
    // The admin added above proves it is this cloud (reviewers' counts leave the draft out).
    const { code, stdout } = await runScript('call.ts', ['admin', '{"action":"admins.list"}'], {
      BEIAN_DATA_DIR: test.dataDir,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, data: { admins: [{ openid: 'o-admin-1' }] } });
  });

  it('exits 2 with a usage message for bad arguments or JSON', async () => {
    for (const args of [
      [],
      ['admin', '{nope'],
      ['admin', '[1]'],
      ['admin', '{}', 'extra'],
      ['admin', '--openid'],
    ]) {
      const { code, stderr } = await call(args);
      expect(code).toBe(2);
      expect(stderr).toContain('用法：npm run call');
    }
  });

  it('exits 2 saying how to start the cloud when none answers', async () => {
    const port = await freePort();
    const { code, stderr } = await call(['admin', '{"action":"stats.get"}'], { PORT: String(port) });
    expect(code).toBe(2);
    expect(stderr).toContain('无法连接本地云');
    expect(stderr).toContain('npm start');
  });
});
