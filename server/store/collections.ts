/**
 * The collections (cloud database) and tables (sqlite) of Beian, by one name each. database/
 * collections.json lists the same names with their indexes; a test keeps the two in step.
 */
export const COLLECTIONS = {
  applications: 'applications',
  audit: 'audit',
  outbox: 'outbox',
  credits: 'credits',
  admins: 'admins',
  requests: 'requests',
  baseLocks: 'base_locks',
  stageExits: 'stage_exits',
  /** Who opened which application on the review page, and when (server/app/duties.ts). */
  openings: 'openings',
  /** Which record holds each record number (备案号), claimed in the approving commit. */
  recordNumbers: 'record_numbers',
  /** The revision of each cross-record key, bumped by every submit checked against it. */
  filingKeys: 'filing_keys',
  /** The open-platform channel's tokens, ticket and handled events (server/wechat/records.ts). */
  platform: 'platform',
  /** What was read off each application's certificate photos (server/store/recognitions.ts). */
  recognitions: 'recognitions',
} as const;

export const COLLECTION_NAMES: readonly string[] = Object.values(COLLECTIONS);

/**
 * Cloud database only: who uploaded each stored file, registered by the filer's client
 * (server/cloudbase/files.ts). The local cloud's storage records the same in its files.json.
 */
export const UPLOADS_COLLECTION = 'uploads';
