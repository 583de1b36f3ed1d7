/**
 * Paging shared by the filer's list and the reviewers' queue. Its own module, so the admin bundle
 * does not pull in the filer's read actions (and their schemas) to get it (docs/benchmarks.md
 * § Cold start).
 */
import { refuse } from '../errors';
import { decodeCursor } from '../store/keys';

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
