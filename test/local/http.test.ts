import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../local/cloud';

let cloud: LocalCloud;
let dataDir: string;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'beian-http-'));
  cloud = await startLocalCloud({
    port: 0,
    dataDir,
    operatorKey: 'test-key',
    schedule: false,
    log: (line) => logs.push(line),
    routes: [{ method: 'GET', path: '/extra', handle: async () => ({ json: { extra: true } }) }],
    handlers: [
      async (request, response) => {
        if (request.url !== '/') return false;
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>preview</title>');
        return true;
      },
    ],
  });
});

afterAll(async () => {
  await cloud.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, json: await response.json() };
}

describe('local cloud HTTP contract', () => {
  it('listens on loopback only', () => {
    expect(cloud.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['filing', 'admin', 'scheduler'])('runs %s and answers its envelope', async (name) => {
    const { status, json } = await post(
      `/functions/${name}`,
      JSON.stringify({ event: { action: 'no.such' }, context: { openid: 'o-1abcdef' } }),
    );
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '不支持的操作：no.such' } });
  });

  it('takes the identity from context.openid, as the platform would', async () => {
    const { json } = await post(
      '/functions/filing',
      JSON.stringify({ event: { action: 'session.get' }, context: { openid: 'o-filer-a' } }),
    );
    expect(json).toMatchObject({ ok: true, data: { openid: 'o-filer-a', role: 'filer' } });
  });

  it('answers 404 for a function that does not exist', async () => {
    const { status, json } = await post('/functions/nope', '{}');
    expect(status).toBe(404);
    expect(json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { status, json } = await post('/functions/filing', '{not json');
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 400 for an openid the platform could never give', async () => {
    const { status, json } = await post(
      '/functions/filing',
      JSON.stringify({ event: { action: 'session.get' }, context: { openid: '../../etc' } }),
    );
    expect(status).toBe(400);
    expect(json).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('openid') },
    });
  });

  it('treats a call without openid as a console call', async () => {
    const { json } = await post('/functions/admin', JSON.stringify({ event: { action: 'stats.get' } }));
    expect(json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const operator = await post(
      '/functions/admin',
      JSON.stringify({ event: { action: 'stats.get', operator: { name: '值班', key: 'test-key' } } }),
    );
    expect(operator.json).toMatchObject({ ok: true, data: { overdue: 0 } });
  });

  it('answers 405 for the wrong method and 404 with a JSON failure for an unknown path', async () => {
    const get = await fetch(`${cloud.url}/functions/filing`);
    expect(get.status).toBe(405);
    const clock = await fetch(`${cloud.url}/_/messages`, { method: 'POST' });
    expect(clock.status).toBe(405);
    const missing = await fetch(`${cloud.url}/_/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves extra routes and hands everything else to extra handlers (the preview)', async () => {
    expect(await (await fetch(`${cloud.url}/extra`)).json()).toEqual({ extra: true });
    const page = await fetch(`${cloud.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>preview</title>');
  });

  it('logs one timestamped line per call, with method and path but never the query or body', async () => {
    logs.length = 0;
    await post(
      '/functions/admin',
      JSON.stringify({ event: { action: 'stats.get', operator: { name: '值班', key: 'test-key' } } }),
    );
    await fetch(`${cloud.url}/_/messages?touser=o-secret`);
    expect(logs).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT[\d:.]+Z POST \/functions\/admin admin stats\.get operator OK \d+ms$/,
      ),
      expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/_\/messages 200 \d+ms$/),
    ]);
    expect(logs.join('\n')).not.toContain('test-key');
  });
});
