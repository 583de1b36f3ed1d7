/**
 * Reads across applications on sqlite: the reviewers' queue (with its name search), the counts,
 * the scheduler's sweeps, WeChat's poll and the stage durations of the stats. Each is a range on
 * an indexed column (server/sqlite/schema.ts).
 */
import type Database from 'better-sqlite3';
import { FILING_STATES, REVIEW_STAGES, type Application, type StateCounts } from '@beian/core';
import type { Queues } from '../store/types';
import { docs, type Row } from './rows';
import { searchMatch } from './search';

/**
 * A search with fewer index hits than this is answered from the hits; with more, by walking the
 * queue order, where matches are dense enough to fill a page quickly.
 */
const SEARCH_PROBE = 500;

export function sqliteQueues(db: Database.Database): Queues {
  /** Whether a search matches few enough applications to look them up rather than scan for them. */
  const fewMatches = (match: string): boolean =>
    db
      .prepare(`SELECT rowid FROM application_search WHERE application_search MATCH ? LIMIT ${SEARCH_PROBE}`)
      .all(match).length < SEARCH_PROBE;

  const queuePage = (from: string, first: string[], where: string[], args: unknown[], limit: number) => {
    const conditions = [...first, ...where].join(' AND ');
    const rows = db
      .prepare(`SELECT a.doc FROM ${from} WHERE ${conditions} ORDER BY a.queue_key LIMIT ?`)
      .all(...args, limit) as Row[];
    return docs<Application>(rows);
  };

  return {
    async queue(filter, limit) {
      const where: string[] = [`a.state IN (${filter.states.map(() => '?').join(', ')})`, 'a.queue_key > ?'];
      const args: unknown[] = [...filter.states, filter.after ?? ''];
      if (filter.overdueOnly) where.push('a.overdue = 1');
      if (filter.channel) {
        where.push('a.channel = ?');
        args.push(filter.channel);
      }
      if (!filter.query) return queuePage('applications a', [], where, args, limit);
      where.push(`(a.subject_name LIKE ? ESCAPE '\\' OR a.miniprogram_name LIKE ? ESCAPE '\\')`);
      const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      args.push(pattern, pattern);
      const match = searchMatch(filter.query);
      if (match && fewMatches(match)) {
        // Few candidates: find them through the search index, then order just those. CROSS JOIN
        // keeps sqlite from scanning the queue order and probing the index for every row.
        const from = 'application_search s CROSS JOIN applications a ON a.rowid = s.rowid';
        return queuePage(from, ['application_search MATCH ?'], where, [match, ...args], limit);
      }
      // Many candidates (a common word): walking the queue order fills a page almost at once.
      return queuePage('applications a', [], where, args, limit);
    },

    async countByState() {
      const counts = Object.fromEntries(FILING_STATES.map((s) => [s, 0])) as StateCounts;
      // Kept by triggers (migration 2): reading them costs the same at any size.
      const rows = db.prepare('SELECT state, n FROM state_counts').all() as Row[];
      for (const row of rows) {
        const state = row.state as keyof StateCounts;
        if (state in counts) counts[state] = Number(row.n);
      }
      return counts;
    },

    async countOverdue() {
      const placeholders = REVIEW_STAGES.map(() => '?').join(', ');
      const row = db
        .prepare(`SELECT count(*) AS n FROM applications WHERE state IN (${placeholders}) AND overdue = 1`)
        .get(...REVIEW_STAGES) as Row;
      return Number(row.n);
    },

    async expiredSmsWindows(now, limit) {
      const rows = db
        .prepare(
          `SELECT doc FROM applications WHERE state = 'sms_verification' AND due_at <= ? ORDER BY due_at LIMIT ?`,
        )
        .all(now, limit) as Row[];
      return docs<Application>(rows);
    },

    async unflaggedOverdueReviews(now, limit) {
      const found: Application[] = [];
      for (const state of REVIEW_STAGES) {
        const rows = db
          .prepare(
            `SELECT doc FROM applications WHERE state = ? AND overdue = 0 AND due_at < ? ORDER BY due_at LIMIT ?`,
          )
          .all(state, now, limit - found.length) as Row[];
        found.push(...docs<Application>(rows));
        if (found.length >= limit) break;
      }
      return found;
    },

    async followed(limit) {
      const rows = db
        .prepare(`SELECT doc FROM applications WHERE follow_key IS NOT NULL ORDER BY follow_key LIMIT ?`)
        .all(limit) as Row[];
      return docs<Application>(rows);
    },

    async followedByAppid(appid) {
      const rows = db
        .prepare(`SELECT doc FROM applications WHERE follow_appid = ? ORDER BY follow_key LIMIT 10`)
        .all(appid) as Row[];
      return docs<Application>(rows);
    },

    async recentStageHours(stage, limit) {
      const rows = db
        .prepare('SELECT hours FROM stage_exits WHERE stage = ? ORDER BY seq DESC LIMIT ?')
        .all(stage, limit) as Row[];
      return rows.map((row) => Number(row.hours));
    },
  };
}
