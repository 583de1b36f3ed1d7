/**
 * Which stored files a filer may reference and read. Filers upload with `wx.cloud.uploadFile` to
 * `filings/<openid>/<name>` (the local cloud issues ids of the same shape), so a file id names its
 * owner: `cloud://<env>.<bucket>/filings/<openid>/<name>`. Forms may only hold the filer's own files,
 * and `media.url` only signs those; admins get URLs for every file of an application they open.
 */
import type { FilingForm, Issue } from '@beian/core';
import { fileLeaves } from '../schemas/form';

const FILE_ID = /^cloud:\/\/(?:[^/\s]+\/)?filings\/([A-Za-z0-9_-]{1,64})\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The OPENID whose prefix a file id is under, or null for anything else. */
export function fileOwner(fileId: string): string | null {
  const match = FILE_ID.exec(fileId);
  return match?.[1] ?? null;
}

export function isOwnFile(fileId: string, openid: string): boolean {
  return fileOwner(fileId) === openid;
}

/** One issue per file in the form that is not under the filer's own prefix. */
export function foreignFiles(form: FilingForm, openid: string): Issue[] {
  return fileLeaves(form)
    .filter((leaf) => !isOwnFile(leaf.fileId, openid))
    .slice(0, 20)
    .map((leaf) => ({
      path: leaf.path,
      code: 'file.not_own',
      message: '文件无效：请在小程序中重新上传。',
    }));
}

/** Every file id of a form, once each (for the admin review page). */
export function formFileIds(form: FilingForm): string[] {
  return [...new Set(fileLeaves(form).map((leaf) => leaf.fileId))];
}
