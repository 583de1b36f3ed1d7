/**
 * Limits a single filer cannot exceed, so one account cannot flood the store. A filer with more
 * drafts than anyone files in practice is refused in plain words; drafts already there stay.
 */
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';
import { listKey } from '../store/keys';

/** Open drafts per filer. Real filers hold a handful (one per mini-program being filed). */
export const MAX_OPEN_DRAFTS = 20;

/**
 * Subscription credits kept per filer and template. WeChat documents no ceiling (each accepted
 * tap is one send), but the count is only as true as the client that reports it: an application
 * announces 4–5 state changes, so more than 50 waiting credits is never a real filer's.
 */
export const MAX_CREDITS_PER_TEMPLATE = 50;

const PAGE = 50;

/** Refuses a new draft when the filer already holds MAX_OPEN_DRAFTS of them. */
export async function requireDraftRoom(deps: ServerDeps, owner: string): Promise<void> {
  let drafts = 0;
  let after: string | null = null;
  for (;;) {
    const page = await deps.store.listByOwner(owner, after, PAGE);
    drafts += page.filter((application) => application.state === 'draft').length;
    if (drafts >= MAX_OPEN_DRAFTS) {
      throw refuse.invalidState(
        `你已有 ${MAX_OPEN_DRAFTS} 份未提交的草稿：请先完成并提交其中的申请，再新建。`,
      );
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return;
    after = listKey(last);
  }
}
