import { mkdtempSync, rmSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
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

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** A request with headers `fetch` will not let us set (Host), as a hostile page's browser sends it. */
function raw(method: string, path: string, headers: OutgoingHttpHeaders, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(`${cloud.url}${path}`), { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          json: text === '' ? null : (JSON.parse(text) as unknown),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const port = (): string => new URL(cloud.url).port;

async function draftsOf(openid: string): Promise<unknown> {
  const { json } = await post(
    '/functions/filing',
    JSON.stringify({ event: { action: 'filing.list' }, context: { openid } }),
  );
  return json;
}

describe('who the local cloud serves', () => {
  const createDraft = (openid: string) =>
    JSON.stringify({ event: { action: 'draft.create', kind: 'new' }, context: { openid } });
  /** A JSON call creating a draft for `openid`, with the headers a hostile page's browser sets. */
  const draftCall = (headers: OutgoingHttpHeaders, openid: string) =>
    raw('POST', '/functions/filing', { ...headers, 'content-type': 'application/json' }, createDraft(openid));

  it('refuses a text/plain call (what any page can send without asking) and creates nothing', async () => {
    const answer = await fetch(`${cloud.url}/functions/filing`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: createDraft('o-victim-1'),
    });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('application/json') },
    });
    expect(await draftsOf('o-victim-1')).toEqual({ ok: true, data: { items: [], nextCursor: null } });
  });

  it('refuses a form-encoded POST to the development routes', async () => {
    const answer = await fetch(`${cloud.url}/_/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'advanceMs=86400000',
    });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const noType = await fetch(`${cloud.url}/_/triggers/scheduler`, { method: 'POST' });
    expect(noType.status).toBe(415);
  });

  it('refuses an upload sent as a form or as text', async () => {
    const answer = await fetch(`${cloud.url}/_/storage/upload?cloudPath=filings/o-victim-1/a.png`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-wx-openid': 'o-victim-1' },
      body: '--x--',
    });
    expect(answer.status).toBe(415);
  });

  it('refuses a request whose Host is not its own (DNS rebinding), even for a read', async () => {
    for (const host of [`evil.example:${port()}`, 'localhost:1', `127.0.0.2:${port()}`]) {
      const read = await raw('GET', '/_/messages', { host });
      expect(read.status).toBe(421);
      expect(read.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const call = await draftCall({ host }, 'o-victim-2');
      expect(call.status).toBe(421);
    }
    expect(await draftsOf('o-victim-2')).toEqual({ ok: true, data: { items: [], nextCursor: null } });
    for (const host of [`localhost:${port()}`, `[::1]:${port()}`, `127.0.0.1:${port()}`]) {
      expect((await raw('GET', '/_/clock', { host })).status).toBe(200);
    }
  });

  it('refuses a request from another page (Origin), and serves its own preview page', async () => {
    for (const origin of ['https://evil.example', 'null', `http://evil.example:${port()}`]) {
      const call = await draftCall({ origin }, 'o-victim-3');
      expect(call.status).toBe(403);
      expect(call.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await draftsOf('o-victim-3')).toEqual({ ok: true, data: { items: [], nextCursor: null } });
    const own = await draftCall({ origin: cloud.url }, 'o-victim-3');
    expect(own.json).toMatchObject({ ok: true });
  });

  it('grants no CORS: OPTIONS and every other answer carry no Access-Control-Allow-* header', async () => {
    const answers = [
      await raw('OPTIONS', '/functions/filing', {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      }),
      await raw('OPTIONS', '/functions/filing', {
        origin: cloud.url,
        'access-control-request-method': 'POST',
      }),
      await raw('OPTIONS', '/_/clock', {}),
      await raw('GET', '/_/clock', { origin: cloud.url }),
    ];
    for (const answer of answers) {
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect(answers[0]?.status).toBe(403);
    expect(answers[1]?.status).toBe(405);
  });
});

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
    const clock = await fetch(`${cloud.url}/_/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
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
