/**
 * One HTTP call to WeChat's API, at the configured base URL (the real API, or the local cloud's
 * emulator). WeChat answers HTTP 200 with `errcode` even on error: a non-zero errcode becomes a
 * WeChatError, -1 (busy) is retried with backoff, and nothing here ever logs a token.
 */
import type { WeChatEndpoints, WeChatPath } from './api';
import { WeChatError } from './errors';

export type Fetch = typeof fetch;

/** Waits before the 2nd and 3rd try of a busy (-1) answer. */
const BUSY_BACKOFF_MS = [200, 800];
const TIMEOUT_MS = 10_000;

export interface UploadPart {
  fields: Record<string, string>;
  file: { filename: string; contentType: string; bytes: Uint8Array };
}

export interface TransportOptions {
  apiBase: string;
  fetch?: Fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class WeChatTransport {
  private readonly fetch: Fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** A JSON POST (or a GET when `body` is null), with `access_token` in the query when given. */
  call<P extends WeChatPath>(
    path: P,
    query: Record<string, string>,
    body: WeChatEndpoints[P][0],
  ): Promise<WeChatEndpoints[P][1]> {
    return this.withRetry(path, () =>
      body === null
        ? this.send(path, query, { method: 'GET' })
        : this.send(path, query, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
    ) as Promise<WeChatEndpoints[P][1]>;
  }

  /** A multipart POST (`upload_icp_media`). */
  upload(path: string, query: Record<string, string>, part: UploadPart): Promise<Record<string, unknown>> {
    return this.withRetry(path, () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(part.fields)) form.append(name, value);
      // A copy on its own ArrayBuffer: Blob refuses views that may sit on shared memory.
      const blob = new Blob([new Uint8Array(part.file.bytes)], { type: part.file.contentType });
      form.append('media', blob, part.file.filename);
      return this.send(path, query, { method: 'POST', body: form });
    });
  }

  private async withRetry(path: string, attempt: () => Promise<Record<string, unknown>>) {
    for (let tries = 0; ; tries += 1) {
      const answer = await attempt();
      const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0;
      if (errcode === 0) return answer;
      const error = new WeChatError(path, errcode, String(answer.errmsg ?? ''), undefined, hintsOf(answer));
      const wait = BUSY_BACKOFF_MS[tries];
      if (error.kind !== 'busy' || wait === undefined) throw error;
      await this.sleep(wait);
    }
  }

  private async send(path: string, query: Record<string, string>, init: RequestInit) {
    const url = `${this.options.apiBase}${path}${query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
    let text: string;
    try {
      const response = await this.fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      text = await response.text();
    } catch (error) {
      throw new WeChatError(path, 0, error instanceof Error ? error.name : 'fetch failed', 'transport');
    }
    try {
      const answer: unknown = JSON.parse(text);
      if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) {
        return answer as Record<string, unknown>;
      }
    } catch {
      // fall through: not JSON
    }
    throw new WeChatError(path, 0, '微信接口的答复不是 JSON', 'transport');
  }
}

function hintsOf(answer: Record<string, unknown>): WeChatError['hints'] {
  return Array.isArray(answer.hints) ? (answer.hints as WeChatError['hints']) : [];
}
