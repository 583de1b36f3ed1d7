/**
 * The params of every action, parsed at the boundary. Each schema's output must equal the
 * contract's params exactly (`Mismatched` below: a param added, dropped, made optional or given
 * another type in core/src/contract.ts fails to compile), and every enumeration is built from
 * core's own list of values, so a new kind, scope, state or channel is accepted with no edit here.
 * Objects are strict: an unknown key is a BAD_REQUEST naming it.
 */
import {
  CANCEL_SCOPES,
  CHANNEL_KINDS,
  FILING_KINDS,
  FILING_STATES,
  MAX_PATH_LENGTH,
  SUBSCRIBE_ANSWERS,
  isMobile,
  type ActionName,
  type FilingForm,
  type FilingState,
  type FunctionName,
  type ParamsOf,
} from '@beian/core';
import * as z from 'zod/mini';

export type ParamsSchema<F extends FunctionName, A extends ActionName<F>> = z.ZodMiniType<ParamsOf<F, A>>;

/**
 * Each action's schema is built on its first parse: an instance answers one or two actions, and
 * building every schema at load was a measurable part of a cold start (docs/benchmarks.md). So are
 * the pieces they share: each is built once, by the first schema that needs it (a zod-mini schema
 * and each `.check()` copy of it is an object built at load otherwise).
 * `z.lazy` parses exactly as the schema it wraps: same issues, same paths, same output.
 */
// Marked pure, so a bundle that never reads a schema drops it (admin's bundle carried filing's).
/* @__NO_SIDE_EFFECTS__ */
function lazy<T extends z.ZodMiniType>(build: () => T): z.ZodMiniLazy<T> {
  return z.lazy(build);
}

/* @__NO_SIDE_EFFECTS__ */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const id = once(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')));
const version = once(() => z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000_000)));
const requestId = once(() =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 应为 8–64 位字母、数字、- 或 _')),
);
const cursor = once(() => z.string().check(z.maxLength(200)));
const limit = once(() => z.number().check(z.int(), z.minimum(1), z.maximum(50)));
const openid = once(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, 'OPENID 格式不正确')));
/** An action without params. */
/* @__NO_SIDE_EFFECTS__ */
function none(): z.ZodMiniLazy<z.ZodMiniObject<Record<string, never>>> {
  return lazy(() => z.strictObject({}));
}

const versioned = () => ({ id: id(), version: version() });

/** z.enum over one of core's value lists (non-empty by its type). */
function oneOf<const T extends string>(values: readonly T[], params?: { error: string }) {
  return z.enum(values as [T, ...T[]], params);
}

// FILING_STATES lists every state (core keeps it in step with the FilingState union).
const filingState = once(() => oneOf<FilingState>(FILING_STATES));

/** A form is checked field by field by the action (VALIDATION on form paths), not here. */
const formShape = once(() =>
  z.custom<FilingForm>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    '表单应为对象',
  ),
);

const reasons = once(() =>
  z
    .array(
      z.strictObject({
        field: z.string().check(z.minLength(1), z.maxLength(MAX_PATH_LENGTH)),
        error: z.string().check(z.minLength(1), z.maxLength(200)),
        suggest: z.string().check(z.maxLength(200)),
      }),
    )
    .check(z.minLength(1), z.maxLength(30)),
);

