/**
 * Local cloud storage over HTTP: uploads answer like `wx.cloud.uploadFile`, a filer writes only
 * under `filings/<their openid>/`, and temporary URLs (media.url) serve the file with its content
 * type for ten minutes of the local clock, then refuse.
 */
import { solidPng } from '../../local/demo-image';
import { FILE_ID_ROOT } from '../../local/storage';
import { ok, cloudForAll, type TestCloud } from '../e2e/harness';

const FILER = 'o-filer-a';
const PNG = solidPng(4, 4, [10, 20, 30]);

let test: TestCloud;

cloudForAll((started) => (test = started));

async function upload(
  cloudPath: string,
  openid: string | null,
  body: Uint8Array = PNG,
  contentType = 'image/png',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (openid) headers['x-wx-openid'] = openid;
  const response = await fetch(`${test.url}/_/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('uploads', () => {
  it('answers a real-looking file id for a filer writing under their own prefix', async () => {
    const { status, json } = await upload(`filings/${FILER}/id-front.png`, FILER);
    expect(status).toBe(200);
    expect(json).toEqual({ fileID: `${FILE_ID_ROOT}filings/${FILER}/id-front.png`, statusCode: 200 });
    expect(json.fileID).toBe('cloud://beian-local.6265-beian-local/filings/o-filer-a/id-front.png');
  });

  it("refuses writing under another filer's prefix or outside filings/", async () => {
    for (const path of [`filings/o-filer-b/id-front.png`, `public/${FILER}/a.png`]) {
      const { status, json } = await upload(path, FILER);
      expect(status).toBe(403);
      expect(json).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining(FILER) },
      });
    }
  });

  it('refuses a caller without an openid, a path that climbs out, and an empty file', async () => {
    expect((await upload(`filings/${FILER}/a.png`, null)).json).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    for (const path of [
      `filings/${FILER}/../o-filer-b/a.png`,
      `/filings/${FILER}/a.png`,
      `filings/${FILER}/a b.png`,
    ]) {
      const { status } = await upload(path, FILER);
      expect(status).toBe(400);
    }
    expect((await upload(`filings/${FILER}/empty.png`, FILER, new Uint8Array())).status).toBe(400);
  });

  it('takes the openid from the query too, as the preview sends it', async () => {
    const response = await fetch(
      `${test.url}/_/storage/upload?cloudPath=filings/${FILER}/q.png&openid=${FILER}`,
      { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(PNG) },
    );
    expect(response.status).toBe(200);
  });

  it("refuses a file where a folder is or under a file, and the filer's folder keeps working", async () => {
    const fresh = 'o-filer-c';
    // The folder itself, before and after it exists: never turned into a file.
    for (const openid of [fresh, FILER]) {
      const folder = await upload(`filings/${openid}`, openid);
      expect(folder.status).toBe(400);
      expect(folder.json).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining(`filings/${openid}/<文件名>`) },
      });
    }
    expect((await upload(`filings/${fresh}/first.png`, fresh)).status).toBe(200);

    expect((await upload(`filings/${FILER}/sub/a.png`, FILER)).status).toBe(200);
    const overFolder = await upload(`filings/${FILER}/sub`, FILER);
    expect(overFolder.status).toBe(400);
    expect(overFolder.json).toMatchObject({ error: { message: expect.stringContaining('已有的文件夹') } });
    const underFile = await upload(`filings/${FILER}/sub/a.png/b.png`, FILER);
    expect(underFile.status).toBe(400);
    expect(underFile.json).toMatchObject({ error: { message: expect.stringContaining('已有的文件') } });

    expect((await upload(`filings/${FILER}/sub/b.png`, FILER)).status).toBe(200);
    const fileId = `${FILE_ID_ROOT}filings/${FILER}/sub/a.png`;
    const read = await fetch(
      `${test.url}/_/storage/file?fileId=${encodeURIComponent(fileId)}&openid=${FILER}`,
    );
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a file over 10 MB', async () => {
    const { status } = await upload(`filings/${FILER}/big.png`, FILER, new Uint8Array(10 * 1024 * 1024 + 1));
    expect(status).toBe(413);
  });
});

describe('reading files', () => {
  it('lets the owner read their file through the storage API, and nobody else', async () => {
    const fileId = `${FILE_ID_ROOT}filings/${FILER}/id-front.png`;
    const own = await fetch(
      `${test.url}/_/storage/file?fileId=${encodeURIComponent(fileId)}&openid=${FILER}`,
    );
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(PNG);
    const other = await fetch(
      `${test.url}/_/storage/file?fileId=${encodeURIComponent(fileId)}&openid=o-filer-b`,
    );
    expect(other.status).toBe(403);
  });

  it('serves media.url links with the content type for ten minutes, then refuses them', async () => {
    const fileId = `${FILE_ID_ROOT}filings/${FILER}/id-front.png`;
    const missing = `${FILE_ID_ROOT}filings/${FILER}/never-uploaded.png`;
    const { urls } = ok(await test.as(FILER, 'filing', 'media.url', { fileIds: [fileId, missing] }));
    expect(Object.keys(urls)).toEqual([fileId]);
    const link = urls[fileId] ?? '';
    expect(link).toMatch(
      new RegExp(`^${test.url}/_/storage/filings/${FILER}/id-front\\.png\\?expires=\\d+&token=`),
    );
    const fresh = await fetch(link);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fresh.arrayBuffer())).toEqual(PNG);

    const forged = await fetch(link.replace(/token=.*/, 'token=AAAA'));
    expect(forged.status).toBe(403);
    const otherFile = await fetch(link.replace('id-front.png', 'q.png'));
    expect(otherFile.status).toBe(403);

    await test.advance(10 * 60_000);
    expect((await fetch(link)).status).toBe(200);
    await test.advance(1000);
    const expired = await fetch(link);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: { message: expect.stringContaining('过期') } });
  });

  it('never serves an upload as a page or a script', async () => {
    await upload(`filings/${FILER}/page.html`, FILER, Buffer.from('<script>alert(1)</script>'), 'text/html');
    const fileId = `${FILE_ID_ROOT}filings/${FILER}/page.html`;
    const response = await fetch(
      `${test.url}/_/storage/file?fileId=${encodeURIComponent(fileId)}&openid=${FILER}`,
    );
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('files a form references', () => {
  const FRONT = 'subject.principal.certificate.photoFront';

  async function draft(): Promise<{ id: string; version: number }> {
    return ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
  }

  it('saves only files the filer uploaded, refusing the rest at their field', async () => {
    const { id, version } = await draft();
    const never = `${FILE_ID_ROOT}filings/${FILER}/never-uploaded.png`;
    const refused = await test.as(FILER, 'filing', 'draft.save', { id, version, patch: { [FRONT]: never } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: FRONT, code: 'file.missing' }] },
    });

    const other = 'o-filer-b';
    expect((await upload(`filings/${other}/front.png`, other)).status).toBe(200);
    const theirs = await test.as(FILER, 'filing', 'draft.save', {
      id,
      version,
      patch: { [FRONT]: `${FILE_ID_ROOT}filings/${other}/front.png` },
    });
    expect(theirs).toMatchObject({ ok: false, error: { fields: [{ path: FRONT, code: 'file.not_own' }] } });
    expect(ok(await test.as(FILER, 'filing', 'filing.get', { id })).filing.version).toBe(version);

    const own = `${FILE_ID_ROOT}filings/${FILER}/id-front.png`;
    const saved = ok(await test.as(FILER, 'filing', 'draft.save', { id, version, patch: { [FRONT]: own } }));
    expect(saved.filing.form.subject.principal.certificate.photoFront).toBe(own);
  });

  it('registers an upload the storage recorded for the caller, and refuses any other', async () => {
    const own = `${FILE_ID_ROOT}filings/${FILER}/id-front.png`;
    expect(ok(await test.as(FILER, 'filing', 'file.register', { fileId: own, field: FRONT }))).toEqual({
      fileId: own,
    });
    const never = `${FILE_ID_ROOT}filings/${FILER}/never-uploaded.png`;
    expect(await test.as(FILER, 'filing', 'file.register', { fileId: never, field: FRONT })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: FRONT, code: 'file.missing' }] },
    });
  });
});
