/**
 * Paging shared by the filer's list and the reviewers' queue. Its own module, so the admin bundle
 * does not pull in the filer's read actions (and their schemas) to get it (docs/benchmarks.md
 * § Cold start).
 */
import { refuse } from '../errors';
import { decodeCursor, encodeCursor } from '../store/keys';

export const DEFAULT_PAGE = 20;

export function afterKey(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const key = decodeCursor(cursor);
  if (key === null) {
    throw refuse.badRequest('分页参数已失效，请刷新列表。', [
      { path: 'cursor', code: 'cursor.invalid', message: '请使用上一页返回的 nextCursor。' },
    ]);
  }
  return key;
}

/**
 * One page of `found`, which the store read with one row more than `limit`: that extra row, when
 * it is there, says another page follows, and the cursor points after the page's last row.
 */
export function pageOf<T, Item>(
  found: readonly T[],
  limit: number,
  itemOf: (row: T) => Item,
  keyOf: (row: T) => string,
): { items: Item[]; nextCursor: string | null } {
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(itemOf),
    nextCursor: found.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
