/**
 * Cloud storage, emulated under the data folder (wechat-platform.md §12). Uploads answer like
 * `wx.cloud.uploadFile` with file ids shaped like real ones (`cloud://<env>.<bucket>/<cloudPath>`),
 * so the back end parses them the same in both worlds. The storage rules are owner-only: a filer
 * writes only under `filings/<their openid>/` and reads only their own files through the API.
 * `temporaryUrls` (the Files port, for `media.url` and the review page) hands out bearer links
 * signed for ten minutes of the local clock — like real temporary URLs, they bypass the rules.
 * The index records each file's uploader, which is what `verify` answers from.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { z } from 'zod';
import type { ErrorCode } from '@beian/core';
import type { Clock, FileContent, FileVerdict, Files } from '../server/ports';
import { readJsonFile, writeJsonFile } from './json-file';
import { makePrivateDir, writePrivateFile } from './private-files';

export const LOCAL_ENV_ID = 'beian-local';
/** `6265` is "be" in hex: real bucket names start with the hex of the environment id's first bytes. */
export const FILE_ID_ROOT = `cloud://${LOCAL_ENV_ID}.6265-${LOCAL_ENV_ID}/`;
/** How long a temporary URL works (private files on the real platform: 10 minutes). */
export const TEMP_URL_TTL_MS = 10 * 60_000;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_PATH_LENGTH = 256;

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

/** A refused storage request: its HTTP status, the contract's code and what to do, in Chinese. */
export class StorageRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageRefusal';
  }
}

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

