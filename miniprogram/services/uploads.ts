/**
 * Certificate, ID, letter and face photos: checked on the phone before a byte is uploaded (format,
 * size, resolution — the reasons reviewers reject photos for), then uploaded to cloud storage
 * under the filer's own prefix `filings/<openid>/` and registered with the server (`file.register`):
 * storage rules cannot keep anyone to their own folder, so an application may reference only
 * files its filer registered. The one caller of `wx.cloud.uploadFile`.
 */
import { call } from './cloud';
import { loadSession } from './session';

/** What a photo shows decides how large it must be (docs/domain.md § Photos and letters). */
export type PhotoKind = 'idCard' | 'document' | 'face';

export interface PhotoRule {
  /** Shorter and longer side in pixels, whatever the orientation. */
  minShortSide: number;
  minLongSide: number;
  maxBytes: number;
  /** Shown under the uploader before the filer picks anything. */
  hint: string;
}

const MB = 1024 * 1024;

/**
 * The official materials page asks for ID photos of at least 720×1280 and certificates of at least
 * 1500×1100; the sizes it gives (100–200 KB) conflict with the 2 MB a tutorial gives, so 2 MB is
 * refused outright and the stricter figure is shown as advice.
 */
export const PHOTO_RULES: Readonly<Record<PhotoKind, PhotoRule>> = {
  idCard: {
    minShortSide: 720,
    minLongSide: 1280,
    maxBytes: 2 * MB,
    hint: 'JPG/PNG 彩色原件照片，四角完整；不小于 720×1280，不超过 2 MB（建议 200 KB 左右）',
  },
  document: {
    minShortSide: 1100,
    minLongSide: 1500,
    maxBytes: 2 * MB,
    hint: 'JPG/PNG 彩色原件照片或扫描件，四角完整；不小于 1500×1100，不超过 2 MB（建议 200 KB 左右）',
  },
  face: {
    minShortSide: 480,
    minLongSide: 640,
    maxBytes: 2 * MB,
    hint: 'JPG/PNG，白色背景正面免冠，不小于 640×480，不超过 2 MB',
  },
};

/** A file the filer picked (van-uploader's `after-read` file, or `wx.chooseMedia`'s temp file). */
export interface PickedFile {
  path: string;
  size: number;
}

const ACCEPTED_EXTENSIONS = ['jpg', 'jpeg', 'png'];
const ACCEPTED_TYPES = ['jpeg', 'jpg', 'png'];

function extensionOf(path: string): string {
  const match = /\.([a-zA-Z0-9]+)(?:[?#].*)?$/.exec(path);
  return match?.[1]?.toLowerCase() ?? '';
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function imageInfo(src: string): Promise<WechatMiniprogram.GetImageInfoSuccessCallbackResult | null> {
  return new Promise((resolve) => {
    wx.getImageInfo({ src, success: resolve, fail: () => resolve(null) });
  });
}

/**
 * Why this photo would be refused, or null when it may be uploaded. Format and size are judged from
 * the file itself; resolution and the real image type from `wx.getImageInfo`.
 */
export async function checkPhoto(file: PickedFile, rule: PhotoRule): Promise<string | null> {
  const extension = extensionOf(file.path);
  if (extension !== '' && !ACCEPTED_EXTENSIONS.includes(extension)) {
    return `只能上传 JPG 或 PNG 图片，这张是 ${extension.toUpperCase()} 格式。`;
  }
  if (file.size > rule.maxBytes) {
    return `图片有 ${megabytes(file.size)}，超过 ${megabytes(rule.maxBytes)}，请压缩或重新拍摄后上传。`;
  }
  const info = await imageInfo(file.path);
  if (!info) return '无法读取这张图片，请换一张重新上传。';
  if (!ACCEPTED_TYPES.includes(info.type.toLowerCase())) {
    return `只能上传 JPG 或 PNG 图片，这张是 ${info.type.toUpperCase()} 格式。`;
  }
  const shortSide = Math.min(info.width, info.height);
  const longSide = Math.max(info.width, info.height);
  if (shortSide < rule.minShortSide || longSide < rule.minLongSide) {
    return `图片分辨率 ${info.width}×${info.height} 太低，至少需要 ${rule.minLongSide}×${rule.minShortSide}，请用原件重新拍摄。`;
  }
  return null;
}

export type UploadOutcome = { ok: true; fileId: string } | { ok: false; message: string };

/** 128 random bits as hex: the object name must not be guessable from the filer's other files. */
function randomName(): string {
  let name = '';
  for (let i = 0; i < 4; i += 1) {
    name += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return name;
}

/**
 * Uploads a checked photo to `filings/<openid>/<random>.<ext>`, reporting progress in percent, and
 * registers it for the form path `field`. Never throws: a failure is an outcome with a Chinese
 * message the page shows.
 */
export async function uploadPhoto(
  file: PickedFile,
  field: string,
  onProgress: (percent: number) => void = () => undefined,
): Promise<UploadOutcome> {
  const session = await loadSession();
  if (!session) return { ok: false, message: '无法确认你的微信身份，请检查网络后重试。' };
  if (!wx.cloud) return { ok: false, message: '当前微信版本不支持云开发，请升级微信后重试。' };
  const extension = extensionOf(file.path) === 'png' ? 'png' : 'jpg';
  const cloudPath = `filings/${session.openid}/${randomName()}.${extension}`;
  const uploaded = await new Promise<UploadOutcome>((resolve) => {
    const task = wx.cloud.uploadFile({
      cloudPath,
      filePath: file.path,
      success: (result) => resolve({ ok: true, fileId: result.fileID }),
      fail: () => resolve({ ok: false, message: '上传失败，请检查网络后重试。' }),
    });
    task.onProgressUpdate((update) => onProgress(update.progress));
  });
  return uploaded.ok ? registerUpload(uploaded.fileId, field) : uploaded;
}

/** An upload the server has not registered cannot be saved in the form: it counts as failed. */
async function registerUpload(fileId: string, field: string): Promise<UploadOutcome> {
  const registered = await call('filing', 'file.register', { fileId, field });
  if (registered.ok) return { ok: true, fileId };
  return { ok: false, message: registered.error.fields?.[0]?.message ?? registered.error.message };
}
