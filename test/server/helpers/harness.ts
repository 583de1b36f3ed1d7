/**
 * A back end under test: the real action maps on a real store (sqlite on a temp file by default,
 * or cloudbase on the database double), a manual clock, a scripted messenger and fake storage.
 * `as(who)` calls a function the way the platform would, with identity from the invocation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCalendar,
  DEFAULT_TEMPLATES,
  type ActionName,
  type DataOf,
  type Envelope,
  type FilingView,
  type FunctionName,
  type SubscribeMessage,
} from '@beian/core';
import type { Invocation } from '../../../server/action-map';
import { CloudbaseStore } from '../../../server/cloudbase/store';
import type { ServerDeps } from '../../../server/deps';
import { functions } from '../../../server/functions';
import type { SendResult } from '../../../server/ports';
import { openSqliteStore } from '../../../server/sqlite';
import { COLLECTION_NAMES } from '../../../server/store/collections';
import type { Store } from '../../../server/store/types';
import { personalForm } from '../../fixtures/forms';
import { fakeCloudDb, type FakeCloudDb } from '../doubles/cloud-db';
import { FakeFiles } from './files';
import { ScriptedReader } from './ocr';
import { MANUAL_ONLY } from '../../../server/wechat/channel';

export const OWNER = 'o-filer-a';
export const OTHER = 'o-filer-b';
export const ADMIN = 'o-admin-1';
export const OPERATOR_KEY = 'op-key-0123456789';

export type Who = 'owner' | 'other' | 'admin' | 'operator' | 'badKey' | 'nobody' | 'timer';

export interface SentMessage {
  message: SubscribeMessage;
  at: string;
}

/** Answers each send with the next scripted result (ok when the script is empty) and records it. */
export class ScriptedMessenger {
  readonly sent: SentMessage[] = [];
  private readonly script: SendResult[] = [];
  calls = 0;

  constructor(private readonly clock: { now(): Date }) {}

  answer(...results: (SendResult | number)[]): void {
    for (const r of results)
      this.script.push(typeof r === 'number' ? { ok: false, errCode: r, errMsg: `errcode ${r}` } : r);
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    this.calls += 1;
    const result = this.script.shift() ?? { ok: true };
    if (result.ok) this.sent.push({ message, at: this.clock.now().toISOString() });
    return result;
  }
}

export interface Harness {
  deps: ServerDeps;
  store: Store;
  /** The cloud database double (used only when the harness runs on cloudbase). */
  cloudDb: FakeCloudDb;
  messenger: ScriptedMessenger;
  files: FakeFiles;
  /** WeChat's OCR: scripted answers. */
  ocr: ScriptedReader;
  logs: string[];
  errors: string[];
  /** Moves the manual clock. */
  advance(ms: number): void;
  setNow(iso: string): void;
  as(who: Who): Caller;
  /** Every row of every table or collection, as text: equal snapshots mean nothing was written. */
  snapshot(): string;
  close(): Promise<void>;
}

export interface Caller {
  call(fn: FunctionName, event: Record<string, unknown>): Promise<Envelope<unknown>>;
  filing<A extends ActionName<'filing'>>(
    action: A,
    params?: Record<string, unknown>,
  ): Promise<Envelope<DataOf<'filing', A>>>;
  admin<A extends ActionName<'admin'>>(
    action: A,
    params?: Record<string, unknown>,
  ): Promise<Envelope<DataOf<'admin', A>>>;
  scheduler(params?: Record<string, unknown>): Promise<Envelope<DataOf<'scheduler', 'tick'>>>;
}

export type StoreKind = 'sqlite' | 'cloudbase';

