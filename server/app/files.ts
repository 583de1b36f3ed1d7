/**
 * Which stored files a filer may reference and read. Filers upload with `wx.cloud.uploadFile` to
 * `filings/<openid>/<name>` (the local cloud issues ids of the same shape), so a file id names the
 * folder it was written to: `cloud://<env>.<bucket>/filings/<openid>/<name>`. The path alone proves
 * nothing on the real cloud (anyone may write under any folder), so a form may hold a file only
 * when its path is the filer's and storage's own record says they uploaded it and it still exists
 * (the Files port; database/README.md § Files in storage). `media.url` signs only the filer's
 * paths; admins get URLs for every file of an application they open.
 */
import type { FilingForm, Issue } from '@beian/core';
import { refuse } from '../errors';
import type { FileVerdict, Files } from '../ports';
import { fileLeaves } from '../schemas/form';

const FILE_ID = /^cloud:\/\/(?:[^/\s]+\/)?filings\/([A-Za-z0-9_-]{1,64})\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Enough issues to show; a form with more bad files has one cause (e.g. another environment). */
const MAX_ISSUES = 20;

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
    .slice(0, MAX_ISSUES)
    .map((leaf) => ({
      path: leaf.path,
      code: 'file.not_own',
      message: '文件无效：请在小程序中重新上传。',
    }));
}

/** What a filer is told at a field whose file storage does not vouch for. */
export function fileIssue(path: string, verdict: Exclude<FileVerdict, 'own'>): Issue {
  return verdict === 'missing'
    ? { path, code: 'file.missing', message: '找不到这个文件（未上传完成或已被删除），请重新上传。' }
    : { path, code: 'file.not_own', message: '这个文件不是你上传的，请重新上传。' };
}

/**
 * One issue per file of the form that is not the filer's own upload: by its path first (no
 * storage call), then by storage's record. `trusted` files are skipped: those a saved form already
 * held, which passed this check when they came in.
 */
export async function unownedFiles(
  files: Files,
  form: FilingForm,
  openid: string,
  trusted: ReadonlySet<string> = new Set(),
): Promise<Issue[]> {
  const foreign = foreignFiles(form, openid);
  if (foreign.length > 0) return foreign;
  const leaves = fileLeaves(form).filter((leaf) => !trusted.has(leaf.fileId));
  if (leaves.length === 0) return [];
  const verdicts = await files.verify(openid, [...new Set(leaves.map((leaf) => leaf.fileId))]);
  return leaves
    .flatMap((leaf) => {
      // An id the adapter did not answer for is not vouched for either.
      const verdict = verdicts[leaf.fileId] ?? 'missing';
      return verdict === 'own' ? [] : [fileIssue(leaf.path, verdict)];
    })
    .slice(0, MAX_ISSUES);
}

/** Refuses a submission whose form holds a file the filer cannot show they uploaded. */
export async function requireOwnFiles(files: Files, form: FilingForm, openid: string): Promise<void> {
  const issues = await unownedFiles(files, form, openid);
  if (issues.length > 0) {
    throw refuse.validation(`有 ${issues.length} 个文件需要重新上传，请按提示修改后再提交。`, issues);
  }
}

/** Every file id of a form, once each (for the admin review page). */
export function formFileIds(form: FilingForm): string[] {
  return [...new Set(fileLeaves(form).map((leaf) => leaf.fileId))];
}
