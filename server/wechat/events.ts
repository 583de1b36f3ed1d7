/**
 * What the open platform pushes, from the HTTP request to a typed event (parsed in event-parse.ts),
 * its dedupe key, and the inverse for the emulated WeChat.
 */
import { type CryptoErrorKind, decryptMessage, encryptMessage, type WeChatSecrets } from './crypto';
import { type EventError, parseEvent, type WeChatEvent } from './event-parse';
import { parseFields, textField } from './fields';
import { toXml } from './xml';

export {
  parseEvent,
  type EventBase,
  type EventError,
  type EventResult,
  type WeChatEvent,
} from './event-parse';

/** JSON with sorted keys, so the same fields in another order give the same key. */
function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(canonical);
  const record = value as Record<string, unknown>;
  return Object.keys(record)
    .sort()
    .map((k) => [k, canonical(record[k])]);
}

function distinguishing(event: WeChatEvent): unknown[] {
  switch (event.type) {
    case 'component_verify_ticket':
      return [event.ticket];
    case 'authorized':
    case 'updateauthorized':
      return [event.authorizerAppid, event.authorizationCode];
    case 'unauthorized':
      return [event.authorizerAppid];
    case 'notify_apply_icpfiling_result':
      return [event.authorizerAppid, event.beianStatus];
    case 'notify_icpfiling_verify_result':
      return [event.taskId, event.result];
    case 'notify_3rd_wxa_auth_and_icp':
      return [event.procedureId, event.procedureStatus];
    case 'unknown':
      return [event.rawType, canonical(event.fields)];
  }
}

/**
 * The same for every delivery of one push: WeChat retries up to three times when it does not hear
 * "success" in time, with the same message, so the intake stores this key and skips a repeat.
 */
export function eventKey(event: WeChatEvent): string {
  return JSON.stringify([
    event.type,
    event.appId ?? event.toUserName ?? '',
    event.createTime,
    ...distinguishing(event),
  ]);
}

export interface PushRequest {
  /** The URL's query: msg_signature, timestamp, nonce (and encrypt_type=aes, not needed here). */
  readonly query: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

export type EnvelopeResult =
  | { readonly ok: true; readonly event: WeChatEvent }
  | { readonly ok: false; readonly error: 'query' | 'body' | CryptoErrorKind; readonly detail: string }
  | ({ readonly ok: false } & EventError);

function single(query: PushRequest['query'], name: string): string | undefined {
  const value = query[name];
  // A repeated parameter is not something WeChat sends; picking one would be a guess.
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Verifies, decrypts and parses one push; never throws. */
export function openEnvelope(secrets: WeChatSecrets, request: PushRequest): EnvelopeResult {
  const msgSignature = single(request.query, 'msg_signature');
  const timestamp = single(request.query, 'timestamp');
  const nonce = single(request.query, 'nonce');
  if (!msgSignature || !timestamp || !nonce) {
    return { ok: false, error: 'query', detail: 'msg_signature, timestamp and nonce are required' };
  }
  const envelope = parseFields(request.body);
  const encrypt = envelope && textField(envelope, 'Encrypt');
  if (!encrypt) return { ok: false, error: 'body', detail: 'no Encrypt in an XML or JSON body' };
  const opened = decryptMessage(secrets, { msgSignature, timestamp, nonce, encrypt });
  if (!opened.ok) return { ok: false, error: opened.error, detail: `refused by its ${opened.error}` };
  return parseEvent(opened.message);
}

export interface SealOptions {
  readonly timestamp: string;
  readonly nonce: string;
  readonly format?: 'xml' | 'json';
  /** Set for pushes to the 消息与事件接收 URL, which address the authorizer instead of the component. */
  readonly toUserName?: string;
}

/** A push as WeChat would make it, for the emulator and tests: the inverse of openEnvelope. */
export function sealEnvelope(secrets: WeChatSecrets, message: string, options: SealOptions): PushRequest {
  const { timestamp, nonce } = options;
  const { encrypt, msgSignature } = encryptMessage(secrets, message, { timestamp, nonce });
  const to: Record<string, string> =
    options.toUserName === undefined ? { AppId: secrets.appid } : { ToUserName: options.toUserName };
  const body =
    options.format === 'json'
      ? JSON.stringify({ ...to, Encrypt: encrypt })
      : toXml({ ...to, Encrypt: encrypt });
  return { query: { msg_signature: msgSignature, timestamp, nonce, encrypt_type: 'aes' }, body };
}
