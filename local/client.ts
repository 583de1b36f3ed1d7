/**
 * Talking to a running local cloud over its HTTP contract, as `npm run call` and `npm run seed` do:
 * where it listens, the operator credentials of its data folder, and typed function calls.
 */
import type { ActionName, DataOf, Envelope, FunctionName, OperatorCredentials, ParamsOf } from '@beian/core';
import { DEFAULT_PORT, readOperatorKey, runningCloud, type DataDir } from './data-dir';

/** $PORT when set, else where the cloud serving the data folder said it listens (null: none does). */
export function cloudUrl(dir: DataDir, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PORT?.trim()) return `http://127.0.0.1:${env.PORT.trim()}`;
  return runningCloud(dir)?.url ?? null;
}

export const DEFAULT_URL = `http://127.0.0.1:${DEFAULT_PORT}`;

/** The console's credentials: $BEIAN_OPERATOR_KEY or the data folder's key, by $USER's name. */
export function operatorOf(dir: DataDir, env: NodeJS.ProcessEnv = process.env): OperatorCredentials | null {
  const key = env.BEIAN_OPERATOR_KEY || readOperatorKey(dir);
  if (!key) return null;
  return { name: (env.USER || env.USERNAME || 'console').slice(0, 40), key };
}

export class CloudUnreachable extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `无法连接本地云 ${url}（${cause instanceof Error ? cause.message : String(cause)}）：` +
        '先在另一个终端运行 npm start（或设置 PORT / BEIAN_DATA_DIR 指向它）。',
    );
    this.name = 'CloudUnreachable';
  }
}

/**
 * A call typed by the function contract: who calls (an openid, or the console's operator), then
 * the function, the action and its params. The answer is the envelope the contract names for them
 * (`Envelope<never>` is what the untyped `invoke` answer is narrowed to, and fits every one).
 */
type TypedCall<Caller> = <F extends FunctionName, A extends ActionName<F>>(
  caller: Caller,
  fn: F,
  action: A,
  params: ParamsOf<F, A>,
) => Promise<Envelope<DataOf<F, A>>>;

export class CloudClient {
  constructor(readonly url: string) {}

  /** `POST /functions/<name>` as the platform would receive it; `openid` null is a console call. */
  async invoke(fn: string, event: unknown, openid: string | null): Promise<Envelope<unknown>> {
    const context = openid ? { openid } : {};
    return (await this.request('POST', `/functions/${fn}`, { event, context })) as Envelope<unknown>;
  }

  /** A typed call as a mini-program user. */
  readonly as: TypedCall<string> = async (openid, fn, action, params) =>
    (await this.invoke(fn, { action, ...(params as object) }, openid)) as Envelope<never>;

  /** A typed console call with operator credentials. */
  readonly operator: TypedCall<OperatorCredentials> = async (credentials, fn, action, params) =>
    (await this.invoke(
      fn,
      { action, ...(params as object), operator: credentials },
      null,
    )) as Envelope<never>;

  async request(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        // Every POST says JSON, even without a body: the local cloud refuses any other type.
        headers: method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CloudUnreachable(this.url, error);
    }
    return (await response.json()) as unknown;
  }

  /** Whether a local cloud answers at this address. */
  async reachable(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/_/clock`);
      return response.ok;
    } catch {
      return false;
    }
  }

  /** `wx.cloud.uploadFile` as the user `openid`. */
  async upload(openid: string, cloudPath: string, bytes: Uint8Array, contentType: string): Promise<string> {
    const response = await fetch(`${this.url}/_/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-wx-openid': openid },
      // A copy on its own ArrayBuffer: what fetch's body types accept.
      body: new Uint8Array(bytes),
    });
    const answer = (await response.json()) as { fileID?: string; error?: { message?: string } };
    if (!response.ok || !answer.fileID) throw new Error(`上传 ${cloudPath} 失败：${answer.error?.message}`);
    return answer.fileID;
  }
}
