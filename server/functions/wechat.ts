/**
 * The fourth function, `wechat`: Beian's door for WeChat, bound to CloudBase's HTTP access
 * service (docs/wechat-platform.md § Event intake). Three paths under it:
 *
 * - `POST …/auth`: the 授权事件接收 URL (verify tickets, authorizations, revocations);
 * - `POST …/events/<appid>`: the 消息与事件接收 URL, registered as `…/events/$APPID$`
 *   (ICP filing results, face-verification results);
 * - `GET …/authorized?auth_code=`: where the authorization page sends the administrator back.
 *
 * It never throws to the platform: every outcome is an HTTP answer, `success` when handled.
 */
import type { ServerDeps } from '../deps';
import { followAppid } from '../channel/follow';
import { takeIn, type IntakeAnswer } from '../wechat/intake';

/** What CloudBase's HTTP access service passes to a function (集成请求). */
export interface HttpAccessEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpAccessAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export async function wechat(event: unknown, deps: ServerDeps): Promise<HttpAccessAnswer> {
  try {
    const request = asHttpEvent(event);
    const path = request.path ?? '';
    const method = (request.httpMethod ?? '').toUpperCase();
    if (method === 'POST' && /\/(auth|events(\/[^/]+)?)\/?$/.test(path)) {
      const body = request.isBase64Encoded
        ? Buffer.from(request.body ?? '', 'base64').toString('utf8')
        : request.body;
      const answer = await takeIn(
        {
          platform: deps.wechat.platform,
          records: deps.store.platform,
          clock: deps.clock,
          logger: deps.logger,
          follow: (appid) => followAppid(deps, appid),
        },
        { query: request.queryStringParameters ?? {}, body: body ?? '' },
      );
      return text(answer);
    }
    if (method === 'GET' && /\/authorized\/?$/.test(path)) return await authorizedRedirect(request, deps);
    return text({ status: 400, body: 'unknown path' });
  } catch (error) {
    deps.logger.error('wechat intake failed', error);
    return text({ status: 500, body: 'retry' });
  }
}

async function authorizedRedirect(request: HttpAccessEvent, deps: ServerDeps): Promise<HttpAccessAnswer> {
  const code = request.queryStringParameters?.auth_code ?? '';
  const platform = deps.wechat.platform;
  if (!platform || !/^[\w@-]{1,512}$/.test(code))
    return page(400, '授权链接不完整，请回到备案助手重新获取授权链接。');
  const authorization = await platform.tokens.authorize(code);
  deps.logger.info(`wechat authorized by redirect: ${authorization.appid}`);
  return page(200, '授权成功。请回到备案助手继续办理备案。');
}

function asHttpEvent(event: unknown): HttpAccessEvent {
  return typeof event === 'object' && event !== null ? (event as HttpAccessEvent) : {};
}

function text(answer: IntakeAnswer): HttpAccessAnswer {
  return {
    statusCode: answer.status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: answer.body,
    isBase64Encoded: false,
  };
}

function page(statusCode: number, message: string): HttpAccessAnswer {
  const body = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>备案助手</title><p style="font:18px sans-serif;margin:40px">${message}</p>`;
  return {
    statusCode,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body,
    isBase64Encoded: false,
  };
}
