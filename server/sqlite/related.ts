/**
 * The cross-record lookups on sqlite (server/app/cross-record.ts): filed and open applications by
 * subject, principal mobile or AppID, each through its own partial index (migration 9), and the
 * key revisions a submit's commit checks and bumps inside its transaction.
 */
import type Database from 'better-sqlite3';
import { HOLDING_STATES, type Application } from '@beian/core';
import { guardKeys } from '../store/keys';
import type { KeyGuard, RelatedFound, RelatedLookup } from '../store/types';

type Row = Record<string, unknown>;

const HOLDING = HOLDING_STATES.map((state) => `'${state}'`).join(', ');

/**
 * One indexed equality per key; a mobile is looked up as either principal's. Each repeats its
 * index's `<> ''`: sqlite uses a partial index only when the query implies its WHERE, and a bound
 * parameter implies nothing.
 */
const by = (column: string) =>
  `SELECT id, doc FROM applications WHERE ${column} = ? AND ${column} <> '' AND state IN (${HOLDING}) LIMIT ?`;
export const RELATED_QUERIES = {
  subject: by('subject_key'),
  appid: by('appid'),
  principal: by('principal_mobile'),
  miniprogram: by('miniprogram_mobile'),
};

export function relatedWithin(db: Database.Database, lookup: RelatedLookup, limit: number): RelatedFound {
  // One read transaction: the revisions and the rows are of the same moment.
  return db.transaction(() => {
    const rev = db.prepare('SELECT rev FROM filing_keys WHERE key = ?');
    const guards = guardKeys(lookup).map((key) => ({
      key,
      rev: Number((rev.get(key) as Row | undefined)?.rev ?? 0),
    }));
    const rows: Row[] = [];
    const add = (sql: string, value: string) => {
      if (value !== '') rows.push(...(db.prepare(sql).all(value, limit) as Row[]));
    };
    add(RELATED_QUERIES.subject, lookup.subjectKey);
    add(RELATED_QUERIES.appid, lookup.appid);
    for (const mobile of lookup.mobiles) {
      add(RELATED_QUERIES.principal, mobile);
      add(RELATED_QUERIES.miniprogram, mobile);
    }
    const byId = new Map(rows.map((row) => [String(row.id), row.doc]));
    const applications = [...byId.values()].map((doc) => JSON.parse(String(doc)) as Application);
    return { applications, guards };
  })();
}

/** Inside the commit's transaction: false when a key moved on; otherwise bumps every key. */
export function bumpGuards(db: Database.Database, guards: readonly KeyGuard[]): boolean {
  const read = db.prepare('SELECT rev FROM filing_keys WHERE key = ?');
  for (const guard of guards) {
    const current = Number((read.get(guard.key) as Row | undefined)?.rev ?? 0);
    if (current !== guard.rev) return false;
  }
  const write = db.prepare(
    'INSERT INTO filing_keys (key, rev) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET rev = rev + 1',
  );
  for (const guard of guards) write.run(guard.key);
  return true;
}
