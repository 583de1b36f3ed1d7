/**
 * The local cloud's recognition engine, for real: the preview's sample certificates drawn in
 * Chromium, read by Debian's tesseract, parsed into WeChat's fields and then into the form's words
 * by the same code the deployed function runs — and they must come back as the sample forms hold
 * them. Needs chromium, fonts-wqy-microhei, tesseract-ocr and tesseract-ocr-chi-sim (.ci/run).
 */
import { drawCertificates, type SampleCertificates } from '../../../local/preview/certificate-images';
import { solidPng } from '../../../local/demo-image';
import { LocalCertificateReader } from '../../../local/ocr/engine';
import { readAnswer } from '../../../server/ocr/parse';
import { ID_FRONT_FACTS, LICENCE_FACTS } from '../../server/helpers/ocr';
import type { CertificateKind, FileContent, OcrAnswer } from '../../../server/ports';

jest.setTimeout(120_000);

let samples: SampleCertificates;
const clock = { now: () => new Date('2026-12-07T02:00:00.000Z') };

beforeAll(async () => {
  samples = await drawCertificates('2020-12-07', '2040-12-07');
});

const content = (image: { buffer: Buffer; mimeType: string; name: string }): FileContent => ({
  bytes: image.buffer,
  contentType: image.mimeType,
  filename: image.name,
});

async function fieldsOf(kind: CertificateKind, image: FileContent): Promise<Record<string, unknown>> {
  const answer: OcrAnswer = await new LocalCertificateReader({ clock }).read(kind, image);
  if (!answer.ok) throw new Error(`errcode ${answer.errCode} ${answer.errMsg}`);
  return answer.fields;
}

describe('the local recognition engine on the sample certificates', () => {
  it('reads the portrait side as WeChat would: 张三, his number, address and sex', async () => {
    const fields = await fieldsOf('idcard', content(samples.idFront));
    expect(fields).toMatchObject({
      type: 'Front',
      name: '张三',
      id: '110105199003071239',
      gender: '男',
      nationality: '汉',
    });
    expect(readAnswer('id_front', fields)).toEqual({
      ok: true,
      facts: ID_FRONT_FACTS,
    });
  });

  it('reads the national-emblem side into its validity period', async () => {
    const fields = await fieldsOf('idcard', content(samples.idBack));
    expect(fields).toEqual({ type: 'Back', valid_date: '20201207-20401207' });
    expect(readAnswer('id_back', fields)).toMatchObject({
      facts: { validFrom: '2020-12-07', validTo: '2040-12-07' },
    });
  });

  it('reads the licence: name, credit code, address, legal representative, period and scope', async () => {
    const fields = await fieldsOf('licence', content(samples.licence));
    expect(readAnswer('licence', fields)).toEqual({
      ok: true,
      // The sample image's scope names one line more than the scripted answer.
      facts: { ...LICENCE_FACTS, businessScope: '技术开发、技术咨询；教育咨询；软件开发' },
    });
  });

  it('answers a photo with no certificate on it as WeChat does: 101001 for an ID, 101002 for a licence', async () => {
    const blank: FileContent = {
      bytes: solidPng(1280, 808, [238, 243, 248]),
      contentType: 'image/png',
      filename: 'blank.png',
    };
    const reader = new LocalCertificateReader({ clock });
    expect(await reader.read('idcard', blank)).toMatchObject({ ok: false, errCode: 101001 });
    expect(await reader.read('licence', blank)).toMatchObject({ ok: false, errCode: 101002 });
    expect(await reader.read('idcard', content(samples.licence))).toMatchObject({
      ok: false,
      errCode: 101001,
    });
  });

  it('answers bytes that are no image 101000, and keeps to the daily quota and a verified account', async () => {
    const reader = new LocalCertificateReader({ clock, dailyQuota: 1 });
    const junk: FileContent = {
      bytes: Buffer.from('not an image'),
      contentType: 'image/jpeg',
      filename: 'x.jpg',
    };
    expect(await reader.read('idcard', junk)).toMatchObject({ ok: false, errCode: 101000 });
    expect(await reader.read('idcard', content(samples.idFront))).toMatchObject({
      ok: false,
      errCode: 45009,
    });
    const unverified = new LocalCertificateReader({ clock, verified: false });
    expect(await unverified.read('idcard', content(samples.idFront))).toMatchObject({
      ok: false,
      errCode: 48001,
    });
  });

  it('says the engine is missing rather than that the photo is unreadable', async () => {
    const reader = new LocalCertificateReader({ clock, command: '/nonexistent/tesseract' });
    expect(await reader.read('idcard', content(samples.idFront))).toMatchObject({
      ok: false,
      errCode: -900001,
    });
  });
});
