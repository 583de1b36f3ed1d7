/**
 * The emulated API over HTTP: `<cloud>/_/wechat/api` + WeChat's own path, so Beian's client, given
 * this base URL instead of https://api.weixin.qq.com, cannot tell the difference. As WeChat does,
 * every answer is HTTP 200 with `{ errcode, errmsg, … }` (the token chain's successes carry no
 * errcode, as WeChat's do), checked in WeChat's order: the path (40066), the method (43002), the
 * token (41001, 40001, 42001), the body (47001), then the endpoint's own rules. Every call is
 * logged for `GET /_/wechat/requests`, the appsecret masked.
 */
import type { LocalRequest, Reply, Route } from '../http';
import { isMediaBytes, type ApiCall, type Endpoint } from './endpoints';
import { MORE_ERRCODE, WeChatError } from './errors';
import { MAX_MEDIA_BYTES } from './media';
import { boundaryOf, MultipartError, parseMultipart, type FormData } from './multipart';
import { MASKED } from './secrets';
import type { StateFile } from './state';
import type { TokenLayer } from './tokens';

export const API_PREFIX = '/_/wechat/api';
const API_PATH = /^\/_\/wechat\/api(\/.*)$/;
const MAX_JSON_BYTES = 1024 * 1024;

export interface ApiRouteDeps {
  endpoints: Readonly<Record<string, Endpoint>>;
  tokens: TokenLayer;
  file: StateFile;
  /** Runs before every call: WeChat's ticket pushes follow the clock. */
  beforeCall(): Promise<void>;
}

interface Read {
  body: Record<string, unknown>;
  form: FormData | null;
  /** What the log shows of the body. */
  logged: unknown;
}

export function apiRoutes(deps: ApiRouteDeps): Route[] {
  const handle = (request: LocalRequest): Promise<Reply> => call(deps, request);
  return [
    { method: 'GET', path: API_PATH, handle },
    { method: 'POST', path: API_PATH, handle },
  ];
}

async function call(deps: ApiRouteDeps, request: LocalRequest): Promise<Reply> {
  await deps.beforeCall();
  const path = request.params[0] ?? '';
  const query = request.url.searchParams;
  let read: Read = { body: {}, form: null, logged: null };
  let answer: object;
  let reply: Reply;
  try {
    const endpoint = Object.prototype.hasOwnProperty.call(deps.endpoints, path)
      ? deps.endpoints[path]
      : undefined;
    if (!endpoint) throw new WeChatError(MORE_ERRCODE.invalidUrl);
    if (endpoint.method === 'POST' && request.method !== 'POST')
      throw new WeChatError(MORE_ERRCODE.requirePost);
    const appid = authorize(deps.tokens, endpoint, query);
    if (request.method === 'POST') read = await readBody(request, endpoint);
    const result = endpoint.handle({ query, body: read.body, form: read.form, appid } satisfies ApiCall);
    if (isMediaBytes(result)) {
      answer = { contentType: result.contentType, bytes: result.bytes.length };
      reply = { contentType: result.contentType, body: result.bytes };
    } else {
      answer = result;
      reply = { json: result };
    }
  } catch (error) {
    if (!(error instanceof WeChatError)) throw error;
    answer = error.answer();
    reply = { json: answer };
  }
  deps.file.logRequest({
    method: request.method,
    path,
    query: Object.fromEntries(query),
    body: read.logged,
    response: answer,
  });
  return reply;
}

/** The authorizer appid of the call ('' for the component's own calls). */
function authorize(tokens: TokenLayer, endpoint: Endpoint, query: URLSearchParams): string {
  if (endpoint.auth === 'none') return '';
  // The component endpoints name their token component_access_token; access_token is taken too.
  const token =
    (endpoint.auth === 'component' ? query.get('component_access_token') : null) ?? query.get('access_token');
  if (!token) throw new WeChatError(MORE_ERRCODE.missingToken);
  if (endpoint.auth === 'component') {
    tokens.checkComponentToken(token);
    return '';
  }
  return tokens.appidOf(token);
}

async function readBody(request: LocalRequest, endpoint: Endpoint): Promise<Read> {
  if (endpoint.multipart) {
    const boundary = boundaryOf(request.headers['content-type']);
    if (!boundary) throw new WeChatError(MORE_ERRCODE.dataFormat, '应为 multipart/form-data');
    const bytes = await request.bytes(MAX_MEDIA_BYTES + 64 * 1024);
    let form: FormData;
    try {
      form = parseMultipart(bytes, boundary);
    } catch (error) {
      if (error instanceof MultipartError) throw new WeChatError(MORE_ERRCODE.dataFormat, error.message);
      throw error;
    }
    const media = form.files.media;
    const logged = {
      ...form.fields,
      ...(media
        ? { media: { filename: media.filename, contentType: media.contentType, bytes: media.bytes.length } }
        : {}),
    };
    return { body: {}, form, logged };
  }
  const text = (await request.bytes(MAX_JSON_BYTES)).toString('utf8');
  if (text.trim() === '') return { body: {}, form: null, logged: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WeChatError(MORE_ERRCODE.dataFormat, '请求体不是合法的 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WeChatError(MORE_ERRCODE.dataFormat, '请求体应为 JSON 对象');
  }
  const body = parsed as Record<string, unknown>;
  const logged = 'component_appsecret' in body ? { ...body, component_appsecret: MASKED } : body;
  return { body, form: null, logged };
}
