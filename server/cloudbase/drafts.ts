/**
 * A new draft within its owner's cap, on the cloud database.
 *
 * The cloud database cannot count inside a transaction (a transaction takes single-document
 * operations only), so the count and the insert cannot be one step as on sqlite. Instead the
 * draft is inserted first, then counted with the others, and taken back out (deleted) if the count
 * is past the cap. A count made after one's own insert sees every draft inserted before it, so of
 * any drafts kept, the last to count saw them all: at most the cap can stay, however the calls
 * interleave.
 *
 * Taking back on any count past the cap would also refuse every draft of a burst (each sees all
 * the others and every one leaves). So a draft ranked past the cap by id (time first, see
 * app/ids.ts) leaves at once, and one ranked within it waits briefly for those to leave and counts
 * again. It stays only on a count within the cap, which is what keeps the cap exact.
 */
import type { Application } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import type { CloudDatabase } from './db';

/** Recounts a draft ranked within the cap makes while the drafts past it leave. */
const SETTLE_ROUNDS = 5;
/** Long enough for a racing call to count and remove its draft (a few database round trips). */
const SETTLE_MS = 100;

export async function insertDraftWithin(
  db: CloudDatabase,
  insert: () => Promise<void>,
  application: Application,
  maxOpen: number,
): Promise<boolean> {
  await insert();
  const drafts = db.collection(COLLECTIONS.applications);
  const open = { owner: application.owner, state: 'draft' };
  for (let round = 0; round < SETTLE_ROUNDS; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { total } = await drafts.where(open).count();
    if (total <= maxOpen) return true;
    const { total: rank } = await drafts.where({ ...open, _id: db.command.lte(application.id) }).count();
    if (rank > maxOpen) break;
  }
  await drafts.doc(application.id).remove();
  return false;
}
