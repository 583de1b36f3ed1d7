/**
 * The Store on better-sqlite3. Calls are synchronous underneath; the async surface is the port's.
 * A commit is one sqlite transaction (all or nothing) and every conditional write checks
 * `changes`, so two writers with the same version cannot both succeed — even across processes,
 * because WAL mode serialises writers on the file.
 */
import type Database from 'better-sqlite3';
import {
  FILING_STATES,
  REVIEW_STAGES,
  type Application,
  type AuditEvent,
  type DueStage,
  type StateCounts,
} from '@beian/core';
import type { RecognitionRecords } from '../store/recognitions';
import type { PlatformRecords } from '../wechat/records';
import type {
  Commit,
  CommitResult,
  QueueFilter,
  RecordNumberClaim,
  RelatedFound,
  RelatedLookup,
  Store,
  StoredRequest,
} from '../store/types';
import { insertDraftWithin } from './drafts';
import { SqliteReviewers } from './reviewers';
import { migrate } from './migrate';
import { SqlitePlatformRecords } from './platform';
import { SqliteRecognitions } from './recognitions';
import { bumpGuards, relatedWithin } from './related';
import { applicationRow, INSERT_APPLICATION, REPLACE_APPLICATION } from './rows';
import { searchMatch } from './search';

type Row = Record<string, unknown>;

class CommitFailure extends Error {
  constructor(readonly result: Exclude<CommitResult, { ok: true }>) {
    super(result.reason);
  }
}

/**
 * A search with fewer index hits than this is answered from the hits; with more, by walking the
 * queue order, where matches are dense enough to fill a page quickly.
 */
const SEARCH_PROBE = 500;

export class SqliteStore extends SqliteReviewers implements Store {
  private readonly created: string[];
  readonly platform: PlatformRecords;
  readonly recognitions: RecognitionRecords;

  constructor(db: Database.Database) {
    super(db);
    this.created = migrate(db);
    this.platform = new SqlitePlatformRecords(db);
    this.recognitions = new SqliteRecognitions(db);
  }

  async setup(): Promise<string[]> {
    // Migrations already ran on open; report what that open created (nothing on a second run).
    return this.created.splice(0);
  }

  async getApplication(id: string): Promise<Application | null> {
    const row = this.db.prepare('SELECT doc FROM applications WHERE id = ?').get(id) as Row | undefined;
    return row ? parse<Application>(row.doc) : null;
  }

  async insertApplication(application: Application): Promise<void> {
    this.db.prepare(INSERT_APPLICATION).run(applicationRow(application));
  }

  async insertDraft(application: Application, maxOpen: number): Promise<boolean> {
    return insertDraftWithin(this.db, application, maxOpen);
  }

  async commit(commit: Commit): Promise<CommitResult> {
    try {
      // IMMEDIATE: take the write lock at BEGIN, where busy_timeout can wait for another process.
      // A deferred transaction that must upgrade to writing fails at once (SQLITE_BUSY) instead.
      this.db.transaction(() => this.applyCommit(commit)).immediate();
      return { ok: true };
    } catch (error) {
      if (error instanceof CommitFailure) return error.result;
      if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
      throw error;
    }
  }

