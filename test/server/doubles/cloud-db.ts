/**
 * An in-memory double of the wx-server-sdk cloud database, following the documented semantics
 * (docs/cloud-platform.md § The database) closely enough that the cloudbase adapter can be held to the same
 * contract suite as sqlite without the real SDK ever reaching the network:
 *
 * - return shapes: `add` → `{ _id, errMsg }`, `doc.get` → `{ data }` (null when missing, as with
 *   `throwOnNotFound: false`; the SDK's default throw is available with `throwOnNotFound: true`),
 *   `get` → `{ data: [...] }`, `count` → `{ total }`, updates → `{ stats: { updated } }`, removes →
 *   `{ stats: { removed } }`, `set` → `{ _id, stats: { updated, created } }`;
 * - a read without `limit()` returns at most 100 records; `limit()` above 1000 is an invalid param;
 * - a collection that was never created fails every operation with -502005;
 * - update data: plain nested objects merge field by field, `_.set` replaces, `_.inc` adds
 *   atomically, `_.remove` deletes; `_id` cannot be written;
 * - an update that matches nothing succeeds with `updated: 0`;
 * - array conditions: `_.all([...])` matches an array field holding every value, `_.exists(b)` a
 *   field that is (or is not) there; aggregates: cloud-aggregate.ts;
 * - `runTransaction`: only `doc(id).get/set/update/remove` and `add` (no `where`); writes are
 *   buffered and applied at once on commit; a document written by someone else since this
 *   transaction first touched it is a conflict, retried up to `times` and then rejected with
 *   `.code === 'DATABASE_TRANSACTION_CONFLICT'` (@cloudbase/database's own error);
 * - the other shape the real cloud has: wx-server-sdk raises a conflict on the write itself, as a
 *   CloudSDKError with `errCode -501001` and no `.code`, which @cloudbase/database's retry does not
 *   recognise, so it rejects at once (`conflictOnWrite`);
 *   whatever the callback throws rejects the transaction with that value and writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { aggregateCommand, aggregateOf } from './cloud-aggregate';
import type {
  CloudDatabase,
  CollectionRef,
  Command,
  Doc,
  DocumentRef,
  Operator,
  Query,
  Transaction,
  TransactionCollection,
} from '../../../server/cloudbase/db';

export class CloudSDKError extends Error {
  constructor(
    readonly errCode: number | string,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
  }
}

type Json = Record<string, unknown>;

class Op {
  constructor(
    readonly name: string,
    readonly operands: unknown[],
  ) {}
}

class Pattern {
  constructor(readonly regexp: RegExp) {}
}

interface Stored {
  doc: Json;
  rev: number;
}

interface Collection {
  docs: Map<string, Stored>;
}

export interface FakeCloudDbOptions {
  throwOnNotFound?: boolean;
}

export interface FakeCloudDb extends CloudDatabase {
  /** The largest `limit()` any query asked for (the adapter must page within 100). */
  readonly stats: {
    maxLimit: number;
    reads: number;
    aggregates: number;
    writes: number;
    transactions: number;
  };
  /** Every document of a collection, for assertions. */
  dump(name: string): Json[];
  /** Makes the next `count` reads of a collection fail (a flaky network). */
  failReads(name: string, count: number): void;
  /** Makes the next `count` transactional writes to a collection raise wx-server-sdk's conflict. */
  conflictOnWrite(name: string, count: number): void;
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** A JSON object — not an array, and not an operator or a RegExp (those are class instances). */
function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function getPath(doc: Json, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function equal(a: unknown, b: unknown): boolean {
  if (b === null) return a === null || a === undefined;
  return JSON.stringify(a) === JSON.stringify(b);
}

function matchValue(value: unknown, expected: unknown): boolean {
  if (expected instanceof Pattern) return typeof value === 'string' && expected.regexp.test(value);
  if (!(expected instanceof Op)) return equal(value, expected);
  const [operand] = expected.operands;
  // Presence, not a value: the only command that looks at a missing field for what it is.
  if (expected.name === 'exists') return (value !== undefined) === operand;
  return matchCommand(value, expected.name, operand);
}

function matchCommand(value: unknown, name: string, operand: unknown): boolean {
  switch (name) {
    case 'eq':
      return equal(value, operand);
    case 'neq':
      return !equal(value, operand);
    case 'gt':
      return comparable(value, operand) && compare(value, operand) > 0;
    case 'gte':
      return comparable(value, operand) && compare(value, operand) >= 0;
    case 'lt':
      return comparable(value, operand) && compare(value, operand) < 0;
    case 'lte':
      return comparable(value, operand) && compare(value, operand) <= 0;
    case 'in':
      return (operand as unknown[]).some((item) => equal(value, item));
    default:
      return matchPresence(value, name, operand);
  }
}

/** `_.all`: an array holding every value; `_.exists`: the field is there (or not). */
function matchPresence(value: unknown, name: string, operand: unknown): boolean {
  if (name === 'exists') return (value !== undefined) === operand;
  if (name !== 'all') throw new CloudSDKError(-502002, `invalid command ${name} in a field condition`);
  return Array.isArray(value) && (operand as unknown[]).every((item) => value.some((v) => equal(v, item)));
}

function matches(doc: Json, condition: unknown, prefix = ''): boolean {
  if (condition instanceof Op) {
    const parts = condition.operands;
    if (condition.name === 'and') return parts.every((part) => matches(doc, part, prefix));
    if (condition.name === 'or') return parts.some((part) => matches(doc, part, prefix));
    throw new CloudSDKError(-502002, `invalid command ${condition.name} at the top of a condition`);
  }
  if (!isPlainObject(condition)) throw new CloudSDKError(-501007, 'invalid param: condition');
  return Object.entries(condition).every(([key, expected]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    // Like the SDK, a nested plain object is a condition on its fields.
    if (isPlainObject(expected)) return matches(doc, expected, path);
    return matchValue(getPath(doc, path), expected);
  });
}

function applyUpdate(doc: Json, data: Json, prefix = ''): void {
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (path === '_id') throw new CloudSDKError(-501007, '不能更新_id的值');
    if (value instanceof Op) {
      applyCommand(doc, path, value);
    } else if (isPlainObject(value)) {
      // A plain object updates only the fields it names (use _.set to replace a sub-object).
      if (!isPlainObject(getPath(doc, path))) setPath(doc, path, {});
      applyUpdate(doc, value, path);
    } else {
      setPath(doc, path, clone(value));
    }
  }
}

