/**
 * Reading more than one page on the cloud database: a cloud function gets 100 records per read
 * (PAGE_LIMIT), so every aggregate that lists documents reads through these.
 */
import { PAGE_LIMIT, type Doc, type Query } from './db';

/** Reads up to `limit` records of a query, 100 at a time (the cloud function read limit). */
export async function readAll(query: Query, limit: number): Promise<Doc[]> {
  const found: Doc[] = [];
  while (found.length < limit) {
    const pageSize = Math.min(PAGE_LIMIT, limit - found.length);
    const { data } = await query.skip(found.length).limit(pageSize).get();
    found.push(...data);
    if (data.length < pageSize) break;
  }
  return found;
}

/**
 * Reads up to `limit` records ordered by a unique key, 100 at a time, each read a range after
 * the last key seen (`query(after)`), so the database walks its index instead of skipping.
 */
export async function readByKey(
  query: (after: string | null) => Query,
  after: string | null,
  key: string,
  limit: number,
): Promise<Doc[]> {
  const found: Doc[] = [];
  let last = after;
  while (found.length < limit) {
    const pageSize = Math.min(PAGE_LIMIT, limit - found.length);
    const { data } = await query(last).limit(pageSize).get();
    found.push(...data);
    const tail = data[data.length - 1];
    if (data.length < pageSize || !tail) break;
    last = String(tail[key]);
  }
  return found;
}
