/**
 * The pieces of the boundary on their own: the form schema against core's model, patches by path,
 * file ownership, cursors, and the cloudbase openapi adapters.
 */
import { emptyForm, FIELD_SPECS } from '@beian/core';
import { fileOwner, foreignFiles } from '../../server/app/files';
import { cloudFiles } from '../../server/cloudbase/files';
import { cloudMessenger } from '../../server/cloudbase/openapi';
import { formSchema, SCHEMA_PATHS } from '../../server/schemas/form';
import { applyPatch } from '../../server/schemas/patch';
import { decodeCursor, encodeCursor, listKey, queueKey } from '../../server/store/keys';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { fakeCloudDb } from './doubles/cloud-db';

describe('form schema', () => {
  it('covers exactly the fields of core’s FIELD_SPECS', () => {
    expect([...SCHEMA_PATHS].sort()).toEqual(Object.keys(FIELD_SPECS).sort());
  });

  it('accepts an empty form and both valid fixtures', () => {
    for (const form of [emptyForm(), personalForm(), enterpriseForm()])
      expect(formSchema.safeParse(form).success).toBe(true);
  });
});

describe('patches', () => {
  it('changes existing paths only, and lists may grow by one at the end', () => {
    const form = personalForm();
    expect(applyPatch(form, { 'subject.name': '李四' })).toMatchObject({
      ok: true,
      form: { subject: { name: '李四' } },
    });
    expect(applyPatch(form, { 'materials.commitmentLetter.1': 'x' })).toMatchObject({ ok: true });
    expect(applyPatch(form, { 'materials.commitmentLetter.2': 'x' })).toMatchObject({ ok: false });
    expect(applyPatch(form, { '__proto__.polluted': 1 })).toMatchObject({ ok: false });
    expect(applyPatch(form, { 'subject.constructor': 1 })).toMatchObject({ ok: false });
    expect(applyPatch(form, {})).toMatchObject({ ok: false, issues: [{ path: 'patch' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(form.subject.name).toBe('张三');
  });
});

describe('file ownership', () => {
  it('reads the owner from the storage path, and nothing from anything else', () => {
    expect(fileOwner('cloud://env-1.7465-env-1-1250000000/filings/oAbC_12-3/front.jpg')).toBe('oAbC_12-3');
    // The local cloud's ids have the real shape; no other scheme names an owner.
    expect(fileOwner('cloud://beian-local.6265-beian-local/filings/o-local/x.png')).toBe('o-local');
    expect(fileOwner('local://filings/o-local/x.png')).toBeNull();
    expect(fileOwner('cloud://env/filings/o-a/../o-b/x.jpg')).toBeNull();
    expect(fileOwner('cloud://env/other/o-a/x.jpg')).toBeNull();
    expect(fileOwner('https://example.com/filings/o-a/x.jpg')).toBeNull();
  });

  it('finds foreign files at their concrete paths', () => {
    const form = enterpriseForm();
    form.miniprogram.preApprovals = [{ type: 1, code: 'x', media: 'cloud://env/filings/o-filer-b/a.jpg' }];
    expect(foreignFiles(form, 'o-filer-a').map((i) => i.path)).toEqual(['miniprogram.preApprovals.0.media']);
    expect(foreignFiles(personalForm(), 'o-filer-a')).toEqual([]);
  });
});

describe('cursors', () => {
  it('round-trip the keys we issue and reject anything else', () => {
    const app = { id: 'abc_123', updatedAt: '2026-11-02T00:00:00.000Z', due: null, overdueSince: null };
    for (const key of [listKey(app), queueKey(app)]) expect(decodeCursor(encodeCursor(key))).toBe(key);
    expect(decodeCursor(encodeCursor("x' OR 1=1"))).toBeNull();
    expect(decodeCursor('!!!')).toBeNull();
  });
});

describe('cloudbase openapi adapters', () => {
  it('reads WeChat’s errcode from the error subscribeMessage.send throws', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(
        Object.assign(new Error('x'), { errCode: 43101, errMsg: 'user refuse to accept the msg' }),
      );
    const messenger = cloudMessenger(send, 'trial');
    const message = { touser: 'o', templateId: 't', page: 'pages/progress/index?id=1', data: {} };
    expect(await messenger.send(message)).toEqual({
      ok: false,
      errCode: 43101,
      errMsg: 'user refuse to accept the msg',
    });
    expect(send).toHaveBeenCalledWith({ ...message, miniprogramState: 'trial', lang: 'zh_CN' });
    expect(await messenger.send(message)).toEqual({ ok: true });
    send.mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND'));
    expect(await messenger.send(message)).toMatchObject({ ok: false, errCode: -1 });
  });

  it('asks for short-lived URLs 50 files at a time and leaves out files that failed', async () => {
    const getTempFileURL = jest.fn(
      async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => ({
        fileList: fileList.map(({ fileID }) => ({
          fileID,
          tempFileURL: fileID.endsWith('9') ? '' : `https://t/${fileID}`,
          status: fileID.endsWith('9') ? 1 : 0,
        })),
      }),
    );
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env/filings/o/${i}`);
    const db = fakeCloudDb({ throwOnNotFound: false });
    const urls = await cloudFiles(getTempFileURL, db, { now: () => new Date() }).temporaryUrls(ids);
    expect(getTempFileURL).toHaveBeenCalledTimes(3);
    expect(getTempFileURL.mock.calls[0]?.[0].fileList).toHaveLength(50);
    expect(getTempFileURL.mock.calls[0]?.[0].fileList[0]?.maxAge).toBeLessThanOrEqual(600);
    expect(Object.keys(urls)).toHaveLength(108);
  });
});
