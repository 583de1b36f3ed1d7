/**
 * The files a form references, on both stores: a save may bring in only files that exist and that
 * the filer uploaded (storage's record, not the path), refused at the field that holds the wrong
 * one with nothing changed; submit checks every file again; `file.register` records an upload.
 */
import { personalForm } from '../fixtures/forms';
import { fileTo, ok, OTHER, OWNER, STORES, useHarness } from './helpers/harness';
import { patchAt, submitAt } from './helpers/calls';

const FRONT = 'subject.principal.certificate.photoFront';
const fileOf = (openid: string, name: string) =>
  `cloud://env-test.7465-env-test/filings/${openid}/${name}.jpg`;

describe.each(STORES)('on %s', (kind) => {
  const h = useHarness(kind);

  const owner = () => h.as('owner');

  async function saveFront(fileId: string) {
    const draft = await fileTo(h, 'draft');
    const before = h.snapshot();
    const answer = await patchAt(owner(), draft.id, draft.version, {
      [FRONT]: fileId,
      'subject.comment': '一并修改的备注',
    });
    return { answer, unchanged: h.snapshot() === before };
  }

  describe('saving a draft', () => {
    it('refuses a file that was never uploaded, at its field, and changes nothing', async () => {
      const never = fileOf(OWNER, 'never-uploaded');
      h.files.forget(never);
      const { answer, unchanged } = await saveFront(never);
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: [{ path: FRONT, code: 'file.missing', message: expect.stringContaining('重新上传') }],
        },
      });
      expect(unchanged).toBe(true);
    });

    it("refuses another filer's upload, even one under the filer's own folder", async () => {
      const planted = fileOf(OWNER, 'planted');
      h.files.uploadedBy(planted, OTHER);
      const { answer, unchanged } = await saveFront(planted);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: FRONT, code: 'file.not_own' }] },
      });
      expect(unchanged).toBe(true);
      const elsewhere = await saveFront(fileOf(OTHER, 'id-front'));
      expect(elsewhere.answer).toMatchObject({ ok: false, error: { fields: [{ path: FRONT }] } });
    });

    it('accepts the filer’s own upload', async () => {
      const { answer } = await saveFront(fileOf(OWNER, 'new-front'));
      expect(ok(answer).filing.form.subject.principal.certificate.photoFront).toBe(
        fileOf(OWNER, 'new-front'),
      );
    });

    it('does not hold a save of other fields hostage to a file saved earlier', async () => {
      const draft = await fileTo(h, 'draft');
      h.files.forget(fileOf(OWNER, 'id-back'));
      const saved = await patchAt(owner(), draft.id, draft.version, { 'subject.comment': '只改备注' });
      expect(ok(saved).filing.form.subject.comment).toBe('只改备注');
    });
  });

  describe('submitting', () => {
    it('checks every file again: one gone since it was saved is refused at its field', async () => {
      const draft = await fileTo(h, 'draft');
      h.files.forget(fileOf(OWNER, 'face'));
      const before = h.snapshot();
      const answer = await submitAt(owner(), draft.id, draft.version, 'files-req-0001');
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringContaining('重新上传'),
          fields: [{ path: 'miniprogram.principal.faceVerification.photo', code: 'file.missing' }],
        },
      });
      expect(h.snapshot()).toBe(before);
    });

    it('submits a form whose files are all the filer’s own uploads', async () => {
      const filing = await fileTo(h, 'platform_review', personalForm());
      expect(filing.state).toBe('platform_review');
    });
  });

  describe('file.register', () => {
    it('records the filer’s upload and answers its id', async () => {
      const fileId = fileOf(OWNER, 'fresh');
      expect(ok(await owner().filing('file.register', { fileId, field: FRONT }))).toEqual({ fileId });
      expect(h.files.registered).toEqual([{ openid: OWNER, fileId }]);
    });

    it('refuses a file under another folder without asking storage, and a missing one, at the field', async () => {
      const theirs = await owner().filing('file.register', { fileId: fileOf(OTHER, 'x'), field: FRONT });
      expect(theirs).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: FRONT, code: 'file.not_own' }] },
      });
      expect(h.files.registered).toEqual([]);
      const gone = fileOf(OWNER, 'gone');
      h.files.forget(gone);
      expect(await owner().filing('file.register', { fileId: gone })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: 'fileId', code: 'file.missing' }] },
      });
    });

    it('refuses a field that is not a form path', async () => {
      const answer = await owner().filing('file.register', { fileId: fileOf(OWNER, 'x'), field: '../x' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });
  });
});
