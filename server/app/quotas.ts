/**
 * Limits a single filer cannot exceed, so one account cannot flood the store. A filer with more
 * drafts than anyone files in practice is refused in plain words; drafts already there stay.
 */
import { refuse, type Refusal } from '../errors';

/** Open drafts per filer. Real filers hold a handful (one per mini-program being filed). */
export const MAX_OPEN_DRAFTS = 20;

/**
 * Subscription credits kept per filer and template. WeChat documents no ceiling (each accepted
 * tap is one send), but the count is only as true as the client that reports it: an application
 * announces 4–5 state changes, so more than 50 waiting credits is never a real filer's.
 */
export const MAX_CREDITS_PER_TEMPLATE = 50;

/**
 * The refusal of a draft beyond MAX_OPEN_DRAFTS. The stores decide (Store.insertDraft, atomically
 * with the insert); this is what the filer reads.
 */
export function draftCapRefusal(): Refusal {
  return refuse.invalidState(`你已有 ${MAX_OPEN_DRAFTS} 份未提交的草稿：请先完成并提交其中的申请，再新建。`);
}