function applyCommand(doc: Json, path: string, command: Op): void {
  const [operand] = command.operands;
  if (command.name === 'set') return setPath(doc, path, clone(operand));
  if (command.name === 'remove') return removePath(doc, path);
  if (command.name === 'inc') {
    const current = getPath(doc, path);
    return setPath(doc, path, (typeof current === 'number' ? current : 0) + Number(operand));
  }
  throw new CloudSDKError(-502002, `invalid update command ${command.name}`);
}

function setPath(doc: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = doc;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key] as Json;
  }
  current[keys[keys.length - 1] as string] = value;
}

function removePath(doc: Json, path: string): void {
  const keys = path.split('.');
  const parent = getPath(doc, keys.slice(0, -1).join('.'));
  const target = keys.length === 1 ? doc : parent;
  if (isPlainObject(target)) Reflect.deleteProperty(target, keys[keys.length - 1] as string);
}

function assertData(data: unknown, api: string): asserts data is Json {
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw new CloudSDKError(-501007, `${api}:fail invalid param: options.data must be a non-empty object`);
  }
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

/** Creates an empty database: no collections until `createCollection` (as on a fresh environment). */
export function fakeCloudDb(options: FakeCloudDbOptions = {}): FakeCloudDb {
  const collections = new Map<string, Collection>();
  const failing = new Map<string, number>();
  const writeConflicts = new Map<string, number>();
  const stats = { maxLimit: 0, reads: 0, aggregates: 0, writes: 0, transactions: 0 };
  const throwOnNotFound = options.throwOnNotFound ?? true;

  function collectionOf(name: string, api: string): Collection {
    const found = collections.get(name);
    if (!found) {
      throw new CloudSDKError(-502005, `${api}:fail -502005 database collection not exists. [${name}]`);
    }
    const failures = failing.get(name) ?? 0;
    if (failures > 0 && api.endsWith('get')) {
      failing.set(name, failures - 1);
      throw new CloudSDKError(-501001, `${api}:fail -501001 resource system error`);
    }
    return found;
  }

  // Every write, deletions included, bumps a document's revision, which transactions compare.
  const tombstones = new Map<string, number>();
  const revOf = (name: string, id: string): number =>
    collections.get(name)?.docs.get(id)?.rev ?? tombstones.get(`${name}/${id}`) ?? 0;

  function write(name: string, id: string, doc: Json | null): void {
    const coll = collectionOf(name, 'write');
    stats.writes += 1;
    const rev = revOf(name, id) + 1;
    if (doc === null) {
      coll.docs.delete(id);
      tombstones.set(`${name}/${id}`, rev);
    } else {
      coll.docs.set(id, { doc: { ...clone(doc), _id: id }, rev });
    }
  }

  function documentRef(name: string, id: string): DocumentRef {
    return {
      async get() {
        stats.reads += 1;
        const stored = collectionOf(name, 'document.get').docs.get(id);
        if (!stored && throwOnNotFound) throw new CloudSDKError(-1, `document with _id ${id} does not exist`);
        return { data: stored ? (clone(stored.doc) as Doc) : null, errMsg: 'document.get:ok' };
      },
      async set({ data }) {
        assertData(data, 'document.set');
        if ('_id' in data) throw new CloudSDKError(-501007, 'document.set:fail 不能更新_id的值');
        const coll = collectionOf(name, 'document.set');
        const existed = coll.docs.has(id);
        write(name, id, data);
        return {
          _id: id,
          stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
          errMsg: 'document.set:ok',
        };
      },
      async update({ data }) {
        assertData(data, 'document.update');
        const coll = collectionOf(name, 'document.update');
        const stored = coll.docs.get(id);
        if (!stored) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
        const next = clone(stored.doc);
        applyUpdate(next, data);
        write(name, id, next);
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
      },
      async remove() {
        const coll = collectionOf(name, 'document.remove');
        if (!coll.docs.has(id)) return { stats: { removed: 0 }, errMsg: 'document.remove:ok' };
        write(name, id, null);
        return { stats: { removed: 1 }, errMsg: 'document.remove:ok' };
      },
    };
  }

  interface QueryState {
    condition: unknown;
    order: [string, 'asc' | 'desc'][];
    limit: number | null;
    skip: number;
  }

  function select(name: string, state: QueryState, api: string): Stored[] {
    const coll = collectionOf(name, api);
    return [...coll.docs.values()].filter((stored) =>
      state.condition === undefined ? true : matches(stored.doc, state.condition),
    );
  }

  function query(name: string, state: QueryState): Query {
    const next = (change: Partial<QueryState>): Query => query(name, { ...state, ...change });
    return {
      where: (condition) => next({ condition }),
      orderBy: (field, order) => {
        if (order !== 'asc' && order !== 'desc') throw new CloudSDKError(-501007, 'orderBy: asc or desc');
        return next({ order: [...state.order, [field, order]] });
      },
      limit: (max) => {
        if (!Number.isInteger(max) || max < 1 || max > 1000) {
          throw new CloudSDKError(-501007, `limit must be an integer from 1 to 1000, got ${max}`);
        }
        stats.maxLimit = Math.max(stats.maxLimit, max);
        return next({ limit: max });
      },
      skip: (offset) => next({ skip: offset }),
      async get() {
        stats.reads += 1;
        const found = select(name, state, 'collection.get').map((stored) => stored.doc);
        found.sort((a, b) => {
          for (const [field, order] of state.order) {
            const c = compare(getPath(a, field), getPath(b, field));
            if (c !== 0) return order === 'asc' ? c : -c;
          }
          return 0;
        });
        const page = found.slice(state.skip, state.skip + (state.limit ?? 100));
        return { data: page.map((doc) => clone(doc) as Doc), errMsg: 'collection.get:ok' };
      },
      async count() {
        stats.reads += 1;
        return { total: select(name, state, 'collection.count').length, errMsg: 'collection.count:ok' };
      },
      async update({ data, multi }) {
        assertData(data, 'collection.update');
        const targets = select(name, state, 'collection.update');
        const chosen = multi === false ? targets.slice(0, 1) : targets;
        for (const stored of chosen) {
          const doc = clone(stored.doc);
          applyUpdate(doc, data);
          write(name, String(stored.doc._id), doc);
        }
        return { stats: { updated: chosen.length }, errMsg: 'collection.update:ok' };
      },
      async remove(options) {
        const targets = select(name, state, 'collection.remove');
        const chosen = options?.multi === false ? targets.slice(0, 1) : targets;
        for (const stored of chosen) write(name, String(stored.doc._id), null);
        return { stats: { removed: chosen.length }, errMsg: 'collection.remove:ok' };
      },
    };
  }

  async function add(name: string, data: unknown): Promise<{ _id: string }> {
    assertData(data, 'collection.add');
    const coll = collectionOf(name, 'collection.add');
    const id = typeof data._id === 'string' && data._id !== '' ? data._id : newId();
    if (coll.docs.has(id)) {
      throw new CloudSDKError(-502001, `collection.add:fail -502001 duplicate key _id: ${id}`);
    }
    const { _id: _ignored, ...fields } = data;
    write(name, id, fields);
    return { _id: id };
  }

  function collection(name: string): CollectionRef {
    return {
      ...query(name, { condition: undefined, order: [], limit: null, skip: 0 }),
      doc: (id) => documentRef(name, String(id)),
      aggregate: () =>
        aggregateOf({
          docs: () =>
            select(name, { condition: undefined, order: [], limit: null, skip: 0 }, 'aggregate').map(
              (s) => s.doc,
            ),
          matches: (doc, condition) => matches(doc, condition),
          valueAt: getPath,
          request: () => {
            stats.aggregates += 1;
          },
        }),
      add: async ({ data }) => ({ ...(await add(name, data)), errMsg: 'collection.add:ok' }),
    };
  }

  const command: Command = {
    eq: (v) => new Op('eq', [v]),
    neq: (v) => new Op('neq', [v]),
    gt: (v) => new Op('gt', [v]),
    gte: (v) => new Op('gte', [v]),
    lt: (v) => new Op('lt', [v]),
    lte: (v) => new Op('lte', [v]),
    in: (values) => new Op('in', [values]),
    all: (values) => new Op('all', [values]),
    exists: (present) => new Op('exists', [present]),
    and: (...conditions) => new Op('and', conditions),
    or: (...conditions) => new Op('or', conditions),
    set: (v) => new Op('set', [v]),
    inc: (by) => new Op('inc', [by]),
    remove: () => new Op('remove', []),
    aggregate: aggregateCommand,
  };

  /** One attempt of a transaction: buffered writes, each document's revision when first touched. */
  async function attempt<T>(run: (transaction: Transaction) => Promise<T>): Promise<T> {
    const seen = new Map<string, number>();
    const pending = new Map<string, Json | null>();
    const touch = (name: string, id: string): string => {
      const key = `${name}/${id}`;
      if (!seen.has(key)) seen.set(key, revOf(name, id));
      return key;
    };
    const current = (name: string, id: string): Json | null => {
      const key = touch(name, id);
      if (pending.has(key)) return clone(pending.get(key) ?? null);
      const stored = collectionOf(name, 'document.get').docs.get(id);
      return stored ? clone(stored.doc) : null;
    };
    /** A write the platform refuses because another transaction holds the document. */
    const conflictingWrite = (name: string, api: string): void => {
      const left = writeConflicts.get(name) ?? 0;
      if (left <= 0) return;
      writeConflicts.set(name, left - 1);
      throw new CloudSDKError(
        -501001,
        `${api}:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict] Transaction is conflicted.`,
      );
    };
    const txCollection = (name: string): TransactionCollection => ({
      doc: (id) => ({
        async get() {
          return { data: current(name, id) as Doc | null, errMsg: 'document.get:ok' };
        },
        async set({ data }) {
          assertData(data, 'document.set');
          if ('_id' in data) throw new CloudSDKError(-501007, 'document.set:fail 不能更新_id的值');
          conflictingWrite(name, 'document.set');
          const existed = current(name, id) !== null;
          pending.set(touch(name, id), { ...clone(data), _id: id });
          return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
        },
        async update({ data }) {
          assertData(data, 'document.update');
          conflictingWrite(name, 'document.update');
          const doc = current(name, id);
          if (!doc) return { stats: { updated: 0 } };
          applyUpdate(doc, data);
          pending.set(touch(name, id), doc);
          return { stats: { updated: 1 } };
        },
        async remove() {
          const existed = current(name, id) !== null;
          pending.set(touch(name, id), null);
          return { stats: { removed: existed ? 1 : 0 } };
        },
      }),
      async add({ data }) {
        assertData(data, 'collection.add');
        const id = typeof data._id === 'string' && data._id !== '' ? data._id : newId();
        if (current(name, id) !== null) throw new CloudSDKError(-502001, `duplicate key _id: ${id}`);
        pending.set(touch(name, id), { ...clone(data), _id: id });
        return { _id: id };
      },
    });
    const transaction = {
      collection: (name: string) => {
        collectionOf(name, 'transaction.collection');
        return txCollection(name);
      },
    };
    const result = await run(transaction);
    // Commit: all or nothing, after checking nobody wrote what this transaction touched.
    for (const [key, rev] of seen) {
      const [name, id] = splitKey(key);
      if (pending.has(key) && revOf(name, id) !== rev) throw new TransactionConflict();
    }
    for (const [key, doc] of pending) {
      const [name, id] = splitKey(key);
      write(name, id, doc);
    }
    return result;
  }

  const db: FakeCloudDb = {
    command,
    stats,
    RegExp: ({ regexp, options: flags }) => new Pattern(new RegExp(regexp, flags)) as Operator,
    collection,
    async createCollection(name) {
      if (collections.has(name)) throw new CloudSDKError(-502001, `Table exist. [${name}]`);
      collections.set(name, { docs: new Map() });
      return { errMsg: 'createCollection:ok' };
    },
    async runTransaction(run, times = 3) {
      stats.transactions += 1;
      for (let left = times; ; left -= 1) {
        try {
          return await attempt(run);
        } catch (error) {
          if (!(error instanceof TransactionConflict) || left <= 0) {
            throw error instanceof TransactionConflict ? transactionConflictError() : error;
          }
        }
      }
    },
    dump: (name) => [...(collections.get(name)?.docs.values() ?? [])].map((stored) => clone(stored.doc)),
    failReads: (name, count) => failing.set(name, count),
    conflictOnWrite: (name, count) => writeConflicts.set(name, count),
  };
  return db;
}

class TransactionConflict extends Error {}

/** What @cloudbase/database rejects with once its retries are spent (const/code.js). */
function transactionConflictError(): Error {
  return Object.assign(new Error('database transaction conflict'), {
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