export async function harness(
  kind: StoreKind = 'sqlite',
  start = '2026-11-02T02:00:00.000Z',
): Promise<Harness> {
  let now = new Date(start);
  const clock = { now: () => new Date(now) };
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'beian-server-')) : null;
  const file = dir ? join(dir, 'beian.db') : null;
  const cloudDb = fakeCloudDb({ throwOnNotFound: false });
  const store: Store = file ? openSqliteStore(file) : new CloudbaseStore(cloudDb);
  await store.setup();
  const messenger = new ScriptedMessenger(clock);
  const files = new FakeFiles();
  const ocr = new ScriptedReader();
  const logs: string[] = [];
  const errors: string[] = [];
  const deps: ServerDeps = {
    clock,
    store,
    messenger,
    files,
    certificates: ocr,
    templates: DEFAULT_TEMPLATES,
    calendar: createCalendar(),
    wechat: MANUAL_ONLY,
    operatorKey: OPERATOR_KEY,
    logger: {
      info: (line) => logs.push(line),
      error: (line, error) => errors.push(`${line}${error ? ` ${String(error)}` : ''}`),
    },
  };
  await store.putAdmin({ openid: ADMIN, name: '审核员甲', addedAt: start });
  const as = (who: Who): Caller => {
    const call = (fn: FunctionName, event: Record<string, unknown>) => {
      const invocation: Invocation = invocationOf(who);
      const body = { ...event, ...operatorOf(who) };
      return functions[fn](body, invocation, deps);
    };
    return {
      call,
      filing: (action, params = {}) => call('filing', { action, ...params }) as never,
      admin: (action, params = {}) => call('admin', { action, ...params }) as never,
      scheduler: (params = {}) =>
        call(
          'scheduler',
          who === 'timer'
            ? { Type: 'Timer', TriggerName: 'everyMinute', ...params }
            : { action: 'tick', ...params },
        ) as never,
    };
  };
  return {
    deps,
    store,
    cloudDb,
    messenger,
    files,
    ocr,
    logs,
    errors,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    setNow: (iso) => {
      now = new Date(iso);
    },
    as,
    snapshot: () =>
      file ? dumpSqlite(file) : JSON.stringify(COLLECTION_NAMES.map((name) => cloudDb.dump(name))),
    close: async () => {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dumpSqlite(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(
      COLLECTION_NAMES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()),
    );
  } finally {
    db.close();
  }
}

function invocationOf(who: Who): Invocation {
  const openid = { owner: OWNER, other: OTHER, admin: ADMIN }[who as 'owner'] ?? null;
  return { openid, source: openid ? 'wx_client' : who === 'timer' ? 'wx_trigger' : null };
}

function operatorOf(who: Who): Record<string, unknown> {
  if (who === 'operator') return { operator: { name: '值班操作员', key: OPERATOR_KEY } };
  if (who === 'badKey') return { operator: { name: '值班操作员', key: 'guess-0123456789' } };
  return {};
}

/** The data of an ok answer; fails the test with the error otherwise. */
export function ok<D>(answer: Envelope<D>): D {
  if (!answer.ok)
    throw new Error(
      `expected ok, got ${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.fields ?? [])}`,
    );
  return answer.data;
}

/** A filer's application in the state the steps take it to, through the real actions. */
export async function fileTo(
  h: Harness,
  target: 'draft' | 'platform_review' | 'sms_verification' | 'authority_review' | 'filed',
  form = personalForm(),
): Promise<FilingView> {
  const owner = h.as('owner');
  const admin = h.as('admin');
  let filing = ok(await owner.filing('draft.create', { kind: 'new' })).filing;
  filing = ok(await owner.filing('draft.save', { id: filing.id, version: filing.version, form })).filing;
  if (target === 'draft') return filing;
  const requestId = `req-${filing.id}`;
  filing = ok(
    await owner.filing('filing.submit', { id: filing.id, version: filing.version, requestId }),
  ).filing;
  if (target === 'platform_review') return filing;
  let full = ok(await admin.admin('review.approve', { id: filing.id, version: filing.version })).filing;
  if (target === 'sms_verification') return ok(await owner.filing('filing.get', { id: full.id })).filing;
  full = ok(await admin.admin('sms.record', { id: full.id, version: full.version })).filing;
  if (target === 'authority_review') return ok(await owner.filing('filing.get', { id: full.id })).filing;
  full = ok(
    await admin.admin('authority.approve', {
      id: full.id,
      version: full.version,
      recordNumber: nextRecordNumber(),
    }),
  ).filing;
  return ok(await owner.filing('filing.get', { id: full.id })).filing;
}

let issued = 12345;

/** A fresh record number per filing: one number belongs to one record. */
export function nextRecordNumber(): string {
  issued += 1;
  return `京ICP备20260${String(issued).padStart(5, '0')}号-1X`;
}

/** The stores every store-agnostic suite runs on. */
export const STORES: readonly StoreKind[] = ['sqlite', 'cloudbase'];

/**
 * A fresh harness for each test of the enclosing block, closed after it. The object returned is
 * the same for the whole block (so a suite can name it once, at its top); each test's harness is
 * copied into it, which works because a harness is plain data and closures, never `this`.
 */
export function useHarness(kind: StoreKind = 'sqlite', start?: string): Harness {
  const h = {} as Harness;
  beforeEach(async () => {
    Object.assign(h, await harness(kind, start));
  });
  afterEach(() => h.close());
  return h;
}
