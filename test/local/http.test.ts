import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../local/cloud';

let cloud: LocalCloud;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'beian-http-'));
  cloud = await startLocalCloud({ port: 0, dataDir, operatorKey: 'test-key' });
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
      JSON.stringify({ event: { action: 'no.such' }, context: { openid: 'o-1' } }),
    );
    expect(status).toBe(200);
    expect(json).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '不支持的操作：no.such' } });
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

  it('treats a call without openid as a console call', async () => {
    const { json } = await post('/functions/filing', JSON.stringify({ event: { action: 'no.such' } }));
    expect(json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
