/**
 * The local cloud's certificate recognition: how long its engine (Debian's tesseract with the
 * chi_sim model) takes per image, on the preview's sample certificates drawn in Chromium — each
 * read as the local `certificate.recognize` reads it, the text parsed into WeChat's fields.
 */
import { drawCertificates, type SampleCertificates } from '../local/preview/certificate-images';
import { LocalCertificateReader } from '../local/ocr/engine';
import type { CertificateKind, FileContent } from '../server/ports';
import { figure, timeRuns, type Figure } from './figures';

const IMAGES: ReadonlyArray<[keyof SampleCertificates, CertificateKind, string]> = [
  ['idFront', 'idcard', '身份证人像面 1280×808'],
  ['idBack', 'idcard', '身份证国徽面 1280×808'],
  ['licence', 'licence', '营业执照 1600×1130'],
];

export async function measureRecognition(runs: number): Promise<Figure[]> {
  const samples = await drawCertificates('2020-11-02', '2040-11-02');
  // A quota that never runs out: the bench times the engine, not WeChat's free 100 a day.
  const reader = new LocalCertificateReader({
    clock: { now: () => new Date() },
    dailyQuota: Number.MAX_SAFE_INTEGER,
  });
  const figures: Figure[] = [];
  for (const [name, kind, label] of IMAGES) {
    const image = samples[name];
    const content: FileContent = { bytes: image.buffer, contentType: image.mimeType, filename: image.name };
    let read = 0;
    const times = await timeRuns(runs, async () => {
      const answer = await reader.read(kind, content);
      if (!answer.ok) throw new Error(`the engine could not read ${name}: errcode ${answer.errCode}`);
      read = Object.keys(answer.fields).length;
    });
    figures.push(
      figure(
        {
          area: 'ocr',
          id: `ocr.local.${name}`,
          label: `local recognition of one image (${label})`,
          unit: 'ms',
          note: `tesseract chi_sim --psm 6, one process per image · ${read} fields read · ${(image.buffer.byteLength / 1024).toFixed(0)} KB JPEG`,
        },
        times,
      ),
    );
  }
  return figures;
}
