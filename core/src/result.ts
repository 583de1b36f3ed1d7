/**
 * The shapes every caller sees: check issues on form paths, and the envelope of every cloud
 * function answer (docs/architecture.md § The contract).
 */

/** A problem with one field: `path` is a form path, `message` Chinese and says what to do. */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** What `check` finds: errors block submission, warnings predict a likely rejection. */
export interface CheckResult {
  errors: Issue[];
  warnings: Issue[];
}

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  /** A service Beian relies on cannot answer now (e.g. certificate recognition's daily quota): go on by hand. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface Failure {
  code: ErrorCode;
  message: string;
  fields?: Issue[];
}

/** Every cloud function answers this; it never throws to the caller. */
export type Envelope<D> = { ok: true; data: D } | { ok: false; error: Failure };
