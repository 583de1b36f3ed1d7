/**
 * Cloud storage through wx-server-sdk. Storage rules cannot keep a filer to their own folder
 * (`filings/<openid>/`): anyone may write under any path. So who uploaded a file is the `uploads`
 * record the filer's client registers right after uploading (`file.register`, identity from the
 * platform), first registration wins; that the file still exists is `getTempFileURL`'s per-file
 * status. database/README.md § Files in storage.
 */
import { createHash } from 'node:crypto';
import type { Clock, FileVerdict, Files } from '../ports';
import { UPLOADS_COLLECTION } from '../store/collections';
import { COLLECTION_MISSING, DUPLICATE_KEY, errCodeOf, type CloudDatabase } from './db';

/** `cloud.getTempFileURL`: per file, `status` 0 with a URL, or the platform's error code. */
export type GetTempFileUrl = (params: {
  fileList: { fileID: string; maxAge: number }[];
}) => Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;

/** `cloud.downloadFile`: the bytes of one file of the environment's storage. */
export type DownloadFile = (params: { fileID: string }) => Promise<{ fileContent: Uint8Array }>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
};

/** Temporary links are bearer links (storage rules do not guard the URL): keep them short. */
export const TEMP_URL_MAX_AGE_S = 10 * 60;
/** A link asked for only to learn that the file exists is never handed out: the shortest age. */
const PROBE_MAX_AGE_S = 60;
/** getTempFileURL takes at most 50 files per call. */
const BATCH = 50;

export function cloudFiles(
  getTempFileURL: GetTempFileUrl,
  db: CloudDatabase,
  clock: Clock,
  downloadFile?: DownloadFile,
): Files {
  const uploads = () => db.collection(UPLOADS_COLLECTION);

  const links = async (fileIds: readonly string[], maxAge: number): Promise<Record<string, string>> => {
    const urls: Record<string, string> = {};
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const fileList = fileIds.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge }));
      const result = await getTempFileURL({ fileList });
      for (const item of result.fileList) {
        if (item.status === 0 && item.tempFileURL) urls[item.fileID] = item.tempFileURL;
      }
    }
    return urls;
  };

  const uploaderOf = async (fileId: string): Promise<string | null> => {
    const { data } = await uploads().doc(uploadId(fileId)).get();
    return data && data.fileId === fileId && typeof data.owner === 'string' ? data.owner : null;
  };

  return {
    temporaryUrls: (fileIds) => links(fileIds, TEMP_URL_MAX_AGE_S),

    async content(fileId) {
      if (!downloadFile) throw new Error('cloud.downloadFile is not wired into this Files');
      if (!(await links([fileId], PROBE_MAX_AGE_S))[fileId]) return null;
      const { fileContent } = await downloadFile({ fileID: fileId });
      const filename = fileId.slice(fileId.lastIndexOf('/') + 1);
      const extension = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
      return {
        bytes: fileContent,
        contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
        filename,
      };
    },

    async verify(openid, fileIds) {
      const uploaders = await Promise.all(fileIds.map(uploaderOf));
      const theirs = fileIds.filter((_, i) => uploaders[i] === openid);
      const existing = theirs.length > 0 ? await links(theirs, PROBE_MAX_AGE_S) : {};
      const verdicts: Record<string, FileVerdict> = {};
      fileIds.forEach((fileId, i) => {
        const uploader = uploaders[i] ?? null;
        if (uploader === null) verdicts[fileId] = 'missing';
        else if (uploader !== openid) verdicts[fileId] = 'foreign';
        else verdicts[fileId] = existing[fileId] ? 'own' : 'missing';
      });
      return verdicts;
    },

    async register(openid, fileId) {
      if (!(await links([fileId], PROBE_MAX_AGE_S))[fileId]) return 'missing';
      const uploader = await uploaderOf(fileId);
      if (uploader !== null) return uploader === openid ? 'own' : 'foreign';
      try {
        const registeredAt = clock.now().toISOString();
        await uploads().add({ data: { _id: uploadId(fileId), fileId, owner: openid, registeredAt } });
        return 'own';
      } catch (error) {
        if (errCodeOf(error) !== DUPLICATE_KEY) throw error;
        return (await uploaderOf(fileId)) === openid ? 'own' : 'foreign';
      }
    },

    async setup() {
      try {
        await uploads().count();
        return [];
      } catch (error) {
        if (errCodeOf(error) !== COLLECTION_MISSING) throw error;
        await db.createCollection(UPLOADS_COLLECTION);
        return [UPLOADS_COLLECTION];
      }
    },
  };
}

/** A file id has `/` and `:`; its record lives under a hash that needs no escaping. */
function uploadId(fileId: string): string {
  return createHash('sha256').update(fileId).digest('hex').slice(0, 40);
}
