/**
 * The reviewers' calls (the `admin` function), through the one gateway `services/cloud.ts`. It
 * lives in the admin subpackage so the main package carries nothing only reviewers use. Every move sends the version the reviewer saw: if the application changed meanwhile, the
 * server answers CONFLICT and the page reloads instead of acting on what is no longer there.
 */
import type { Application, DataOf, Envelope, FilingState, Reason } from '@beian/core';
import { call } from '../../services/cloud';
import { refreshTables } from '../../services/tables';

export type QueuePage = DataOf<'admin', 'queue.list'>;
export type ReviewDetail = DataOf<'admin', 'filing.get'>;

type Seen = Pick<Application, 'id' | 'version'>;
type Moved = Promise<Envelope<{ filing: Application }>>;

export const QUEUE_PAGE_SIZE = 20;

export interface QueueQuery {
  state: FilingState;
  query: string;
  cursor: string | null;
}

export function listQueue({ state, query, cursor }: QueueQuery): Promise<Envelope<QueuePage>> {
  const text = query.trim();
  return call('admin', 'queue.list', {
    state,
    limit: QUEUE_PAGE_SIZE,
    ...(text ? { query: text } : {}),
    ...(cursor ? { cursor } : {}),
  });
}

/** The application, once WeChat's current tables are here too: the page names its ids with them. */
export async function getForReview(id: string): Promise<Envelope<ReviewDetail>> {
  const [answer] = await Promise.all([call('admin', 'filing.get', { id }), refreshTables()]);
  return answer;
}

export function approveReview(seen: Seen): Moved {
  return call('admin', 'review.approve', { id: seen.id, version: seen.version });
}

/** Through WeChat: the sending step again now, after a failure (WeChat's answer is on the page). */
export function retrySend(seen: Seen): Moved {
  return call('admin', 'wechat.retry', { id: seen.id, version: seen.version });
}

export function rejectReview(seen: Seen, reasons: Reason[]): Moved {
  return call('admin', 'review.reject', { id: seen.id, version: seen.version, reasons });
}

export function recordSms(seen: Seen): Moved {
  return call('admin', 'sms.record', { id: seen.id, version: seen.version });
}

export function approveAtAuthority(seen: Seen, recordNumber: string): Moved {
  return call('admin', 'authority.approve', { id: seen.id, version: seen.version, recordNumber });
}

export function rejectAtAuthority(seen: Seen, reasons: Reason[]): Moved {
  return call('admin', 'authority.reject', { id: seen.id, version: seen.version, reasons });
}
