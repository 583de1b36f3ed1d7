/**
 * The cloud database's search key: each application document carries `searchTokens`, the unigrams
 * and bigrams of its two names (server/store/search-tokens.ts), in an array field with an index
 * (database/collections.json), so a search is an index lookup (`_.all(tokens)`), not a regex over
 * every document. Every write derives the tokens (applications.ts `applicationDoc`); documents written
 * before they existed get them from `setup.run` (database/README.md § Search).
 */
import type { Application } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { searchTokens } from '../store/search-tokens';
import { PAGE_LIMIT, type CloudDatabase } from './db';

export function searchTokensOf(application: Application): string[] {
  return searchTokens(application.form.subject.name, application.form.miniprogram.name);
}

/** What setup names when it gave documents their tokens (it names what it created). */
export const SEARCH_BACKFILL = 'applications.searchTokens';

/** Rounds of 100 one setup run backfills at most: a cloud function has a time limit. */
const BACKFILL_ROUNDS = 50;

/**
 * Gives every application without `searchTokens` its tokens, 100 at a time; answers how many.
 * Each update is conditional on the version read, so it never undoes a concurrent write (which
 * writes the tokens itself); a document skipped that way is fine for the same reason.
 */
export async function backfillSearchTokens(db: CloudDatabase): Promise<number> {
  const applications = db.collection(COLLECTIONS.applications);
  let filled = 0;
  for (let round = 0; round < BACKFILL_ROUNDS; round += 1) {
    const { data } = await applications
      .where({ searchTokens: db.command.exists(false) })
      .limit(PAGE_LIMIT)
      .get();
    let updated = 0;
    for (const doc of data) {
      const application = doc.app as Application;
      const { stats } = await applications
        .where({ _id: doc._id, version: application.version })
        .update({ data: { searchTokens: db.command.set(searchTokensOf(application)) } });
      updated += stats.updated;
    }
    filled += updated;
    if (data.length < PAGE_LIMIT || updated === 0) break;
  }
  return filled;
}