export const filingParams = {
  'session.get': none(),
  'draft.create': lazy(() =>
    z.strictObject({
      kind: oneOf(FILING_KINDS),
      cancelScope: z.optional(oneOf(CANCEL_SCOPES)),
      baseId: z.optional(id()),
    }),
  ),
  'draft.save': lazy(() =>
    z.strictObject({
      ...versioned(),
      form: z.optional(formShape()),
      patch: z.optional(z.record(z.string().check(z.maxLength(MAX_PATH_LENGTH)), z.unknown())),
    }),
  ),
  'filing.check': lazy(() => z.strictObject({ id: id() })),
  'filing.submit': lazy(() => z.strictObject({ ...versioned(), requestId: requestId() })),
  'filing.withdraw': lazy(() => z.strictObject(versioned())),
  'filing.get': lazy(() => z.strictObject({ id: id() })),
  'filing.list': lazy(() => z.strictObject({ cursor: z.optional(cursor()), limit: z.optional(limit()) })),
  'sms.resend': lazy(() => z.strictObject(versioned())),
  'sms.confirm': lazy(() => z.strictObject(versioned())),
  'face.retry': lazy(() => z.strictObject(versioned())),
  'certificate.recognize': lazy(() =>
    z.strictObject({
      id: id(),
      field: z.string().check(z.regex(/^[A-Za-z0-9_.]{1,120}$/, 'field 应为证件照片的表单路径')),
    }),
  ),
  'subscription.record': lazy(() =>
    z.strictObject({
      results: z.record(z.string().check(z.minLength(1), z.maxLength(128)), oneOf(SUBSCRIBE_ANSWERS)),
    }),
  ),
  'media.url': lazy(() =>
    z.strictObject({
      fileIds: z.array(z.string().check(z.maxLength(512))).check(z.minLength(1), z.maxLength(50)),
    }),
  ),
  'platform.authorization': lazy(() =>
    z.strictObject({
      appid: z.string().check(z.regex(/^wx[0-9a-f]{16}$/)),
    }),
  ),
  'tables.get': lazy(() => z.strictObject({ version: z.optional(z.string().check(z.maxLength(64))) })),
  'file.register': lazy(() =>
    z.strictObject({
      fileId: z.string().check(z.minLength(1), z.maxLength(512)),
      field: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.]{1,120}$/, 'field 应为表单路径'))),
    }),
  ),
} satisfies { [A in ActionName<'filing'>]: ParamsSchema<'filing', A> };

export const adminParams = {
  'queue.list': lazy(() =>
    z.strictObject({
      state: z.optional(filingState()),
      overdue: z.optional(z.boolean()),
      query: z.optional(z.string().check(z.maxLength(40))),
      channel: z.optional(oneOf(CHANNEL_KINDS, { error: `channel 应为 ${CHANNEL_KINDS.join(' 或 ')}` })),
      cursor: z.optional(cursor()),
      limit: z.optional(limit()),
    }),
  ),
  'filing.get': lazy(() => z.strictObject({ id: id() })),
  'review.approve': lazy(() => z.strictObject(versioned())),
  'wechat.retry': lazy(() => z.strictObject(versioned())),
  'review.reject': lazy(() => z.strictObject({ ...versioned(), reasons: reasons() })),
  'sms.record': lazy(() => z.strictObject(versioned())),
  'authority.approve': lazy(() =>
    z.strictObject({
      ...versioned(),
      recordNumber: z.string().check(z.minLength(1), z.maxLength(40)),
    }),
  ),
  'authority.reject': lazy(() => z.strictObject({ ...versioned(), reasons: reasons() })),
  'stats.get': none(),
  'admins.add': lazy(() =>
    z.strictObject({
      openid: openid(),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
      // core's phone rule, the same the form's mobiles pass: a mobile of another shape would never
      // equal a principal's, and the reviewer would silently review their own applications.
      mobile: z.optional(
        z.string().check(z.refine(isMobile, '手机号应为11位中国大陆手机号码（1开头），请核对')),
      ),
    }),
  ),
  'admins.remove': lazy(() => z.strictObject({ openid: openid() })),
  'admins.list': none(),
  'setup.run': none(),
} satisfies { [A in ActionName<'admin'>]: ParamsSchema<'admin', A> };

export const schedulerParams = {
  tick: none(),
} satisfies { [A in ActionName<'scheduler'>]: ParamsSchema<'scheduler', A> };

/** Exact type equality: optional keys, `undefined` and literal types all count. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** One object type, so `Versioned & { … }` compares equal to the same keys written out. */
type Flat<T> = { [K in keyof T]: T[K] };

/** The actions of F whose schema output is not exactly the contract's params. */
type Mismatched<F extends FunctionName, M> = {
  [A in ActionName<F>]: A extends keyof M
    ? Equal<Flat<z.output<M[A]>>, Flat<ParamsOf<F, A>>> extends true
      ? never
      : A
    : A;
}[ActionName<F>];

/**
 * Compiles only while every schema's output equals the contract's params (`satisfies` above
 * checks one direction only: a new optional param in the contract would pass it). A mismatch
 * names the action here.
 */
export const PARAMS_MATCH_CONTRACT: Record<
  | Mismatched<'filing', typeof filingParams>
  | Mismatched<'admin', typeof adminParams>
  | Mismatched<'scheduler', typeof schedulerParams>,
  never
> = {};
