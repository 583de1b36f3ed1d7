/**
 * The reviewers' records on the cloud database: the admins list (`_id` = OPENID, with the mobile
 * each registered, which keeps them out of their own applications) and the openings of the
 * review page, one document each.
 */
import type { AdminRecord, Opening } from '@beian/core';
import { adminRecord } from '../store/admins';
import { COLLECTIONS } from '../store/collections';
import type { Reviewers } from '../store/types';
import type { CloudDatabase, Doc } from './db';
import { readAll } from './reads';

export function cloudbaseReviewers(db: CloudDatabase): Reviewers {
  return {
    async getAdmin(openid) {
      const { data } = await db.collection(COLLECTIONS.admins).doc(openid).get();
      return data ? toAdmin(data) : null;
    },

    async putAdmin(admin) {
      const ref = db.collection(COLLECTIONS.admins).doc(admin.openid);
      // A re-add without a mobile keeps the registered one: dropping it silently would let the
      // reviewer decide their own applications again.
      const mobile = admin.mobile === undefined ? {} : { mobile: admin.mobile };
      const { data } = await ref.get();
      if (data) {
        await ref.update({ data: { name: admin.name, ...mobile } });
        return;
      }
      await ref.set({ data: { openid: admin.openid, name: admin.name, addedAt: admin.addedAt, ...mobile } });
    },

    async removeAdmin(openid) {
      const { stats } = await db.collection(COLLECTIONS.admins).doc(openid).remove();
      return stats.removed === 1;
    },

    async listAdmins() {
      const query = db.collection(COLLECTIONS.admins).orderBy('addedAt', 'asc').orderBy('_id', 'asc');
      return (await readAll(query, 1_000)).map(toAdmin);
    },

    async recordOpening(opening) {
      await db.collection(COLLECTIONS.openings).add({ data: { ...opening } });
    },

    async openingsOf(applicationId) {
      // Two openings in the same millisecond keep no order between them; either order is true.
      const query = db.collection(COLLECTIONS.openings).where({ applicationId }).orderBy('at', 'asc');
      return (await readAll(query, 10_000)).map(
        ({ _id: _ignored, ...opening }) => opening as unknown as Opening,
      );
    },
  };
}

function toAdmin(doc: Doc): AdminRecord {
  return adminRecord(doc.openid, doc.name, doc.addedAt, doc.mobile);
}
