/**
 * A database of N applications, written straight into the sqlite store's own tables: the store
 * opens the file first (so its migrations create the exact schema, triggers included), then one
 * transaction inserts every row through one prepared statement, with the row built by the
 * store's own `applicationRow` (index and search columns included). 100,000 applications take seconds this way.
 *
 * The data is built so that what each query returns is the same at every size — only the amount of
 * data around it grows:
 * - one filer (HEAVY_FILER) owns HEAVY_COUNT applications at every size; everyone else owns 20;
 * - exactly DUE applications sit in `sms_verification` with their window closed;
 * - one application (SEARCH_TARGET) carries a name no other has, for a search that matches once.
 */
import Database from 'better-sqlite3';
import type { Application, FilingForm, FilingState } from '@beian/core';
import { openSqliteStore } from '../../server/sqlite';
import { applicationRow, INSERT_APPLICATION, type ApplicationRow } from '../../server/sqlite/rows';
import { personalForm } from '../fixtures';

export const NOW = new Date('2026-11-10T02:00:00.000Z');
export const HEAVY_FILER = 'o-heavy-filer';
/** Every HEAVY_STRIDE-th of the first HEAVY_STRIDE × HEAVY_COUNT applications is the heavy filer's. */
const HEAVY_STRIDE = 4;
export const HEAVY_COUNT = 200;
const PER_OWNER = 20;
/** The scheduler's batch (SWEEP_LIMIT): one sweep finds exactly this many closed SMS windows. */
export const DUE = 100;
export const SEARCH_TARGET = { index: 437, miniprogramName: '星河测绘助手' };
/** A word in about half of the subject names: a search whose first page fills at once. */
export const COMMON_WORD = '科技';

/** Mostly filed records, a steady stream in review, a few of everything else. */
const MIX: readonly [FilingState, number][] = [
  ['filed', 0.6],
  ['platform_review', 0.1],
  ['authority_review', 0.1],
  ['draft', 0.08],
  ['withdrawn', 0.05],
  ['platform_rejected', 0.04],
  ['sms_verification', 0.03],
];

function stateOf(i: number): FilingState {
  if (i === SEARCH_TARGET.index) return 'authority_review';
  // A multiplicative scramble, so states do not come in runs of consecutive ids.
  let x = (i * 7919) % 1000;
  for (const [state, share] of MIX) {
    x -= share * 1000;
    if (x < 0) return state;
  }
  return 'filed';
}

function ownerOf(i: number, count: number): string {
  if (i < HEAVY_STRIDE * HEAVY_COUNT && i % HEAVY_STRIDE === 0) return HEAVY_FILER;
  const owners = Math.max(1, Math.floor(count / PER_OWNER));
  return `o-owner-${String(i % owners).padStart(5, '0')}`;
}

/**
 * Applications 1…RELATED are filed under the base form's subject (its certificate and mobile):
 * what a submit of that subject's cross-record lookup finds, the same few at every size.
 */
export const RELATED = 3;

function formOf(i: number, base: FilingForm): FilingForm {
  const miniprogramName = i === SEARCH_TARGET.index ? SEARCH_TARGET.miniprogramName : `记账本${i}`;
  const subjectName = i % 2 === 0 ? `示例${COMMON_WORD}${i}工作室` : `张三${i}`;
  const appid = `wx${i.toString(16).padStart(16, '0')}`;
  const shared = i >= 1 && i <= RELATED;
  // Everyone else is a subject of their own, with mobiles of their own, as in the field.
  const number = shared ? base.subject.principal.certificate.number : `S${String(i).padStart(17, '0')}`;
  const mobile = shared ? base.subject.principal.mobile : `13${String(i).padStart(9, '0')}`;
  const principal = {
    ...base.subject.principal,
    mobile,
    certificate: { ...base.subject.principal.certificate, number },
  };
  return {
    ...base,
    subject: { ...base.subject, name: subjectName, principal },
    miniprogram: { ...base.miniprogram, appid, name: miniprogramName },
  };
}

/** The closed SMS windows are the last DUE ids, so they are never the heavy filer's or the target. */
export function isDue(i: number, count: number): boolean {
  return i >= count - DUE;
}

export function applicationOf(i: number, count: number, base: FilingForm): Application {
  const created = new Date(NOW.getTime() - (i + 1000) * 60_000).toISOString();
  const due = isDue(i, count);
  const state: FilingState = due ? 'sms_verification' : i >= 1 && i <= RELATED ? 'filed' : stateOf(i);
  const inReview =
    state === 'platform_review' || state === 'authority_review' || state === 'sms_verification';
  const dueAt = new Date(NOW.getTime() + (due ? -60_000 : 86_400_000 + i * 1000)).toISOString();
  return {
    id: `app${String(i).padStart(8, '0')}`,
    owner: ownerOf(i, count),
    kind: 'new',
    cancelScope: null,
    baseId: null,
    state,
    version: 3,
    form: formOf(i, base),
    createdAt: created,
    updatedAt: created,
    submittedAt: state === 'draft' ? null : created,
    due: inReview ? { stage: state, at: dueAt } : null,
    overdueSince: null,
    sms:
      state === 'sms_verification'
        ? { firstSentAt: new Date(Date.parse(dueAt) - 86_400_000).toISOString(), resends: 0 }
        : null,
    reasons: [],
    recordNumber: state === 'filed' ? '京ICP备2026012345号-1X' : null,
    timeline: [{ state, startedAt: created, endedAt: null }],
  };
}

/** Creates `file` with the store's schema and `count` applications; answers the milliseconds taken. */
export async function seed(file: string, count: number): Promise<number> {
  const started = Date.now();
  // The store's own open runs its migrations: the schema is the store's, never a copy of it.
  await openSqliteStore(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(INSERT_APPLICATION);
  const base = personalForm(HEAVY_FILER);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run(applicationRow(applicationOf(i, count, base)));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return Date.now() - started;
}

/**
 * Puts the DUE closed SMS windows back as they were seeded, so every timed sweep finds the same
 * 100 applications to time out (what it already wrote to the audit trail and outbox stays).
 */
export function rearmer(file: string, count: number): { rearm(): void; close(): void } {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // Delete and insert again: the store's triggers keep the state counts and the search index in step.
  const remove = db.prepare('DELETE FROM applications WHERE id = ?');
  const insert = db.prepare(INSERT_APPLICATION);
  const base = personalForm(HEAVY_FILER);
  const rows: ApplicationRow[] = [];
  for (let i = count - DUE; i < count; i += 1) rows.push(applicationRow(applicationOf(i, count, base)));
  return {
    rearm: () =>
      db.transaction(() => {
        for (const row of rows) {
          remove.run(row.id);
          insert.run(row);
        }
      })(),
    close: () => db.close(),
  };
}
