/**
 * The development routes of the emulated open platform: what people do on WeChat's side — an
 * administrator authorizing Beian or finishing face verification, WeChat and the authority
 * reviewing a filing — and the log of calls the API received. The shapes of the first four are a
 * fixed contract (local/README.md § The emulated open platform): tests outside this repo use them.
 */
import { z } from 'zod';
import { HttpError, type LocalRequest, type Reply, type Route } from '../http';
import { ReviewRefusal, type OrderBook } from './orders';
import { PushFailed, type Pusher } from './push';
import { OUTCOMES } from './review';
import type { StateFile } from './state';
import type { TokenLayer } from './tokens';
import { VerifyTaskRefusal, type VerifyTasks } from './verify-tasks';

export interface WeChatDevDeps {
  file: StateFile;
  tokens: TokenLayer;
  tasks: VerifyTasks;
  orders: OrderBook;
  pusher: Pusher;
  componentAppid: string;
  /** Pushes a fresh component_verify_ticket when one is due. */
  ensureTicket(): Promise<void>;
}

const APPID = /^wx[0-9a-f]{16}$/i;

const appidBody = z.strictObject({
  appid: z.string({ error: '请给出小程序的 appid，例如 {"appid": "wx1234567890abcdef"}' }).regex(APPID, {
    error: 'appid 应为 wx 加 16 位十六进制字符',
  }),
});

const reviewBody = z.strictObject({
  outcome: z.enum(OUTCOMES, { error: `outcome 应为 ${OUTCOMES.join('、')} 之一` }),
  auditData: z
    .array(z.strictObject({ key_name: z.string(), error: z.string(), suggest: z.string() }), {
      error: 'auditData 应为 [{ key_name, error, suggest }] 的数组',
    })
    .optional(),
});

const faceBody = z.strictObject({
  face_status: z.union([z.literal(2), z.literal(3)], { error: 'face_status 应为 3（成功）或 2（失败）' }),
});

export function wechatDevRoutes(deps: WeChatDevDeps): Route[] {
  return [
    { method: 'POST', path: '/_/wechat/authorize', handle: (request) => authorize(deps, request) },
    { method: 'POST', path: '/_/wechat/unauthorize', handle: (request) => unauthorize(deps, request) },
    { method: 'GET', path: '/_/wechat/requests', handle: async () => ({ json: deps.file.state.requests }) },
    {
      method: 'GET',
      path: '/_/wechat/deliveries',
      handle: async () => ({ json: { deliveries: deps.pusher.deliveries() } }),
    },
    {
      method: 'POST',
      path: /^\/_\/wechat\/icp\/([^/]+)\/review$/,
      handle: (request) => review(deps, request),
    },
    {
      method: 'POST',
      path: /^\/_\/wechat\/verify-tasks\/([^/]+)$/,
      handle: (request) => finishTask(deps, request),
    },
  ];
}

async function authorize(deps: WeChatDevDeps, request: LocalRequest): Promise<Reply> {
  const { appid } = parse(appidBody, await request.json());
  if (appid === deps.componentAppid)
    throw new HttpError(400, 'BAD_REQUEST', '这是第三方平台自己的 appid，请给出小程序的 appid。');
  // WeChat has always pushed a ticket before an administrator can reach the authorization page.
  await deps.ensureTicket();
  const granted = deps.tokens.authorize(appid);
  await pushed(
    deps.pusher.component('authorized', {
      AuthorizerAppid: appid,
      AuthorizationCode: granted.code,
      AuthorizationCodeExpiredTime: Math.floor(granted.expiresAt / 1000),
      PreAuthCode: granted.preAuthCode,
    }),
  );
  return {
    json: {
      appid,
      authorization_code: granted.code,
      expires_at: new Date(granted.expiresAt).toISOString(),
      func_scopes: [18, 156],
    },
  };
}

async function unauthorize(deps: WeChatDevDeps, request: LocalRequest): Promise<Reply> {
  const { appid } = parse(appidBody, await request.json());
  if (!deps.tokens.unauthorize(appid))
    throw new HttpError(404, 'NOT_FOUND', `小程序 ${appid} 没有授权给本平台。`);
  await pushed(deps.pusher.component('unauthorized', { AuthorizerAppid: appid }));
  return { json: { appid, authorized: false } };
}

async function review(deps: WeChatDevDeps, request: LocalRequest): Promise<Reply> {
  const appid = request.params[0] ?? '';
  if (!APPID.test(appid))
    throw new HttpError(400, 'BAD_REQUEST', '地址中的 appid 应为 wx 加 16 位十六进制字符。');
  const { outcome, auditData } = parse(reviewBody, await request.json());
  let answer;
  try {
    answer = deps.orders.review(appid, outcome, auditData);
  } catch (error) {
    if (!(error instanceof ReviewRefusal)) throw error;
    throw new HttpError(error.status, error.status === 404 ? 'NOT_FOUND' : 'INVALID_STATE', error.message);
  }
  // WeChat pushes a ticket every 10 minutes whatever happens; on a manual clock the emulator does
  // it on demand, so it must before a push that makes Beian call the API (docs/wechat-platform.md
  // § Tokens): after a long clock jump Beian would otherwise ask with a ticket long expired (61005).
  await deps.ensureTicket();
  await pushed(
    deps.pusher.authorizer(appid, 'notify_apply_icpfiling_result', {
      authorizer_appid: appid,
      beian_status: answer.status,
    }),
  );
  return { json: answer };
}

async function finishTask(deps: WeChatDevDeps, request: LocalRequest): Promise<Reply> {
  const taskId = request.params[0] ?? '';
  const { face_status: faceStatus } = parse(faceBody, await request.json());
  let finished;
  try {
    finished = deps.tasks.finish(taskId, faceStatus);
  } catch (error) {
    if (!(error instanceof VerifyTaskRefusal)) throw error;
    throw new HttpError(error.status, error.status === 404 ? 'NOT_FOUND' : 'INVALID_STATE', error.message);
  }
  await deps.ensureTicket(); // as before the review's push
  await pushed(
    deps.pusher.authorizer(finished.appid, 'notify_icpfiling_verify_result', {
      task_id: taskId,
      verify_appid: finished.appid,
      result: faceStatus,
      ...(finished.alongWithAuthResult === null
        ? {}
        : { along_with_auth_result: finished.alongWithAuthResult }),
    }),
  );
  return { json: { task_id: taskId, face_status: faceStatus, is_finish: true } };
}

/** The state moved either way; a push the sink refused is reported, so the failure is seen. */
async function pushed(delivery: Promise<unknown>): Promise<void> {
  try {
    await delivery;
  } catch (error) {
    if (error instanceof PushFailed) throw new HttpError(502, 'INTERNAL', `${error.message}（状态已改变）`);
    throw error;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new HttpError(400, 'BAD_REQUEST', `${path ? `${path}：` : ''}${issue?.message ?? '请求格式不正确'}`);
}
