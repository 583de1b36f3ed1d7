/**
 * filing `certificate.recognize`: the saved photo at a form path is read by WeChat's OCR, mapped
 * onto the form's paths and kept beside the application (its version untouched), so the checks
 * and the reviewer compare with it. Every failure says what to do and changes nothing.
 */
import type { FilingView } from '@beian/core';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { application } from './helpers/applications';
import { fileTo, ok, STORES, useHarness } from './helpers/harness';
import { ID_BACK_HTTPS, ID_FRONT_CLOUD, LICENCE_CLOUD } from './helpers/ocr';

const FRONT = 'subject.principal.certificate.photoFront';
const BACK = 'subject.principal.certificate.photoBack';
const LICENCE = 'subject.certificate.photo';

describe.each(STORES)('on %s', (kind) => {
  const h = useHarness(kind);

  const recognize = (filing: FilingView, field: string) =>
    h.as('owner').filing('certificate.recognize', { id: filing.id, field });

  it('maps an ID front onto the principal, and a personal subject, without changing the version', async () => {
    const filing = await fileTo(h, 'draft');
    h.ocr.answer(ID_FRONT_CLOUD);
    const read = ok(await recognize(filing, FRONT));
    expect(read.values).toEqual({
      'subject.principal.name': '张三',
      'subject.principal.certificate.number': '110105199003071239',
      'subject.name': '张三',
      'subject.certificate.address': '北京市朝阳区高碑店路181号',
    });
    expect(read.facts).toMatchObject({ side: 'id_front', sex: '男' });
    expect(h.ocr.calls).toEqual([{ kind: 'idcard', bytes: expect.any(Number), contentType: 'image/jpeg' }]);
    const after = ok(await h.as('owner').filing('filing.get', { id: filing.id }));
    expect(after.filing.version).toBe(filing.version);
    expect(after.recognitions).toEqual([
      {
        field: FRONT,
        fileId: filing.form.subject.principal.certificate.photoFront,
        at: expect.any(String),
        values: read.values,
        facts: read.facts,
      },
    ]);
  });

  it('keeps one reading per photo, the latest, and reads the licence of an enterprise', async () => {
    const filing = await fileTo(h, 'draft', enterpriseForm());
    h.ocr.answer(ID_BACK_HTTPS, LICENCE_CLOUD);
    ok(await recognize(filing, BACK));
    h.advance(1000);
    const licence = ok(await recognize(filing, LICENCE));
    expect(licence.values).toEqual({
      'subject.name': '北京示例科技有限公司',
      'subject.certificate.number': '91110108551385082Q',
      'subject.certificate.address': '北京市海淀区中关村大街1号8层801',
      'subject.legalPerson.name': '李四',
      'subject.certificate.validFrom': '2013-03-20',
      'subject.certificate.validTo': '长期',
    });
    expect(h.ocr.calls.map((call) => call.kind)).toEqual(['idcard', 'licence']);
    h.advance(1000);
    h.ocr.answer({ ...ID_BACK_HTTPS, valid_date: '20190601-长期' });
    ok(await recognize(filing, BACK));
    const readings = ok(await h.as('owner').filing('filing.get', { id: filing.id })).recognitions;
    expect(
      readings.map((r) => [
        r.field,
        r.values[`subject.principal.certificate.validTo`] ?? r.values['subject.name'],
      ]),
    ).toEqual([
      [LICENCE, '北京示例科技有限公司'],
      [BACK, '长期'],
    ]);
  });

  it('warns before submit, and shows the reviewer, where the typed form differs from the photo', async () => {
    const form = enterpriseForm();
    form.subject.name = '北京示列科技有限公司';
    const filing = await fileTo(h, 'draft', form);
    h.ocr.answer({ ...LICENCE_CLOUD, businessScope: '技术开发；教育咨询' });
    ok(await recognize(filing, LICENCE));
    const report = ok(await h.as('owner').filing('filing.check', { id: filing.id }));
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'subject.name', code: 'recognition.subject_name' }),
        expect.objectContaining({ path: 'miniprogram.preApprovals', code: 'recognition.business_scope' }),
      ]),
    );
    const submitted = ok(
      await h
        .as('owner')
        .filing('filing.submit', { id: filing.id, version: filing.version, requestId: 'req-ocr-0001' }),
    ).filing;
    const review = ok(await h.as('admin').admin('filing.get', { id: submitted.id }));
    expect(review.recognitions.map((r) => r.field)).toEqual([LICENCE]);
    expect(review.check.warnings.map((w) => w.code)).toContain('recognition.subject_name');
  });

  it('forgets a reading once the photo it was read from is replaced', async () => {
    const filing = await fileTo(h, 'draft');
    h.ocr.answer({ ...ID_FRONT_CLOUD, name: '张叁' });
    ok(await recognize(filing, FRONT));
    const before = ok(await h.as('owner').filing('filing.check', { id: filing.id }));
    expect(before.warnings.map((w) => w.path)).toContain('subject.principal.name');
    const replaced = `cloud://env-test.7465-env-test/filings/o-filer-a/id-front-2.jpg`;
    ok(
      await h
        .as('owner')
        .filing('draft.save', { id: filing.id, version: filing.version, patch: { [FRONT]: replaced } }),
    );
    const after = ok(await h.as('owner').filing('filing.check', { id: filing.id }));
    expect(after.warnings.map((w) => w.path)).not.toContain('subject.principal.name');
  });

  describe('refusals, each changing nothing', () => {
    let filing: FilingView;
    let before: string;
    beforeEach(async () => {
      filing = await fileTo(h, 'draft');
      before = h.snapshot();
    });
    afterEach(() => expect(h.snapshot()).toBe(before));

    it.each([
      [45009, '今天的证件识别次数已用完'],
      [101003, '今天的证件识别次数已用完'],
      [48001, '微信认证'],
      [-604101, '微信认证'],
      [-1, '暂时不可用'],
    ])('WeChat errcode %s is UNAVAILABLE: the form goes on by hand', async (errCode, message) => {
      h.ocr.answer(errCode);
      const answer = await recognize(filing, FRONT);
      expect(answer).toEqual({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringContaining(message) },
      });
      expect(answer.ok || answer.error.message).toMatch(/手动填写/);
    });

    it.each([
      [101001, '没能从照片中识别出证件信息'],
      [101002, '没能从照片中识别出证件信息'],
      [101000, 'JPG 或 PNG'],
    ])('WeChat errcode %s is VALIDATION at the photo', async (errCode, message) => {
      h.ocr.answer(errCode);
      const answer = await recognize(filing, FRONT);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: FRONT, message: expect.stringContaining(message) }] },
      });
    });

    it('says so when the photo is the other side of the card', async () => {
      h.ocr.answer(ID_BACK_HTTPS);
      expect(await recognize(filing, FRONT)).toMatchObject({
        error: { code: 'VALIDATION', fields: [{ path: FRONT, message: expect.stringContaining('国徽面') }] },
      });
    });

    it('refuses a path that is not a certificate photo, and a licence of a personal subject, before calling WeChat', async () => {
      expect(await recognize(filing, 'subject.name')).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      expect(await recognize(filing, LICENCE)).toMatchObject({
        error: {
          code: 'VALIDATION',
          fields: [{ path: LICENCE, message: expect.stringContaining('个人主体') }],
        },
      });
      expect(h.ocr.calls).toEqual([]);
    });

    it('asks for the photo first, and for a new one when storage lost it', async () => {
      const empty = ok(await h.as('owner').filing('draft.create', { kind: 'new' })).filing;
      expect(await recognize(empty, FRONT)).toMatchObject({
        error: {
          code: 'VALIDATION',
          fields: [{ path: FRONT, message: expect.stringContaining('请先上传照片') }],
        },
      });
      h.files.forget(filing.form.subject.principal.certificate.photoFront);
      expect(await recognize(filing, FRONT)).toMatchObject({
        error: {
          code: 'VALIDATION',
          fields: [{ path: FRONT, message: expect.stringContaining('重新上传') }],
        },
      });
      before = h.snapshot();
    });

    it("answers another filer's application as missing", async () => {
      h.ocr.answer(ID_FRONT_CLOUD);
      const answer = await h.as('other').filing('certificate.recognize', { id: filing.id, field: FRONT });
      expect(answer).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(h.ocr.calls).toEqual([]);
    });
  });

  it('saves a draft stored before the licence had a validity, reading it as not given', async () => {
    const form = enterpriseForm();
    const stored: Record<string, unknown> = { ...form.subject.certificate };
    delete stored.validFrom;
    delete stored.validTo;
    const old = application({
      form: { ...form, subject: { ...form.subject, certificate: stored as never } },
    });
    await h.store.insertApplication(old);
    const saved = ok(
      await h
        .as('owner')
        .filing('draft.save', { id: old.id, version: old.version, patch: { 'subject.comment': '补充说明' } }),
    ).filing;
    expect(saved.form.subject.certificate).toMatchObject({ validFrom: '', validTo: '' });
    expect(ok(await h.as('owner').filing('filing.check', { id: old.id })).errors).toEqual([]);
  });

  it('refuses once the application is submitted', async () => {
    const filing = await fileTo(h, 'platform_review', personalForm());
    h.ocr.answer(ID_FRONT_CLOUD);
    expect(await recognize(filing, FRONT)).toMatchObject({ error: { code: 'INVALID_STATE' } });
  });
});
