/**
 * The first answers of idempotent calls on the cloud database, one document per key. The commit
 * that made the answer claims the key inside its transaction (`claimRequest`); a key already
 * taken makes that commit a conflict.
 */
import { COLLECTIONS } from '../store/collections';
import type { Requests, StoredRequest } from '../store/types';
import type { CloudDatabase, Transaction } from './db';

/** Writes the answer under its key; false (nothing written) when the key is taken. */
export async function claimRequest(tx: Transaction, request: StoredRequest): Promise<boolean> {
  const ref = tx.collection(COLLECTIONS.requests).doc(request.key);
  const { data } = await ref.get();
  if (data) return false;
  const { key: _key, ...fields } = request;
  await ref.set({ data: { ...fields } });
  return true;
}

export function cloudbaseRequests(db: CloudDatabase): Requests {
  return {
    async getRequest(key) {
      const { data } = await db.collection(COLLECTIONS.requests).doc(key).get();
      if (!data) return null;
      return {
        key: data._id,
        owner: String(data.owner),
        applicationId: String(data.applicationId),
        fingerprint: String(data.fingerprint ?? ''),
        answer: String(data.answer),
        at: String(data.at),
      };
    },
  };
}
