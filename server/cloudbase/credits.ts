/**
 * The subscription credits on the cloud database, one document per filer and template. A credit
 * is taken by one `where({ count > 0 }).update`, so two dispatchers cannot spend it twice.
 */
import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../store/collections';
import type { Credits } from '../store/types';
import type { CloudDatabase } from './db';
import { readAll } from './reads';

export function cloudbaseCredits(db: CloudDatabase): Credits {
  const _ = db.command;

  const addCredit = async (owner: string, templateId: string, max: number): Promise<void> => {
    const credits = db.collection(COLLECTIONS.credits);
    const _id = creditId(owner, templateId);
    // Two first-time adds may race: the loser's `add` fails on the taken _id and it increments.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { stats } = await credits.where({ _id, count: _.lt(max) }).update({ data: { count: _.inc(1) } });
      if (stats.updated === 1) return;
      const { data } = await credits.doc(_id).get();
      if (data && Number(data.count) >= max) return;
      if (data) continue;
      try {
        await credits.add({ data: { _id, owner, templateId, count: 1 } });
        return;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
  };

  return {
    async addCredits(owner, templateIds, max) {
      for (const templateId of templateIds) await addCredit(owner, templateId, max);
    },

    async takeCredit(owner, templateId) {
      const { stats } = await db
        .collection(COLLECTIONS.credits)
        .where({ _id: creditId(owner, templateId), count: _.gt(0) })
        .update({ data: { count: _.inc(-1) } });
      return stats.updated === 1;
    },

    returnCredit: addCredit,

    async clearCredit(owner, templateId) {
      await db
        .collection(COLLECTIONS.credits)
        .doc(creditId(owner, templateId))
        .update({ data: { count: 0 } });
    },

    async creditsOf(owner) {
      const docs = await readAll(db.collection(COLLECTIONS.credits).where({ owner }), 1_000);
      const entries = docs.map((doc) => [String(doc.templateId), Number(doc.count)] as const);
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}

/** A credit document per filer and template, under an id that needs no escaping. */
function creditId(owner: string, templateId: string): string {
  return createHash('sha256').update(`${owner}\n${templateId}`).digest('hex').slice(0, 40);
}
