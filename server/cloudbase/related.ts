/**
 * The cross-record lookups on the cloud database (server/app/cross-record.ts): filed and open
 * applications by subject, principal mobile or AppID, each a plain equality on one indexed field
 * (database/collections.json), and the key revisions a submit's transaction checks and bumps.
 * A key's document id is a hash: the keys hold certificate numbers and mobiles.
 */
import { createHash } from 'node:crypto';
import { HOLDING_STATES, type Application } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { guardKeys, indexFields } from '../store/keys';
import type { KeyGuard, RelatedFound, RelatedLookup } from '../store/types';
import type { CloudDatabase, Doc, Query, Transaction } from './db';

export function guardId(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function relatedIn(
  db: CloudDatabase,
  readAll: (query: Query, limit: number) => Promise<Doc[]>,
  lookup: RelatedLookup,
  limit: number,
): Promise<RelatedFound> {
  // Revisions first: a submit that lands after this read moves one on, and the commit sees it.
  const guards = await Promise.all(
    guardKeys(lookup).map(async (key) => {
      const { data } = await db.collection(COLLECTIONS.filingKeys).doc(guardId(key)).get();
      return { key, rev: data ? Number(data.rev) : 0 };
    }),
  );
  const state = db.command.in([...HOLDING_STATES]);
  const conditions: Record<string, string>[] = [];
  if (lookup.subjectKey !== '') conditions.push({ subjectKey: lookup.subjectKey });
  if (lookup.appid !== '') conditions.push({ appid: lookup.appid });
  for (const mobile of lookup.mobiles) {
    conditions.push({ principalMobile: mobile }, { miniprogramMobile: mobile });
  }
  const found = await Promise.all(
    conditions.map((condition) =>
      readAll(db.collection(COLLECTIONS.applications).where({ ...condition, state }), limit),
    ),
  );
  const byId = new Map(found.flat().map((doc) => [doc._id, doc.app as Application]));
  return { applications: [...byId.values()], guards };
}

/** Inside the commit's transaction: false when a key moved on; otherwise bumps every key. */
export async function bumpGuards(tx: Transaction, guards: readonly KeyGuard[]): Promise<boolean> {
  const refs = guards.map((guard) => tx.collection(COLLECTIONS.filingKeys).doc(guardId(guard.key)));
  const revs: number[] = [];
  for (const [index, ref] of refs.entries()) {
    const { data } = await ref.get();
    const rev = data ? Number(data.rev) : 0;
    if (rev !== guards[index]?.rev) return false;
    revs.push(rev);
  }
  for (const [index, ref] of refs.entries()) await ref.set({ data: { rev: (revs[index] ?? 0) + 1 } });
  return true;
}

/** Documents rewritten per `setup.run` at most: one call stays well inside a function's timeout. */
export const BACKFILL_LIMIT = 1_000;

/**
 * Gives the applications written before the cross-record fields existed their `subjectKey`,
 * `appid` and mobiles, so the rules find them: each document only if its version is still the
 * one read (a concurrent write has written the fields itself). Answers how many it rewrote.
 */
export async function backfillRelatedKeys(db: CloudDatabase): Promise<number> {
  const applications = db.collection(COLLECTIONS.applications);
  let rewritten = 0;
  while (rewritten < BACKFILL_LIMIT) {
    const { data } = await applications
      .where({ subjectKey: db.command.exists(false) })
      .limit(100)
      .get();
    if (data.length === 0) break;
    let progressed = false;
    for (const doc of data) {
      const app = doc.app as Application;
      const { subjectKey, appid, principalMobile, miniprogramMobile } = indexFields(app);
      const { stats } = await applications
        .where({ _id: doc._id, version: app.version })
        .update({ data: { subjectKey, appid, principalMobile, miniprogramMobile } });
      rewritten += stats.updated;
      progressed ||= stats.updated > 0;
    }
    // Every document of the page moved on meanwhile: their writers wrote the fields.
    if (!progressed) break;
  }
  return rewritten;
}