  private applyCommit(commit: Commit): void {
    this.replaceApplication(commit.application, commit.expectedVersion);
    if (commit.base) this.replaceApplication(commit.base.application, commit.base.expectedVersion);
    if (commit.lock) this.applyLock(commit.lock);
    if (commit.recordNumber) this.claimRecordNumber(commit.recordNumber);
    if (!bumpGuards(this.db, commit.guards))
      throw new CommitFailure({ ok: false, reason: 'related_changed' });
    if (commit.request) {
      const r = commit.request;
      this.db
        .prepare(
          'INSERT INTO requests (key, owner, application_id, fingerprint, answer, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(r.key, r.owner, r.applicationId, r.fingerprint, r.answer, r.at);
    }
    if (commit.audit) {
      this.db
        .prepare('INSERT INTO audit (application_id, at, doc) VALUES (?, ?, ?)')
        .run(commit.audit.applicationId, commit.audit.at, JSON.stringify(commit.audit));
    }
    for (const message of commit.outbox) this.insertMessage(message);
    if (commit.stageExit) {
      const e = commit.stageExit;
      this.db
        .prepare('INSERT INTO stage_exits (application_id, stage, left_at, hours) VALUES (?, ?, ?, ?)')
        .run(e.applicationId, e.stage, e.leftAt, e.hours);
    }
  }

  private replaceApplication(application: Application, expectedVersion: number): void {
    const { changes } = this.db
      .prepare(REPLACE_APPLICATION)
      .run({ ...applicationRow(application), expected_version: expectedVersion });
    if (changes !== 1) throw new CommitFailure({ ok: false, reason: 'conflict' });
  }

  private applyLock(lock: NonNullable<Commit['lock']>): void {
    if (lock.action === 'release') {
      this.db
        .prepare('DELETE FROM base_locks WHERE base_id = ? AND holder = ?')
        .run(lock.baseId, lock.holder);
      return;
    }
    const held = this.db.prepare('SELECT holder FROM base_locks WHERE base_id = ?').get(lock.baseId) as
      Row | undefined;
    if (held && held.holder !== lock.holder) {
      throw new CommitFailure({ ok: false, reason: 'base_busy', holder: String(held.holder) });
    }
    if (!held) {
      this.db.prepare('INSERT INTO base_locks (base_id, holder) VALUES (?, ?)').run(lock.baseId, lock.holder);
    }
  }

  private claimRecordNumber(claim: RecordNumberClaim): void {
    const held = this.db.prepare('SELECT holder FROM record_numbers WHERE number = ?').get(claim.number) as
      Row | undefined;
    if (held && held.holder !== claim.holder) {
      throw new CommitFailure({ ok: false, reason: 'record_number_taken', holder: String(held.holder) });
    }
    if (!held)
      this.db
        .prepare('INSERT INTO record_numbers (number, holder) VALUES (?, ?)')
        .run(claim.number, claim.holder);
  }

  async listByOwner(owner: string, after: string | null, limit: number): Promise<Application[]> {
    const rows = this.db
      .prepare(`SELECT doc FROM applications WHERE owner = ? AND list_key < ? ORDER BY list_key DESC LIMIT ?`)
      .all(owner, after ?? '\uffff', limit) as Row[];
    return rows.map((row) => parse<Application>(row.doc));
  }

  async queue(filter: QueueFilter, limit: number): Promise<Application[]> {
    const where: string[] = [`a.state IN (${filter.states.map(() => '?').join(', ')})`, 'a.queue_key > ?'];
    const args: unknown[] = [...filter.states, filter.after ?? ''];
    if (filter.overdueOnly) where.push('a.overdue = 1');
    if (filter.channel) {
      where.push('a.channel = ?');
      args.push(filter.channel);
    }
    if (!filter.query) return this.queuePage('applications a', [], where, args, limit);
    where.push(`(a.subject_name LIKE ? ESCAPE '\\' OR a.miniprogram_name LIKE ? ESCAPE '\\')`);
    const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(pattern, pattern);
    const match = searchMatch(filter.query);
    if (match && this.fewMatches(match)) {
      // Few candidates: find them through the search index, then order just those. CROSS JOIN
      // keeps sqlite from scanning the queue order and probing the index for every row.
      const from = 'application_search s CROSS JOIN applications a ON a.rowid = s.rowid';
      return this.queuePage(from, ['application_search MATCH ?'], where, [match, ...args], limit);
    }
    // Many candidates (a common word): walking the queue order fills a page almost at once.
    return this.queuePage('applications a', [], where, args, limit);
  }

  /** Whether a search matches few enough applications to look them up rather than scan for them. */
  private fewMatches(match: string): boolean {
    const rows = this.db
      .prepare(`SELECT rowid FROM application_search WHERE application_search MATCH ? LIMIT ${SEARCH_PROBE}`)
      .all(match);
    return rows.length < SEARCH_PROBE;
  }

  private queuePage(
    from: string,
    first: string[],
    where: string[],
    args: unknown[],
    limit: number,
  ): Application[] {
    const conditions = [...first, ...where].join(' AND ');
    const rows = this.db
      .prepare(`SELECT a.doc FROM ${from} WHERE ${conditions} ORDER BY a.queue_key LIMIT ?`)
      .all(...args, limit) as Row[];
    return rows.map((row) => parse<Application>(row.doc));
  }

  async countByState(): Promise<StateCounts> {
    const counts = Object.fromEntries(FILING_STATES.map((s) => [s, 0])) as StateCounts;
    // Kept by triggers (migration 2): reading them costs the same at any size.
    const rows = this.db.prepare('SELECT state, n FROM state_counts').all() as Row[];
    for (const row of rows) {
      const state = row.state as keyof StateCounts;
      if (state in counts) counts[state] = Number(row.n);
    }
    return counts;
  }

  async countOverdue(): Promise<number> {
    const placeholders = REVIEW_STAGES.map(() => '?').join(', ');
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM applications WHERE state IN (${placeholders}) AND overdue = 1`)
      .get(...REVIEW_STAGES) as Row;
    return Number(row.n);
  }

  async expiredSmsWindows(now: string, limit: number): Promise<Application[]> {
    const rows = this.db
      .prepare(
        `SELECT doc FROM applications WHERE state = 'sms_verification' AND due_at <= ? ORDER BY due_at LIMIT ?`,
      )
      .all(now, limit) as Row[];
    return rows.map((row) => parse<Application>(row.doc));
  }

  async unflaggedOverdueReviews(now: string, limit: number): Promise<Application[]> {
    const found: Application[] = [];
    for (const state of REVIEW_STAGES) {
      const rows = this.db
        .prepare(
          `SELECT doc FROM applications WHERE state = ? AND overdue = 0 AND due_at < ? ORDER BY due_at LIMIT ?`,
        )
        .all(state, now, limit - found.length) as Row[];
      found.push(...rows.map((row) => parse<Application>(row.doc)));
      if (found.length >= limit) break;
    }
    return found;
  }

  async followed(limit: number): Promise<Application[]> {
    const rows = this.db
      .prepare(`SELECT doc FROM applications WHERE follow_key IS NOT NULL ORDER BY follow_key LIMIT ?`)
      .all(limit) as Row[];
    return rows.map((row) => parse<Application>(row.doc));
  }

  async followedByAppid(appid: string): Promise<Application[]> {
    const rows = this.db
      .prepare(`SELECT doc FROM applications WHERE follow_appid = ? ORDER BY follow_key LIMIT 10`)
      .all(appid) as Row[];
    return rows.map((row) => parse<Application>(row.doc));
  }

  async relatedFilings(lookup: RelatedLookup, limit: number): Promise<RelatedFound> {
    return relatedWithin(this.db, lookup, limit);
  }

  async lockHolder(baseId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT holder FROM base_locks WHERE base_id = ?').get(baseId) as
      Row | undefined;
    return row ? String(row.holder) : null;
  }

  async auditOf(applicationId: string): Promise<AuditEvent[]> {
    const rows = this.db
      .prepare('SELECT doc FROM audit WHERE application_id = ? ORDER BY seq')
      .all(applicationId) as Row[];
    return rows.map((row) => parse<AuditEvent>(row.doc));
  }

  async recentStageHours(stage: DueStage, limit: number): Promise<number[]> {
    const rows = this.db
      .prepare('SELECT hours FROM stage_exits WHERE stage = ? ORDER BY seq DESC LIMIT ?')
      .all(stage, limit) as Row[];
    return rows.map((row) => Number(row.hours));
  }

  async getRequest(key: string): Promise<StoredRequest | null> {
    const row = this.db
      .prepare('SELECT key, owner, application_id, fingerprint, answer, at FROM requests WHERE key = ?')
      .get(key) as Row | undefined;
    if (!row) return null;
    return {
      key: String(row.key),
      owner: String(row.owner),
      applicationId: String(row.application_id),
      fingerprint: String(row.fingerprint),
      answer: String(row.answer),
      at: String(row.at),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function parse<T>(doc: unknown): T {
  return JSON.parse(String(doc)) as T;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
