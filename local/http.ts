/**
 * The local cloud's HTTP surface (DESIGN.md § The local cloud). `POST /functions/<name>` with
 * `{ event, context: { openid? } }` runs that function as the platform would and answers its
 * envelope as JSON. Everything else under `/_/` is for development and tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Envelope } from '@beian/core';
import type { Invocation } from '../server/action-map';

/** A request body larger than this is refused before parsing (the functions' own limit is 256 KB). */
const MAX_BODY_BYTES = 1024 * 1024;

export type FunctionRunner = (
  name: string,
  event: unknown,
  invocation: Invocation,
) => Promise<Envelope<unknown>> | null;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(body: unknown, request: IncomingMessage): Promise<unknown>;
}

export interface HttpOptions {
  runFunction: FunctionRunner;
  routes?: Route[];
}

export function createHttpServer(options: HttpOptions): Server {
  return createServer((request, response) => {
    void handle(options, request, response);
  });
}

async function handle(
  options: HttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  try {
    const fn = /^\/functions\/([a-z]+)$/.exec(url.pathname);
    if (fn && request.method === 'POST') return await runFunction(options, fn[1] ?? '', request, response);
    const route = options.routes?.find((r) => r.path === url.pathname && r.method === request.method);
    if (route) {
      const body = request.method === 'POST' ? await readJson(request) : undefined;
      return send(response, 200, await route.handle(body, request));
    }
    send(response, 404, failure('NOT_FOUND', `没有这个地址：${request.method} ${url.pathname}`));
  } catch (error) {
    if (error instanceof BadBody) return send(response, 400, failure('BAD_REQUEST', error.message));
    send(response, 500, failure('INTERNAL', '本地云内部错误，详见终端日志。'));
    console.error(error);
  }
}

async function runFunction(
  options: HttpOptions,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = (await readJson(request)) as { event?: unknown; context?: unknown } | null;
  const answer = options.runFunction(name, body?.event ?? {}, invocationOf(body?.context));
  if (!answer) return send(response, 404, failure('NOT_FOUND', `没有名为 ${name} 的云函数。`));
  send(response, 200, await answer);
}

/** The platform's view of the caller: an openid (a mini-program user) or none (console, timer). */
function invocationOf(context: unknown): Invocation {
  const { openid, source } = (typeof context === 'object' && context !== null ? context : {}) as {
    openid?: unknown;
    source?: unknown;
  };
  return {
    openid: typeof openid === 'string' && openid !== '' ? openid : null,
    source: typeof source === 'string' && source !== '' ? source : null,
  };
}

class BadBody extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadBody('请求体过大。');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadBody('请求体不是合法的 JSON。');
  }
}

function failure(code: 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
}
