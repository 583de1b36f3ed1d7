/**
 * Reading certificates over HTTP, with the local cloud's real engine (tesseract): the filer uploads
 * the sample ID card and licence, asks for them to be read, fills the empty fields with what was
 * read, and is warned where what they had typed disagrees with the photo. Needs chromium (to draw
 * the samples), tesseract-ocr and tesseract-ocr-chi-sim, as .ci/run installs.
 */
import type { FilingView, FormPatch, RecognizedValues } from '@beian/core';
import { drawCertificates, type SampleCertificates } from '../../local/preview/certificate-images';
import type { SampleImage } from '../../local/preview/sample-images';
import { solidPng } from '../../local/demo-image';
import { FILER, ok, TestCloud } from './harness';

jest.setTimeout(120_000);

let test: TestCloud;
let samples: SampleCertificates;

beforeAll(async () => {
  [test, samples] = await Promise.all([TestCloud.start(), drawCertificates('2020-11-02', '2040-11-02')]);
});

afterAll(async () => {
  await test.close();
});

async function upload(image: SampleImage): Promise<string> {
  return test.client.upload(
    FILER,
    `filings/${FILER}/${Date.now()}-${image.name}`,
    image.buffer,
    image.mimeType,
  );
}

async function save(filing: FilingView, patch: FormPatch): Promise<FilingView> {
  return ok(await test.as(FILER, 'filing', 'draft.save', { id: filing.id, version: filing.version, patch }))
    .filing;
}

/** The photo at `field` read by `certificate.recognize`, as the form page's 识别并填写 asks. */
function recognize(filing: FilingView, field: string) {
  return test.as(FILER, 'filing', 'certificate.recognize', { id: filing.id, field });
}

/** What the form page does with an answer: fill what is empty, leave what was typed. */
function emptyOnly(filing: FilingView, values: RecognizedValues): FormPatch {
  const patch: FormPatch = {};
  for (const [path, value] of Object.entries(values)) {
    const typed = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], filing.form);
    if (typed === '') patch[path] = value;
  }
  return patch;
}

describe('certificate recognition over HTTP', () => {
  it('reads an ID card, fills the empty fields and warns at the name typed otherwise', async () => {
    let filing = ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    filing = await save(filing, {
      'subject.type': 5,
      'subject.principal.name': '张叁',
      'subject.principal.certificate.type': 2,
      'subject.principal.certificate.photoFront': await upload(samples.idFront),
      'subject.principal.certificate.photoBack': await upload(samples.idBack),
    });
    const front = ok(await recognize(filing, 'subject.principal.certificate.photoFront'));
    expect(front.values).toEqual({
      'subject.principal.name': '张三',
      'subject.principal.certificate.number': '110105199003071239',
      'subject.name': '张三',
      'subject.certificate.address': '北京市朝阳区高碑店路181号',
    });
    const back = ok(await recognize(filing, 'subject.principal.certificate.photoBack'));
    expect(back.values).toEqual({
      'subject.principal.certificate.validFrom': '2020-11-02',
      'subject.principal.certificate.validTo': '2040-11-02',
    });
    filing = await save(filing, emptyOnly(filing, { ...front.values, ...back.values }));
    expect(filing.form.subject.principal.name).toBe('张叁');
    expect(filing.form.subject.principal.certificate).toMatchObject({
      number: '110105199003071239',
      validFrom: '2020-11-02',
      validTo: '2040-11-02',
    });
    const report = ok(await test.as(FILER, 'filing', 'filing.check', { id: filing.id }));
    expect(report.warnings).toContainEqual({
      path: 'subject.principal.name',
      code: 'recognition.mismatch',
      message: '主体负责人姓名与证件照片上的“张三”不一致，请按证件原样核对',
    });
    const readings = ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id })).recognitions;
    expect(readings.map((reading) => reading.field).sort()).toEqual([
      'subject.principal.certificate.photoBack',
      'subject.principal.certificate.photoFront',
    ]);
  });

  it('reads a licence and asks about the business scope that needs a pre-approval', async () => {
    let filing = ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    filing = await save(filing, {
      'subject.type': 4,
      'subject.certificate.type': 1,
      'subject.certificate.photo': await upload(samples.licence),
      'miniprogram.preApprovals': [{ type: 24, code: '', media: '' }],
    });
    const read = ok(await recognize(filing, 'subject.certificate.photo'));
    expect(read.facts).toMatchObject({
      legalPerson: '李四',
      businessScope: '技术开发、技术咨询；教育咨询；软件开发',
    });
    filing = await save(filing, emptyOnly(filing, read.values));
    expect(filing.form.subject).toMatchObject({
      name: '北京示例科技有限公司',
      certificate: { number: '91110108551385082Q', validFrom: '2013-03-20', validTo: '长期' },
      legalPerson: { name: '李四' },
    });
    const report = ok(await test.as(FILER, 'filing', 'filing.check', { id: filing.id }));
    expect(report.warnings.map((w) => `${w.path} ${w.code}`)).toContain(
      'miniprogram.preApprovals recognition.business_scope',
    );
  });

  it('tells the filer to retake a photo with no certificate on it', async () => {
    let filing = ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    const blank = solidPng(1280, 808, [238, 243, 248]);
    const fileId = await test.client.upload(FILER, `filings/${FILER}/blank.png`, blank, 'image/png');
    filing = await save(filing, { 'subject.principal.certificate.photoFront': fileId });
    const answer = await recognize(filing, 'subject.principal.certificate.photoFront');
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'subject.principal.certificate.photoFront' }] },
    });
  });
});

describe('recognition on an account WeChat has not verified', () => {
  let unverified: TestCloud;
  beforeAll(async () => {
    unverified = await TestCloud.start({ ocr: { verified: false } });
  });
  afterAll(() => unverified.close());

  it('is UNAVAILABLE, and the form is saved by hand as before', async () => {
    let filing = ok(await unverified.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    const fileId = await unverified.client.upload(
      FILER,
      `filings/${FILER}/front.jpg`,
      samples.idFront.buffer,
      'image/jpeg',
    );
    filing = ok(
      await unverified.as(FILER, 'filing', 'draft.save', {
        id: filing.id,
        version: filing.version,
        patch: { 'subject.principal.certificate.photoFront': fileId },
      }),
    ).filing;
    const answer = await unverified.as(FILER, 'filing', 'certificate.recognize', {
      id: filing.id,
      field: 'subject.principal.certificate.photoFront',
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('手动填写') },
    });
    const typed = ok(
      await unverified.as(FILER, 'filing', 'draft.save', {
        id: filing.id,
        version: filing.version,
        patch: { 'subject.principal.name': '张三' },
      }),
    ).filing;
    expect(typed.form.subject.principal.name).toBe('张三');
  });
});
