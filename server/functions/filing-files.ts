/**
 * A filer's uploads: each one is registered right after `wx.cloud.uploadFile`, so storage's own
 * record, not the path, says whose it is (server/app/files.ts). Registering again is harmless.
 */
import { fileIssue, isOwnFile } from '../app/files';
import { refuse } from '../errors';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';

export const registerFile: FilingAction<'file.register'> = {
  params: filingParams['file.register'],
  async run({ fileId, field }, { who, deps }) {
    const path = field ?? 'fileId';
    // Under another folder it could be another filer's upload: refused before storage is asked.
    const verdict = isOwnFile(fileId, who.openid) ? await deps.files.register(who.openid, fileId) : 'foreign';
    if (verdict !== 'own') {
      const issue = fileIssue(path, verdict);
      throw refuse.validation(issue.message, [issue]);
    }
    return { fileId };
  },
};