const metaSchema = z.object({
  owner: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
const indexSchema = z.record(z.string(), metaSchema);
type FileIndex = z.infer<typeof indexSchema>;

export interface LocalStorageOptions {
  /** Where the bytes go, by cloud path. */
  dir: string;
  /** Content type and uploader per cloud path. */
  indexFile: string;
  /** The key temporary URLs are signed with. */
  secretFile: string;
  clock: Clock;
  /** The cloud's own address, known once it listens. */
  baseUrl: () => string;
}

export class LocalStorage implements Files {
  private readonly index: FileIndex;
  private readonly secret: Buffer;

  constructor(private readonly options: LocalStorageOptions) {
    this.index = readJsonFile(options.indexFile, indexSchema) ?? {};
    this.secret = loadOrCreateSecret(options.secretFile);
  }

  /** `wx.cloud.uploadFile` for the user `openid`: the same cloud path overwrites. */
  upload(openid: string, cloudPath: string, bytes: Buffer, contentType: string | undefined) {
    checkCloudPath(cloudPath);
    const [top, owner] = cloudPath.split('/');
    if (top !== 'filings' || owner !== openid) {
      throw new StorageRefusal(403, 'FORBIDDEN', `只能上传到自己的目录 filings/${openid}/ 下。`);
    }
    if (bytes.length === 0) throw new StorageRefusal(400, 'BAD_REQUEST', '文件是空的，请重新选择。');
    if (bytes.length > MAX_UPLOAD_BYTES) {
      throw new StorageRefusal(413, 'BAD_REQUEST', '文件超过 10 MB，请压缩后再上传。');
    }
    this.checkPlace(cloudPath, openid);
    const file = this.pathOf(cloudPath);
    makePrivateDir(dirname(file), this.options.dir);
    writePrivateFile(file, bytes);
    this.index[cloudPath] = {
      owner: openid,
      contentType: typeOf(cloudPath, contentType),
      size: bytes.length,
      uploadedAt: this.options.clock.now().toISOString(),
    };
    writeJsonFile(this.options.indexFile, this.index);
    return { fileID: `${FILE_ID_ROOT}${cloudPath}`, statusCode: 200 as const };
  }

  async temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>> {
    const expires = this.options.clock.now().getTime() + TEMP_URL_TTL_MS;
    const urls: Record<string, string> = {};
    for (const fileId of fileIds) {
      const cloudPath = cloudPathOf(fileId);
      if (cloudPath === null || !this.index[cloudPath]) continue;
      const token = this.sign(cloudPath, expires);
      urls[fileId] = `${this.options.baseUrl()}/_/storage/${cloudPath}?expires=${expires}&token=${token}`;
    }
    return urls;
  }

  async content(fileId: string): Promise<FileContent | null> {
    const cloudPath = cloudPathOf(fileId);
    if (cloudPath === null || !this.index[cloudPath] || !existsSync(this.pathOf(cloudPath))) return null;
    const stored = this.read(cloudPath);
    return { ...stored, filename: cloudPath.slice(cloudPath.lastIndexOf('/') + 1) };
  }

  /** Ours, from the index written at upload: who uploaded each file, and whether it is still there. */
  async verify(openid: string, fileIds: readonly string[]): Promise<Record<string, FileVerdict>> {
    return Object.fromEntries(fileIds.map((fileId) => [fileId, this.verdictOf(openid, fileId)]));
  }

  /** Nothing to record: the upload itself recorded its uploader (`x-wx-openid`). */
  async register(openid: string, fileId: string): Promise<FileVerdict> {
    return this.verdictOf(openid, fileId);
  }

  async setup(): Promise<string[]> {
    return [];
  }

  private verdictOf(openid: string, fileId: string): FileVerdict {
    const cloudPath = cloudPathOf(fileId);
    const meta = cloudPath === null ? undefined : this.index[cloudPath];
    if (cloudPath === null || !meta || !existsSync(this.pathOf(cloudPath))) return 'missing';
    return meta.owner === openid ? 'own' : 'foreign';
  }

  /** A temporary URL's file: anyone holding a valid, unexpired link may read it. */
  readSigned(cloudPath: string, expires: string | null, token: string | null): StoredFile {
    const at = Number(expires);
    const given = Buffer.from(token ?? '');
    const expected = Buffer.from(Number.isInteger(at) ? this.sign(cloudPath, at) : '');
    if (given.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new StorageRefusal(403, 'FORBIDDEN', '链接无效：签名不正确。');
    }
    if (this.options.clock.now().getTime() > at) {
      throw new StorageRefusal(403, 'FORBIDDEN', '链接已过期（有效期 10 分钟），请重新获取。');
    }
    return this.read(cloudPath);
  }

  /** What the storage API lets a user read: only their own files (`resource.openid == auth.openid`). */
  readOwn(fileId: string, openid: string): StoredFile {
    const cloudPath = cloudPathOf(fileId);
    if (cloudPath === null) throw new StorageRefusal(404, 'NOT_FOUND', '文件不存在。');
    const meta = this.index[cloudPath];
    if (meta && meta.owner !== openid) throw new StorageRefusal(403, 'FORBIDDEN', '无权读取他人的文件。');
    return this.read(cloudPath);
  }

  private read(cloudPath: string): StoredFile {
    const meta = this.index[cloudPath];
    const file = this.pathOf(cloudPath);
    if (!meta || !existsSync(file)) throw new StorageRefusal(404, 'NOT_FOUND', '文件不存在。');
    return { bytes: readFileSync(file), contentType: meta.contentType };
  }

  /**
   * A file goes where no folder is and under no file: the folder `filings/<openid>` itself, or a
   * path through a stored file, would replace or break what is there (and every later upload).
   */
  private checkPlace(cloudPath: string, openid: string): void {
    const segments = cloudPath.split('/');
    if (segments.length < 3) {
      throw new StorageRefusal(
        400,
        'BAD_REQUEST',
        `cloudPath 应为文件，不能是文件夹本身：请上传到 filings/${openid}/<文件名>。`,
      );
    }
    for (let end = 1; end <= segments.length; end += 1) {
      const prefix = segments.slice(0, end).join('/');
      const stat = statSync(this.pathOf(prefix), { throwIfNoEntry: false });
      if (!stat) return;
      if (end === segments.length && stat.isDirectory()) {
        throw new StorageRefusal(
          400,
          'BAD_REQUEST',
          `${cloudPath} 是已有的文件夹，不能作为文件名，请换一个名字。`,
        );
      }
      if (end < segments.length && !stat.isDirectory()) {
        throw new StorageRefusal(
          400,
          'BAD_REQUEST',
          `${prefix} 是已有的文件，不能在它下面再放文件，请换一个路径。`,
        );
      }
    }
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('base64url');
  }

  private pathOf(cloudPath: string): string {
    const file = join(this.options.dir, ...cloudPath.split('/'));
    // checkCloudPath already rules out `..`; this is the last line against writing outside.
    if (!file.startsWith(this.options.dir + sep))
      throw new StorageRefusal(400, 'BAD_REQUEST', '路径不合法。');
    return file;
  }
}

/** The cloud path of one of our file ids, or null for any other id (another environment's, …). */
export function cloudPathOf(fileId: string): string | null {
  if (!fileId.startsWith(FILE_ID_ROOT)) return null;
  const cloudPath = fileId.slice(FILE_ID_ROOT.length);
  try {
    checkCloudPath(cloudPath);
    return cloudPath;
  } catch {
    return null;
  }
}

export function checkCloudPath(cloudPath: string): void {
  const segments = cloudPath.split('/');
  const valid =
    cloudPath.length <= MAX_PATH_LENGTH &&
    segments.length >= 2 &&
    segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!valid) {
    throw new StorageRefusal(
      400,
      'BAD_REQUEST',
      'cloudPath 不合法：应形如 filings/<openid>/<文件名>，只用字母、数字、.、- 和 _，不以 / 开头。',
    );
  }
}

/**
 * Images and PDFs are served as what the uploader declared; anything else by the name's extension
 * or as plain bytes — never as HTML or script, since files are served from the preview's origin.
 */
function typeOf(cloudPath: string, given: string | undefined): string {
  const declared = given?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (Object.values(CONTENT_TYPES).includes(declared)) return declared;
  return CONTENT_TYPES[extname(cloudPath).toLowerCase()] ?? 'application/octet-stream';
}

function loadOrCreateSecret(file: string): Buffer {
  if (existsSync(file)) return readFileSync(file);
  const secret = randomBytes(32);
  writePrivateFile(file, secret);
  return secret;
}
