/**
 * The one helper every cloud function is built on: it turns a typed action map into a function
 * that takes `{ action, ...params }` and always answers the contract's envelope — an unknown
 * action is BAD_REQUEST, a refusal is its own code, and anything thrown is INTERNAL (logged, never
 * thrown to the caller).
 */
import { timingSafeEqual } from 'node:crypto';
import { safeParse, type core } from 'zod/mini';
import type { ActionName, DataOf, Envelope, FunctionName, OperatorCredentials, ParamsOf } from '@beian/core';
import { Refusal, refuse } from './errors';
import { issuesOf } from './schemas/issues';
import type { OperatorThrottle } from './operator-throttle';
import type { Logger } from './ports';

/** The largest event we accept; anything bigger is refused before it is parsed further. */
export const MAX_EVENT_BYTES = 256 * 1024;

/** What the platform says about a call: the adapters fill it from getWXContext() or the HTTP body. */
export interface Invocation {
  /** OPENID from the WeChat context — the only user identity there is. */
  openid: string | null;
  /** SOURCE from the WeChat context (`wx_client`, `wx_trigger`, …) where the platform sets it. */
  source: string | null;
}

/** Who is calling, before any function-specific policy (admin lists, ownership) is applied. */
export type Caller =
  | { kind: 'user'; openid: string }
  | { kind: 'operator'; name: string }
  | { kind: 'trigger' }
  | { kind: 'anonymous'; badOperatorKey: boolean };

/** What every function needs to resolve a caller and log a call. */
export interface BaseDeps {
  logger: Logger;
  /** BEIAN_OPERATOR_KEY; null disables operator calls entirely. */
  operatorKey: string | null;
  /** Slows down wrong operator keys; one per function instance (absent: no delay). */
  operatorThrottle?: OperatorThrottle;
}

export interface Call<Who, Deps> {
  who: Who;
  deps: Deps;
}

export interface ActionSpec<P, D, Who, Deps> {
  params: core.$ZodType<P>;
  run(params: P, call: Call<Who, Deps>): Promise<D>;
}

export type ActionMap<F extends FunctionName, Who, Deps> = {
  [A in ActionName<F>]: ActionSpec<ParamsOf<F, A>, DataOf<F, A>, Who, Deps>;
};

export interface FunctionSpec<F extends FunctionName, Who extends { kind: string }, Deps> {
  name: F;
  /** Every action of the contract: a missing one is a type error. */
  actions: ActionMap<F, Who, Deps>;
  /** Turns the caller into this function's notion of who is acting, or throws a Refusal. */
  identify(caller: Caller, action: ActionName<F>, deps: Deps): Promise<Who>;
  /** The action of an event that carries none (a timer trigger's event), if any. */
  implicitAction?(event: Record<string, unknown>): ActionName<F> | undefined;
}

export type CloudFunction<Deps> = (
  event: unknown,
  invocation: Invocation,
  deps: Deps,
) => Promise<Envelope<unknown>>;

/**
 * Keys that are never action params: the action itself, operator credentials, what the platform
 * adds to client calls (`userInfo`) and the fields of a timer trigger's event.
 */
const ENVELOPE_KEYS = new Set(['action', 'operator', 'userInfo', 'Type', 'TriggerName', 'Time', 'Message']);

