/**
 * The local cloud's certificate recognition (docs/certificate-recognition.md § Locally): Debian's tesseract (`tesseract-ocr` with the
 * `tesseract-ocr-chi-sim` language) run on the uploaded photo, its text parsed into WeChat's
 * fields (./text.ts). It answers what WeChat's OCR would: the fields found, or WeChat's errcode —
 * 101001/101002 for a photo it cannot read, 101000 for one that is not an image, 45009 once the
 * day's quota is used, 48001 on an account not verified. No answer is canned.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beijingDate } from '@beian/core';
import type { CertificateKind, CertificateReader, Clock, FileContent, OcrAnswer } from '../../server/ports';
import { OCR_ERRCODE } from '../../server/ocr/refusals';
import { idCardFields, licenceFields } from './text';

export interface LocalOcrOptions {
  clock: Clock;
  /** Calls a day, as WeChat's free quota (100). */
  dailyQuota?: number;
  /** False plays an account WeChat has not verified: every call answers 48001. */
  verified?: boolean;
  /** The tesseract binary (default `tesseract` on the PATH). */
  command?: string;
}

const FREE_QUOTA = 100;

type Run = { ok: true; text: string } | { ok: false; missing: boolean };

function run(command: string, file: string): Promise<Run> {
  return new Promise((resolve) => {
    // --psm 6: one uniform block of text, which is how a certificate's labelled lines read best.
    execFile(
      command,
      [file, 'stdout', '-l', 'chi_sim', '--psm', '6'],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, text: stdout });
        const missing =
          (error as NodeJS.ErrnoException).code === 'ENOENT' || /Failed loading language/.test(stderr);
        resolve({ ok: false, missing });
      },
    );
  });
}

/** Reads the text of one image; the temporary copy is removed whatever happens. */
export async function recognizeText(image: FileContent, command = 'tesseract'): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'beian-ocr-'));
  try {
    const file = join(dir, image.contentType === 'image/png' ? 'photo.png' : 'photo.jpg');
    await writeFile(file, image.bytes);
    return await run(command, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const failed = (errCode: number, errMsg: string): OcrAnswer => ({ ok: false, errCode, errMsg });

export class LocalCertificateReader implements CertificateReader {
  private day = '';
  private used = 0;

  constructor(private readonly options: LocalOcrOptions) {}

  async read(kind: CertificateKind, image: FileContent): Promise<OcrAnswer> {
    if (this.options.verified === false) return failed(OCR_ERRCODE.unauthorized, 'api unauthorized');
    const today = beijingDate(this.options.clock.now());
    if (today !== this.day) [this.day, this.used] = [today, 0];
    if (this.used >= (this.options.dailyQuota ?? FREE_QUOTA))
      return failed(OCR_ERRCODE.dailyLimit, 'reach max api daily quota limit');
    this.used += 1;
    const result = await recognizeText(image, this.options.command);
    if (!result.ok) {
      return result.missing
        ? failed(OCR_ERRCODE.engineMissing, 'tesseract-ocr with chi_sim is not installed')
        : failed(OCR_ERRCODE.badImage, 'invalid image');
    }
    const fields = kind === 'idcard' ? idCardFields(result.text) : licenceFields(result.text);
    if (Object.keys(fields).length === 0) {
      return kind === 'idcard'
        ? failed(OCR_ERRCODE.notFound, 'id card not found')
        : failed(OCR_ERRCODE.notRecognized, 'image not recognized');
    }
    return { ok: true, fields };
  }
}
