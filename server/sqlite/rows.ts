/**
 * An application as its `applications` row: the document plus the columns its indexes need. One
 * definition serves the insert, the conditional update and the bench's bulk loader, so the three
 * can never disagree about a column.
 */
import type Database from 'better-sqlite3';
import type { Application } from '@beian/core';
import { indexFields } from '../store/keys';
import { searchColumns } from './search';

export const APPLICATION_COLUMNS = [
  'id',
  'owner',
  'state',
  'version',
  'base_id',
  'due_at',
  'overdue',
  'list_key',
  'queue_key',
  'subject_name',
  'miniprogram_name',
  'search_uni',
  'search_bi',
  'channel',
  'follow_key',
  'follow_appid',
  'subject_key',
  'appid',
  'principal_mobile',
  'miniprogram_mobile',
  'doc',
] as const;

export type ApplicationRow = Record<(typeof APPLICATION_COLUMNS)[number], string | number | null>;

export function applicationRow(application: Application): ApplicationRow {
  const f = indexFields(application);
  const search = searchColumns(f.subjectName, f.miniprogramName);
  return {
    id: application.id,
    owner: f.owner,
    state: f.state,
    version: f.version,
    base_id: f.baseId,
    due_at: f.dueAt,
    overdue: f.overdue ? 1 : 0,
    list_key: f.listKey,
    queue_key: f.queueKey,
    subject_name: f.subjectName,
    miniprogram_name: f.miniprogramName,
    search_uni: search.unigrams,
    search_bi: search.bigrams,
    channel: f.channel,
    follow_key: f.followKey,
    follow_appid: f.followAppid,
    subject_key: f.subjectKey,
    appid: f.appid,
    principal_mobile: f.principalMobile,
    miniprogram_mobile: f.miniprogramMobile,
    doc: JSON.stringify(application),
  };
}

/** `INSERT INTO applications (…) VALUES (@id, …)`, for better-sqlite3's named parameters. */
export const INSERT_APPLICATION = `INSERT INTO applications (${APPLICATION_COLUMNS.join(', ')})
  VALUES (${APPLICATION_COLUMNS.map((c) => `@${c}`).join(', ')})`;

/** Replaces a row only if it still holds the version the writer read (`@expected_version`). */
export const REPLACE_APPLICATION = `UPDATE applications
  SET ${APPLICATION_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = @${c}`)
    .join(', ')}
  WHERE id = @id AND version = @expected_version`;

export type Row = Record<string, unknown>;

/** The row `sql` (one `?`, on a key column) finds for `key`, or undefined when there is none. */
export function rowOf(db: Database.Database, sql: string, key: string): Row | undefined {
  return db.prepare(sql).get(key) as Row | undefined;
}

/** A stored JSON document (`doc` columns) back as what was written. */
export function parse<T>(doc: unknown): T {
  return JSON.parse(String(doc)) as T;
}

/** Each row's `doc`, parsed. */
export function docs<T>(rows: readonly Row[]): T[] {
  return rows.map((row) => parse<T>(row.doc));
}
