/**
 * The local cloud's HTTP surface (local/README.md). `POST /functions/<name>` with
 * `{ event, context: { openid? } }` runs that function as the platform would and answers its
 * envelope as JSON. Everything under `/_/` is for development and tests (routes given by the
 * cloud); extra handlers (the browser preview) get whatever is left. Requests from anyone but
 * this machine's own programs and the preview page are refused first (http-guard.ts). Failures of
 * the local cloud itself answer `{ ok: false, error: { code, message } }` with a matching HTTP
 * status.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Envelope, ErrorCode } from '@beian/core';
import type { Invocation } from '../server/action-map';
import type { CallLog } from './call-log';
import { refusal } from './http-guard';

/** A JSON body larger than this is refused before parsing (the functions' own limit is 256 KB). */
const MAX_JSON_BYTES = 1024 * 1024;
/** What the platform's OPENIDs look like (and what the back end accepts as one). */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

export type FunctionRunner = (
  name: string,
  event: unknown,
  invocation: Invocation,
) => Promise<Envelope<unknown>> | null;

/** Thrown by a route: answered as `{ ok: false, error }` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface LocalRequest {
  method: string;
  url: URL;
  /** The capture groups of the route's path pattern. */
  params: string[];
  headers: IncomingHttpHeaders;
  /** The body as JSON (`{}` when empty); 400 when it is not JSON. */
  json(): Promise<unknown>;
  /** The raw body; 413 past `limit` bytes. */
  bytes(limit: number): Promise<Buffer>;
}

export type Reply =
  { status?: number; json: unknown } | { status?: number; contentType: string; body: Buffer };

export interface Route {
  method: 'GET' | 'POST';
  /** An exact path, or a pattern whose groups become `params`. */
  path: string | RegExp;
  handle(request: LocalRequest): Promise<Reply>;
}

/** Answers the request and returns true, or returns false to leave it to the next handler. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface HttpOptions {
  runFunction: FunctionRunner;
  routes?: readonly Route[];
  handlers?: readonly RequestHandler[];
  callLog: CallLog;
}

export interface LocalHttpServer {
  server: Server;
  /** Resolves once no request is in flight. */
  drained(): Promise<void>;
}

export function createHttpServer(options: HttpOptions): LocalHttpServer {
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const server = createServer((request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
    });
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const started = Date.now();
    void options.callLog.within(`${request.method ?? '-'} ${pathname}`, async () => {
      await handle(options, request, response);
      options.callLog.settle(`${response.statusCode} ${Date.now() - started}ms`);
    });
  });
  return {
    server,
    drained: () =>
      inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting = [...waiting, resolve];
          }),
  };
}

async function handle(
  options: HttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  try {
    guard(request, url.pathname);
    const fn = /^\/functions\/([^/]+)$/.exec(url.pathname);
    if (fn) {
      if (request.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', '云函数请用 POST 调用。');
      return await runFunction(options, decodePath(fn[1] ?? ''), request, response);
    }
    const matches = (options.routes ?? []).flatMap((route) => {
      const params = matchPath(route.path, url.pathname);
      return params ? [{ route, params }] : [];
    });
    const match = matches.find((m) => m.route.method === request.method);
    if (match) return reply(response, await match.route.handle(localRequest(request, url, match.params)));
    for (const handler of options.handlers ?? []) {
      if (await handler(request, response)) return;
    }
    if (matches.length > 0) {
      const allowed = [...new Set(matches.map((m) => m.route.method))].join('、');
      throw new HttpError(405, 'BAD_REQUEST', `${url.pathname} 只接受 ${allowed} 请求。`);
    }
    throw new HttpError(404, 'NOT_FOUND', `没有这个地址：${request.method} ${url.pathname}`);
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    if (error instanceof HttpError)
      return sendJson(response, error.status, failure(error.code, error.message));
    options.callLog.logger.error('local cloud INTERNAL', error);
    sendJson(response, 500, failure('INTERNAL', '本地云内部错误，详见终端日志。'));
  }
}

/** Refuses, before anything is read or run, what a caller other than our own sends. */
function guard(request: IncomingMessage, pathname: string): void {
  const refused = refusal(request, pathname);
  if (!refused) return;
  throw new HttpError(refused.status, refused.status === 415 ? 'BAD_REQUEST' : 'FORBIDDEN', refused.message);
}

async function runFunction(
  options: HttpOptions,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readJson(request);
  const { event, context } = (typeof body === 'object' && body !== null ? body : {}) as {
    event?: unknown;
    context?: unknown;
  };
  const answer = options.runFunction(name, event ?? {}, invocationOf(context));
  if (!answer) throw new HttpError(404, 'NOT_FOUND', `没有名为 ${name} 的云函数。`);
  sendJson(response, 200, await answer);
}

/**
 * The platform's view of the caller: a mini-program user (OPENID, SOURCE `wx_client`) or none
 * (console, HTTP API). An OPENID the platform could never give is a bad request, not a user.
 */
function invocationOf(context: unknown): Invocation {
  const { openid, source } = (typeof context === 'object' && context !== null ? context : {}) as {
    openid?: unknown;
    source?: unknown;
  };
  if (openid !== undefined && openid !== null && openid !== '') {
    if (typeof openid !== 'string' || !OPENID.test(openid)) {
      throw new HttpError(400, 'BAD_REQUEST', 'context.openid 格式不正确：应为 6–64 位字母、数字、- 或 _。');
    }
  }
  const user = typeof openid === 'string' && openid !== '' ? openid : null;
  return {
    openid: user,
    source: typeof source === 'string' && source !== '' ? source : user ? 'wx_client' : null,
  };
}

export function isOpenid(value: unknown): value is string {
  return typeof value === 'string' && OPENID.test(value);
}

function matchPath(path: string | RegExp, pathname: string): string[] | null {
  if (typeof path === 'string') return path === pathname ? [] : null;
  const match = path.exec(pathname);
  return match ? match.slice(1).map((group) => decodePath(group ?? '')) : null;
}

function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', '地址中的编码不正确。');
  }
}

function localRequest(request: IncomingMessage, url: URL, params: string[]): LocalRequest {
  return {
    method: request.method ?? 'GET',
    url,
    params,
    headers: request.headers,
    json: () => readJson(request),
    bytes: (limit) => readBytes(request, limit),
  };
}

async function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) throw new HttpError(413, 'BAD_REQUEST', '请求体过大。');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, 'BAD_REQUEST', '请求体过大。');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBytes(request, MAX_JSON_BYTES)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', '请求体不是合法的 JSON。');
  }
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function reply(response: ServerResponse, answer: Reply): void {
  if ('json' in answer) return sendJson(response, answer.status ?? 200, answer.json);
  response.writeHead(answer.status ?? 200, {
    'content-type': answer.contentType,
    'content-length': answer.body.length,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(answer.body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
