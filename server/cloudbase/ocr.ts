/**
 * CertificateReader on the function's own cloud calls: `cloud.openapi.ocr.idcard` (photo mode)
 * and `cloud.openapi.ocr.businessLicense`, with the image's bytes (no public URL needed). Both
 * must be listed in the filing function's config.json `permissions.openapi`. The SDK answers in
 * camelCase and throws a CloudSDKError with `errCode` on a non-zero errcode
 * (docs/certificate-recognition.md).
 */
import type { CertificateReader } from '../ports';
import { errCodeOf } from './db';

interface OcrImage {
  img: { contentType: string; value: Buffer };
}

export type OcrCall<P> = (params: P) => Promise<unknown>;

export interface OcrCalls {
  idcard: OcrCall<OcrImage & { type: 'photo' | 'scan' }>;
  businessLicense: OcrCall<OcrImage>;
}

/** What the SDK threw, as WeChat's errcode; -1 when it carried none (a network failure, say). */
function failure(error: unknown): { ok: false; errCode: number; errMsg: string } {
  const errMsg =
    error instanceof Error ? error.message : String((error as { errMsg?: unknown } | null)?.errMsg ?? '');
  return { ok: false, errCode: errCodeOf(error) ?? -1, errMsg };
}

export function cloudCertificates(calls: OcrCalls): CertificateReader {
  return {
    async read(kind, image) {
      const img = { contentType: image.contentType, value: Buffer.from(image.bytes) };
      try {
        const answer =
          kind === 'idcard'
            ? await calls.idcard({ type: 'photo', img })
            : await calls.businessLicense({ img });
        if (typeof answer !== 'object' || answer === null)
          return { ok: false, errCode: -1, errMsg: 'empty answer' };
        return { ok: true, fields: answer as Record<string, unknown> };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
