/**
 * The part of the wx-server-sdk database this adapter uses, typed by what the SDK actually returns
 * (docs/cloud-platform.md § The database; its own d.ts is `Promise<…> | void | string` and `any`). The deployed
 * functions pass `cloud.database({ throwOnNotFound: false })`; the tests pass an in-memory double
 * with the same semantics (test/server/doubles/cloud-db.ts). Nothing else touches the SDK's types.
 */

/** What a stored document looks like to us: plain JSON plus `_id`. */
export type Doc = Record<string, unknown> & { _id: string };

/** Query and update operators (`db.command`): opaque values only the database interprets. */
export type Operator = object;

export type Condition = Record<string, unknown>;

export interface GetResult {
  data: Doc[];
}

export interface DocGetResult {
  /** null when the document is missing (with throwOnNotFound: false). */
  data: Doc | null;
}

export interface UpdateResult {
  stats: { updated: number };
}

export interface RemoveResult {
  stats: { removed: number };
}

export interface SetResult {
  _id: string;
  stats: { updated: number; created: number };
}

export interface DocumentRef {
  get(): Promise<DocGetResult>;
  set(options: { data: Record<string, unknown> }): Promise<SetResult>;
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface Query {
  /** A field condition, or a logic operator (`_.and`, `_.or`) over conditions. */
  where(condition: Condition | Operator): Query;
  orderBy(field: string, order: 'asc' | 'desc'): Query;
  limit(max: number): Query;
  skip(offset: number): Query;
  get(): Promise<GetResult>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown>; multi?: boolean }): Promise<UpdateResult>;
  remove(options?: { multi?: boolean }): Promise<RemoveResult>;
}

/**
 * An aggregation pipeline (`collection.aggregate()`): only the stages the adapter uses. `end()`
 * answers `{ list }`; without `limit` a cloud function gets at most 20 results of it.
 */
export interface Aggregate {
  match(condition: Condition | Operator): Aggregate;
  /** `_id: '$field'` groups by that field; each other key an accumulator (`$.sum(1)`). */
  group(spec: Record<string, unknown>): Aggregate;
  limit(max: number): Aggregate;
  end(): Promise<{ list: Record<string, unknown>[] }>;
}

/** Aggregation operators (`db.command.aggregate`, the SDK's `$`). */
export interface AggregateCommand {
  sum(value: number | string): Operator;
}

export interface CollectionRef extends Query {
  doc(id: string): DocumentRef;
  aggregate(): Aggregate;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}

/** Inside a transaction only single-document operations exist: no `where`. */
export interface TransactionCollection {
  doc(id: string): DocumentRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}

export interface Transaction {
  collection(name: string): TransactionCollection;
}

export interface Command {
  eq(value: unknown): Operator;
  neq(value: unknown): Operator;
  gt(value: unknown): Operator;
  gte(value: unknown): Operator;
  lt(value: unknown): Operator;
  lte(value: unknown): Operator;
  in(values: unknown[]): Operator;
  /** An array field holding every one of `values` (MongoDB's `$all`; a multikey index serves it). */
  all(values: unknown[]): Operator;
  /** The field is present (true) or missing (false). */
  exists(present: boolean): Operator;
  and(...conditions: (Condition | Operator)[]): Operator;
  or(...conditions: (Condition | Operator)[]): Operator;
  set(value: unknown): Operator;
  inc(by: number): Operator;
  remove(): Operator;
  readonly aggregate: AggregateCommand;
}

export interface CloudDatabase {
  readonly command: Command;
  RegExp(options: { regexp: string; options?: string }): Operator;
  collection(name: string): CollectionRef;
  createCollection(name: string): Promise<unknown>;
  /** Auto-commits when `run` resolves; retries only on write conflicts; rejects with what `run` threw. */
  runTransaction<T>(run: (transaction: Transaction) => Promise<T>, times?: number): Promise<T>;
}

/** The SDK's error: `errCode` is the platform's code (or WeChat's errcode for openapi calls). */
export function errCodeOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { errCode?: unknown }).errCode;
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  return null;
}

/**
 * A transaction lost to a concurrent one, in either shape the real cloud produces:
 * @cloudbase/database's own `{ code: 'DATABASE_TRANSACTION_CONFLICT' }` (after its retries), or
 * wx-server-sdk's CloudSDKError raised by the write itself, `errCode -501001` with the platform's
 * TransactionConflict message and no `.code`, which that retry never recognises.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  const text = String((error as { errMsg?: unknown }).errMsg ?? (error as Error).message ?? '');
  return errCodeOf(error) === -501001 && /TransactionConflict|transaction is conflicted/i.test(text);
}

/** -502001: a document with this `_id` already exists (an `add` lost to a concurrent one). */
export const DUPLICATE_KEY = -502001;

/** -502005: the collection does not exist (setup has not run). */
export const COLLECTION_MISSING = -502005;

/** The most records one read returns in a cloud function without relying on disputed limits. */
export const PAGE_LIMIT = 100;
