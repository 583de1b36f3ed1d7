/**
 * The sqlite schema as numbered migrations, applied in order and recorded in `PRAGMA user_version`,
 * so an old data folder is brought forward on open. Never edit a released migration; add one.
 *
 * Every table keeps the domain document as JSON in `doc` and copies the fields its queries need
 * into columns, each query with an index (owner + list key, state + queue key, state + due time,
 * outbox status + next attempt).
 */
import { COLLECTION_NAMES } from '../store/collections';

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    base_id TEXT,
    due_at TEXT,
    overdue INTEGER NOT NULL DEFAULT 0,
    list_key TEXT NOT NULL,
    queue_key TEXT NOT NULL,
    subject_name TEXT NOT NULL DEFAULT '',
    miniprogram_name TEXT NOT NULL DEFAULT '',
    doc TEXT NOT NULL
  );
  CREATE INDEX applications_owner_list ON applications (owner, list_key);
  CREATE INDEX applications_state_queue ON applications (state, queue_key);
  CREATE INDEX applications_queue ON applications (queue_key);
  CREATE INDEX applications_state_due ON applications (state, due_at);
  CREATE INDEX applications_unflagged_due ON applications (state, overdue, due_at);
  CREATE INDEX applications_base ON applications (base_id) WHERE base_id IS NOT NULL;

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX audit_application ON audit (application_id, seq);

  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL,
    status TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    rev INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
  CREATE INDEX outbox_application ON outbox (application_id);

  CREATE TABLE credits (
    owner TEXT NOT NULL,
    template_id TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (owner, template_id)
  );

  CREATE TABLE admins (
    openid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL
  );

  CREATE TABLE requests (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    application_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    at TEXT NOT NULL
  );

  CREATE TABLE base_locks (
    base_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL
  );

  CREATE TABLE stage_exits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    left_at TEXT NOT NULL,
    hours REAL NOT NULL
  );
  CREATE INDEX stage_exits_stage ON stage_exits (stage, seq);
  `,
  // Counting per state for every queue page would scan the table; triggers keep the counts in the
  // same transaction as each write instead.
  `
  CREATE TABLE state_counts (
    state TEXT PRIMARY KEY,
    n INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO state_counts (state, n) SELECT state, count(*) FROM applications GROUP BY state;
  CREATE TRIGGER applications_counted_insert AFTER INSERT ON applications BEGIN
    INSERT INTO state_counts (state, n) VALUES (NEW.state, 1)
      ON CONFLICT (state) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER applications_counted_delete AFTER DELETE ON applications BEGIN
    UPDATE state_counts SET n = n - 1 WHERE state = OLD.state;
  END;
  CREATE TRIGGER applications_counted_update AFTER UPDATE OF state ON applications
    WHEN OLD.state <> NEW.state BEGIN
    UPDATE state_counts SET n = n - 1 WHERE state = OLD.state;
    INSERT INTO state_counts (state, n) VALUES (NEW.state, 1)
      ON CONFLICT (state) DO UPDATE SET n = n + 1;
  END;
  `,
  // The reviewers' search as an index (see search.ts): unigram and bigram columns computed by the
  // store on every write (backfilled here through the functions migrate.ts registers), and an
  // external-content FTS5 table over them kept in step by triggers. After a VACUUM (which may
  // renumber rowids) run `INSERT INTO application_search(application_search) VALUES ('rebuild')`.
  `
  ALTER TABLE applications ADD COLUMN search_uni TEXT NOT NULL DEFAULT '';
  ALTER TABLE applications ADD COLUMN search_bi TEXT NOT NULL DEFAULT '';
  UPDATE applications SET
    search_uni = beian_search_unigrams(subject_name, miniprogram_name),
    search_bi = beian_search_bigrams(subject_name, miniprogram_name);
  CREATE VIRTUAL TABLE application_search USING fts5(
    search_uni, search_bi,
    content = 'applications', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 0'
  );
  INSERT INTO application_search (application_search) VALUES ('rebuild');
  CREATE TRIGGER applications_search_insert AFTER INSERT ON applications BEGIN
    INSERT INTO application_search (rowid, search_uni, search_bi)
      VALUES (NEW.rowid, NEW.search_uni, NEW.search_bi);
  END;
  CREATE TRIGGER applications_search_delete AFTER DELETE ON applications BEGIN
    INSERT INTO application_search (application_search, rowid, search_uni, search_bi)
      VALUES ('delete', OLD.rowid, OLD.search_uni, OLD.search_bi);
  END;
  CREATE TRIGGER applications_search_update AFTER UPDATE OF search_uni, search_bi ON applications
    WHEN OLD.search_uni IS NOT NEW.search_uni OR OLD.search_bi IS NOT NEW.search_bi BEGIN
    INSERT INTO application_search (application_search, rowid, search_uni, search_bi)
      VALUES ('delete', OLD.rowid, OLD.search_uni, OLD.search_bi);
    INSERT INTO application_search (rowid, search_uni, search_bi)
      VALUES (NEW.rowid, NEW.search_uni, NEW.search_bi);
  END;
  `,
  // What a request asked for (action and params, hashed): a reused requestId with other params is
  // refused instead of replaying the first answer. Rows from before carry '' and match nothing.
  `ALTER TABLE requests ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''`,
  // The open-platform channel's records (server/wechat/records.ts): tokens, the verify ticket,
  // events already handled. Never read by a filer's or an admin's call.
  `
  CREATE TABLE platform (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    rev INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // Separation of duties (server/app/duties.ts): the reviewer's own mobile, and who opened which
  // application on the review page (ID numbers and mobiles in full). Openings are not moves: they
  // have a table of their own, so the audit trail stays one event per version.
  `
  ALTER TABLE admins ADD COLUMN mobile TEXT;
  CREATE TABLE openings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX openings_application ON openings (application_id, seq);
  `,
  // One record per record number (备案号): the approving commit claims it, so two approvals
  // with one number cannot both land. Backfilled from the records filed so far.
  `
  CREATE TABLE record_numbers (
    number TEXT PRIMARY KEY,
    holder TEXT NOT NULL
  );
  INSERT OR IGNORE INTO record_numbers (number, holder)
    SELECT json_extract(doc, '$.recordNumber'), COALESCE(base_id, id) FROM applications
    WHERE json_extract(doc, '$.recordNumber') IS NOT NULL AND json_extract(doc, '$.recordNumber') <> ''
    ORDER BY json_extract(doc, '$.createdAt');
  `,
  // The WeChat channel (server/channel): the queue filters by channel; the poll takes the followed
  // applications checked longest ago first, and a pushed event finds its application by appid.
  // The follow columns are null for the rest, so their partial indexes hold only what is followed.
  `
  ALTER TABLE applications ADD COLUMN channel TEXT NOT NULL DEFAULT 'manual';
  UPDATE applications SET channel = COALESCE(json_extract(doc, '$.channel.kind'), 'manual');
  ALTER TABLE applications ADD COLUMN follow_key TEXT;
  ALTER TABLE applications ADD COLUMN follow_appid TEXT;
  CREATE INDEX applications_follow ON applications (follow_key) WHERE follow_key IS NOT NULL;
  CREATE INDEX applications_follow_appid ON applications (follow_appid) WHERE follow_appid IS NOT NULL;
  `,
  // The cross-record rules (server/app/cross-record.ts): each application's subject, AppID and
  // principals' mobiles as indexed columns (backfilled by the functions migrate.ts registers), and
  // the revision of each key, bumped by every submit checked against it.
  `
  ALTER TABLE applications ADD COLUMN subject_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE applications ADD COLUMN appid TEXT NOT NULL DEFAULT '';
  ALTER TABLE applications ADD COLUMN principal_mobile TEXT NOT NULL DEFAULT '';
  ALTER TABLE applications ADD COLUMN miniprogram_mobile TEXT NOT NULL DEFAULT '';
  UPDATE applications SET
    subject_key = beian_related_key(doc, 'subjectKey'),
    appid = beian_related_key(doc, 'appid'),
    principal_mobile = beian_related_key(doc, 'principalMobile'),
    miniprogram_mobile = beian_related_key(doc, 'miniprogramMobile');
  CREATE INDEX applications_subject_key ON applications (subject_key, state) WHERE subject_key <> '';
  CREATE INDEX applications_appid ON applications (appid, state) WHERE appid <> '';
  CREATE INDEX applications_principal_mobile ON applications (principal_mobile, state)
    WHERE principal_mobile <> '';
  CREATE INDEX applications_miniprogram_mobile ON applications (miniprogram_mobile, state)
    WHERE miniprogram_mobile <> '';
  CREATE TABLE filing_keys (
    key TEXT PRIMARY KEY,
    rev INTEGER NOT NULL
  );
  `,
  // Certificate recognition (filing certificate.recognize): one reading per application and
  // photo path, beside the application so that reading a photo leaves its version alone.
  `
  CREATE TABLE recognitions (
    application_id TEXT NOT NULL,
    field TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (application_id, field)
  );
  `,
];

/** The tables `setup.run` reports on a fresh database: the collections (state_counts is internal). */
export const TABLES: readonly string[] = COLLECTION_NAMES;
