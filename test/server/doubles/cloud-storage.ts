/**
 * A double of wx-server-sdk's `cloud.getTempFileURL`, answering as the SDK does (its source in
 * node_modules/wx-server-sdk, api/getTempFileURL): one entry per file, `status` 0 with a
 * `tempFileURL` for a file that exists, or the platform's code with an empty URL —
 * STORAGE_FILE_NONEXIST (-503003) for a file that does not, in this environment or at all.
 */
import type { GetTempFileUrl } from '../../../server/cloudbase/files';

export const STORAGE_FILE_NONEXIST = -503003;

export interface FakeCloudStorage {
  getTempFileURL: GetTempFileUrl;
  /** A `wx.cloud.uploadFile` by anyone: storage rules do not keep writers to their folder. */
  put(fileId: string): void;
  remove(fileId: string): void;
  /** Every fileList asked for, in order. */
  readonly asked: { fileID: string; maxAge: number }[][];
}

export function fakeCloudStorage(): FakeCloudStorage {
  const stored = new Set<string>();
  const asked: { fileID: string; maxAge: number }[][] = [];
  return {
    asked,
    put: (fileId) => void stored.add(fileId),
    remove: (fileId) => void stored.delete(fileId),
    async getTempFileURL({ fileList }) {
      asked.push(fileList.map((file) => ({ ...file })));
      return {
        fileList: fileList.map(({ fileID, maxAge }) =>
          stored.has(fileID)
            ? { fileID, status: 0, errMsg: 'ok', maxAge, tempFileURL: `https://tcb.example/${fileID.length}` }
            : {
                fileID,
                status: STORAGE_FILE_NONEXIST,
                errMsg: 'storage file not exists',
                maxAge,
                tempFileURL: '',
              },
        ),
      };
    },
  };
}
