/**
 * `filing.submit` is idempotent by `requestId`: the first answer is stored in the same commit as
 * the submission and replayed to every retry, byte for byte; the same key with another application
 * is a BAD_REQUEST. Keys are per filer (hashed with the OPENID), so filers cannot collide.
 */
import { createHash } from 'node:crypto';
import type { StoredRequest } from '../store/types';
import { refuse } from '../errors';

export function requestKey(owner: string, requestId: string): string {
  return createHash('sha256').update(`${owner}\n${requestId}`).digest('hex').slice(0, 40);
}

/**
 * What a request asks for: its action and its params (without the requestId), hashed. A retry
 * sends the same; a new intent after an edit (a new version) differs, so an old id cannot
 * replay a stale answer.
 */
export function requestFingerprint(action: string, params: Record<string, unknown>): string {
  const asked = Object.keys(params)
    .filter((key) => key !== 'requestId')
    .sort()
    .map((key) => [key, params[key]]);
  return createHash('sha256')
    .update(JSON.stringify([action, asked]))
    .digest('hex')
    .slice(0, 40);
}

/** The stored answer for a retry of the same call, or a refusal when the key was used elsewhere. */
export function replay<T>(stored: StoredRequest, applicationId: string, fingerprint: string): T {
  if (stored.applicationId !== applicationId) {
    throw refuse.badRequest('这个 requestId 已用于另一条申请：每次提交请使用新的 requestId。', [
      { path: 'requestId', code: 'request_id.reused', message: 'requestId 已用于另一条申请。' },
    ]);
  }
  if (stored.fingerprint !== fingerprint) {
    throw refuse.badRequest('请求编号已用于另一操作', [
      {
        path: 'requestId',
        code: 'request_id.reused',
        message: '请求编号已用于另一操作，请使用新的 requestId。',
      },
    ]);
  }
  return JSON.parse(stored.answer) as T;
}
