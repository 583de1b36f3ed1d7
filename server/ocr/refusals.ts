/**
 * What the filer is told when a photo cannot be read (docs/certificate-recognition.md § WeChat's
 * OCR). Recognition being unavailable (the day's quota, an account WeChat has not verified,
 * no permission) is UNAVAILABLE: nothing is wrong with the photo and the form works by hand. A photo
 * WeChat could not read is VALIDATION at the photo's path, where the filer retakes it.
 */
import type { Issue } from '@beian/core';
import { Refusal, refuse } from '../errors';
import type { CertificateReader } from '../ports';

/** WeChat's OCR errcodes, and the ones any openapi call can answer. */
export const OCR_ERRCODE = {
  badImage: 101000,
  notFound: 101001,
  notRecognized: 101002,
  quota: 101003,
  dailyLimit: 45009,
  unauthorized: 48001,
  /** wx-server-sdk: the API is not listed in the function's config.json permissions.openapi. */
  noPermission: -604101,
  /** The local engine: tesseract is not installed. */
  engineMissing: -900001,
} as const;

const BY_HAND = '，请先手动填写';

export function unavailable(message: string): Refusal {
  return new Refusal('UNAVAILABLE', message);
}

export function photoRefusal(field: string, message: string): Refusal {
  const issue: Issue = { path: field, code: 'recognition.unreadable', message };
  return refuse.validation(message, [issue]);
}

export const UNREADABLE = '没能从照片中识别出证件信息：请在光线充足处对准证件、四角完整、不反光地重新拍摄';

export function ocrRefusal(errCode: number, field: string): Refusal {
  switch (errCode) {
    case OCR_ERRCODE.quota:
    case OCR_ERRCODE.dailyLimit:
      return unavailable(`今天的证件识别次数已用完${BY_HAND}，明天可再识别`);
    case OCR_ERRCODE.unauthorized:
    case OCR_ERRCODE.noPermission:
      return unavailable(`证件识别需要小程序完成微信认证并开通 OCR 接口，当前不可用${BY_HAND}`);
    case OCR_ERRCODE.engineMissing:
      return unavailable(`本地证件识别需要安装 tesseract-ocr 和 tesseract-ocr-chi-sim${BY_HAND}`);
    case OCR_ERRCODE.badImage:
      return photoRefusal(field, '照片无法打开，请重新上传 JPG 或 PNG 格式的照片');
    case OCR_ERRCODE.notFound:
    case OCR_ERRCODE.notRecognized:
      return photoRefusal(field, UNREADABLE);
    default:
      return unavailable(`证件识别暂时不可用（${errCode}）${BY_HAND}，稍后可再试`);
  }
}

/** A reader for deployments and tools that recognize nothing: every call answers as an unverified account. */
export const NO_CERTIFICATE_READER: CertificateReader = {
  read: async () => ({
    ok: false,
    errCode: OCR_ERRCODE.unauthorized,
    errMsg: 'certificate recognition is not set up',
  }),
};
