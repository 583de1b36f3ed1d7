/**
 * The `/_/` routes: what a developer, a test or the browser preview needs besides the functions —
 * the clock, the timer triggers, WeChat's side of subscribe messages, and cloud storage.
 */
import { SUBSCRIBE_ANSWERS, type Envelope, type SubscribeAnswer } from '@beian/core';
import { z } from 'zod';
import { RealClockError, type LocalClock } from './clock';
import { HttpError, isOpenid, type LocalRequest, type Reply, type Route } from './http';
import { UnknownTemplateError, type LocalMessenger } from './messenger';
import { MAX_UPLOAD_BYTES, StorageRefusal, type LocalStorage, type StoredFile } from './storage';
import { findTrigger, type Schedule, type TimerTrigger } from './triggers';

export interface DevRouteDeps {
  clock: LocalClock;
  messenger: LocalMessenger;
  storage: LocalStorage;
  triggers: readonly TimerTrigger[];
  schedule: () => Schedule | null;
  /** Fires a trigger now and answers the function's envelope. */
  fire(trigger: TimerTrigger): Promise<Envelope<unknown>>;
}

const advanceBody = z.strictObject({
  advanceMs: z.number({ error: 'advanceMs 应为毫秒数，例如 {"advanceMs": 86400000}' }),
});

const subscriptionBody = z.strictObject({
  openid: z.string().refine(isOpenid, 'openid 应为 6–64 位字母、数字、- 或 _'),
  results: z.record(
    z.string().min(1).max(128),
    z.enum(SUBSCRIBE_ANSWERS, {
      error: `每个模板的答复应为 ${SUBSCRIBE_ANSWERS.slice(0, -1).join('、')} 或 ${SUBSCRIBE_ANSWERS.slice(-1).join('')}`,
    }),
  ),
});

export function devRoutes(deps: DevRouteDeps): Route[] {
  return [
    { method: 'GET', path: '/_/clock', handle: async () => clockReply(deps.clock) },
    { method: 'POST', path: '/_/clock', handle: (request) => advanceClock(deps.clock, request) },
    {
      method: 'GET',
      path: '/_/messages',
      handle: async ({ url }) => ({
        json: { messages: deps.messenger.messages(url.searchParams.get('touser') ?? undefined) },
      }),
    },
    { method: 'POST', path: '/_/subscriptions', handle: (request) => subscribe(deps.messenger, request) },
    {
      method: 'GET',
      path: '/_/subscriptions',
      handle: async ({ url }) => {
        const openid = url.searchParams.get('openid');
        if (!isOpenid(openid)) throw new HttpError(400, 'BAD_REQUEST', '请在 ?openid= 中给出用户的 openid。');
        return { json: { openid, credits: deps.messenger.creditsOf(openid) } };
      },
    },
    { method: 'GET', path: '/_/triggers', handle: async () => ({ json: { triggers: listTriggers(deps) } }) },
    {
      method: 'POST',
      path: /^\/_\/triggers\/([^/]+)$/,
      handle: async ({ params }) => {
        const trigger = findTrigger(deps.triggers, params[0] ?? '');
        if (!trigger) {
          const known = deps.triggers.map((t) => t.functionName).join('、') || '（无）';
          throw new HttpError(404, 'NOT_FOUND', `没有名为 ${params[0]} 的定时触发器。可用：${known}`);
        }
        return { json: await deps.fire(trigger) };
      },
    },
    { method: 'POST', path: '/_/storage/upload', handle: (request) => upload(deps.storage, request) },
    {
      method: 'GET',
      path: '/_/storage/file',
      handle: async ({ url, headers }) =>
        fileReply(
          await storageCall(() => {
            const openid = callerOf(url, headers['x-wx-openid']);
            return deps.storage.readOwn(url.searchParams.get('fileId') ?? '', openid);
          }),
        ),
    },
    {
      method: 'GET',
      path: /^\/_\/storage\/(filings\/.+)$/,
      handle: async ({ url, params }) => {
        const { searchParams } = url;
        return fileReply(
          await storageCall(() =>
            deps.storage.readSigned(params[0] ?? '', searchParams.get('expires'), searchParams.get('token')),
          ),
        );
      },
    },
  ];
}

function clockReply(clock: LocalClock): Reply {
  return { json: { mode: clock.mode, now: clock.now().toISOString() } };
}

async function advanceClock(clock: LocalClock, request: LocalRequest): Promise<Reply> {
  const body = advanceBody.safeParse(await request.json());
  if (!body.success) throw badRequest(body.error);
  try {
    clock.advance(body.data.advanceMs);
  } catch (error) {
    if (error instanceof RealClockError) throw new HttpError(409, 'CONFLICT', error.message);
    if (error instanceof RangeError) throw new HttpError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
  return clockReply(clock);
}

async function subscribe(messenger: LocalMessenger, request: LocalRequest): Promise<Reply> {
  const body = subscriptionBody.safeParse(await request.json());
  if (!body.success) throw badRequest(body.error);
  const { openid, results } = body.data;
  try {
    return {
      json: { openid, credits: messenger.subscribe(openid, results as Record<string, SubscribeAnswer>) },
    };
  } catch (error) {
    if (error instanceof UnknownTemplateError) throw new HttpError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
}

async function upload(storage: LocalStorage, request: LocalRequest): Promise<Reply> {
  const { url, headers } = request;
  const answer = await storageCall(async () => {
    const openid = callerOf(url, headers['x-wx-openid']);
    const cloudPath = url.searchParams.get('cloudPath');
    if (!cloudPath) throw new StorageRefusal(400, 'BAD_REQUEST', '请在 ?cloudPath= 中给出云端路径。');
    const bytes = await request.bytes(MAX_UPLOAD_BYTES);
    return storage.upload(openid, cloudPath, bytes, headers['content-type']);
  });
  return { json: answer };
}

/** The storage API's caller: the WeChat user (header `x-wx-openid` or `?openid=`). */
function callerOf(url: URL, header: string | string[] | undefined): string {
  const openid = (typeof header === 'string' ? header : null) ?? url.searchParams.get('openid');
  if (!openid)
    throw new StorageRefusal(401, 'UNAUTHENTICATED', '云存储只接受小程序用户的请求：缺少 openid。');
  if (!isOpenid(openid)) throw new StorageRefusal(400, 'BAD_REQUEST', 'openid 格式不正确。');
  return openid;
}

/** Runs a storage operation, turning its refusal into the HTTP answer. */
async function storageCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageRefusal) throw new HttpError(error.status, error.code, error.message);
    throw error;
  }
}

function fileReply(file: StoredFile): Reply {
  return { contentType: file.contentType, body: file.bytes };
}

function listTriggers(deps: DevRouteDeps) {
  const next = deps.schedule()?.nextRuns() ?? {};
  return deps.triggers.map((t) => ({
    function: t.functionName,
    name: t.name,
    cron: t.cron,
    nextRun: next[t.functionName]?.toISOString() ?? null,
  }));
}

function badRequest(error: z.ZodError): HttpError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return new HttpError(400, 'BAD_REQUEST', `${path ? `${path}：` : ''}${issue?.message ?? '请求格式不正确'}`);
}