export function defineFunction<F extends FunctionName, Who extends { kind: string }, Deps extends BaseDeps>(
  spec: FunctionSpec<F, Who, Deps>,
): CloudFunction<Deps> {
  return async (event, invocation, deps) => {
    const started = Date.now();
    let action = '-';
    let callerKind = 'unknown';
    let answer: Envelope<unknown>;
    try {
      const body = parseEvent(event);
      const named = typeof body.action === 'string' ? body.action : spec.implicitAction?.(body);
      // Log what was asked for, but only if it looks like an action name (no log injection).
      if (typeof named === 'string' && /^[\w.]{1,40}$/.test(named)) action = named;
      if (typeof named !== 'string' || !Object.prototype.hasOwnProperty.call(spec.actions, named)) {
        throw refuse.badRequest(
          typeof named === 'string' ? `不支持的操作：${named.slice(0, 40)}` : '请求缺少 action。',
        );
      }
      const actionSpec = spec.actions[named as ActionName<F>];
      const caller = resolveCaller(body, invocation, deps.operatorKey);
      callerKind = caller.kind;
      if (caller.kind === 'operator') deps.operatorThrottle?.rightKey();
      if (caller.kind === 'anonymous' && caller.badOperatorKey)
        await deps.operatorThrottle?.wrongKey(deps.logger);
      const who = await spec.identify(caller, named as ActionName<F>, deps);
      callerKind = who.kind;
      const params = parseParams(actionSpec.params, body);
      answer = { ok: true, data: await actionSpec.run(params as never, { who, deps }) };
    } catch (error) {
      answer = toFailure(error, deps.logger, `${spec.name} ${action}`);
    }
    const code = answer.ok ? 'OK' : answer.error.code;
    deps.logger.info(`${spec.name} ${action} ${callerKind} ${code} ${Date.now() - started}ms`);
    return answer;
  };
}

function parseEvent(event: unknown): Record<string, unknown> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw refuse.badRequest('请求格式不正确：应为 JSON 对象。');
  }
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(event), 'utf8');
  } catch {
    throw refuse.badRequest('请求格式不正确：无法序列化。');
  }
  if (size > MAX_EVENT_BYTES) {
    throw refuse.badRequest('请求过大（超过 256 KB），请减少一次提交的内容。');
  }
  const forbidden = forbiddenKeyIn(event);
  if (forbidden) throw refuse.badRequest(`请求含有不允许的字段名：${forbidden}`);
  return event as Record<string, unknown>;
}

/**
 * Keys that reach an object's prototype when copied (`params.__proto__ = …` sets it), at any
 * depth. JSON.parse makes them own properties, which a later copy or merge would turn into a
 * prototype: refused outright, since no field of ours has such a name.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeyIn(value: unknown, depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return key;
    const found = forbiddenKeyIn((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return null;
}

function resolveCaller(
  body: Record<string, unknown>,
  invocation: Invocation,
  operatorKey: string | null,
): Caller {
  if (invocation.openid) return { kind: 'user', openid: invocation.openid };
  const operator = body.operator;
  if (operator !== undefined) {
    const credentials = operator as Partial<OperatorCredentials> | null;
    const name = typeof credentials?.name === 'string' ? credentials.name.trim() : '';
    const key = typeof credentials?.key === 'string' ? credentials.key : '';
    if (operatorKey && name && keysMatch(key, operatorKey))
      return { kind: 'operator', name: name.slice(0, 40) };
    return { kind: 'anonymous', badOperatorKey: true };
  }
  // A timer event's fields can be forged by any caller that has no OPENID — but such a caller
  // (console, HTTP API) is already privileged, and a mini-program user always has an OPENID.
  const fromTrigger = invocation.source?.split(',')[0] === 'wx_trigger' || body.Type === 'Timer';
  if (fromTrigger) return { kind: 'trigger' };
  return { kind: 'anonymous', badOperatorKey: false };
}

function keysMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseParams<P>(schema: core.$ZodType<P>, body: Record<string, unknown>): P {
  // No prototype to reach, whatever a key is called.
  const params = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(body)) {
    if (!ENVELOPE_KEYS.has(key)) params[key] = value;
  }
  const parsed = safeParse(schema, params, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw refuse.badRequest('请求参数不正确，请检查后重试。', issuesOf(parsed.error));
}

function toFailure(error: unknown, logger: Logger, where: string): Envelope<never> {
  if (error instanceof Refusal) return { ok: false, error: error.failure };
  logger.error(`${where} INTERNAL`, error);
  return { ok: false, error: { code: 'INTERNAL', message: '服务暂时出错，请稍后重试。' } };
}
