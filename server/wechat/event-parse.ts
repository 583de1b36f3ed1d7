/**
 * A decrypted message as a typed event. Authorization events reach the 授权事件接收 URL named by
 * `InfoType`; the ICP events reach the 消息与事件接收 URL as `MsgType=event` named by `Event` (and
 * some integrations have seen them by `InfoType` too), so both spellings name the same event.
 */
import { FieldReader, type Fields, parseFields, textField } from './fields';

export interface EventBase {
  /** Seconds since the epoch, as WeChat stamps it (CreateTime). */
  readonly createTime: number;
  /** The component's appid, on authorization events; pushes for an authorizer carry toUserName. */
  readonly appId?: string;
  /** The authorizer's original id (gh_…), on what reaches the 消息与事件接收 URL. */
  readonly toUserName?: string;
}

export type WeChatEvent = EventBase &
  (
    | { readonly type: 'component_verify_ticket'; readonly ticket: string }
    | {
        readonly type: 'authorized' | 'updateauthorized';
        readonly authorizerAppid: string;
        readonly authorizationCode: string;
        readonly authorizationCodeExpiredTime: number;
        readonly preAuthCode?: string;
      }
    | { readonly type: 'unauthorized'; readonly authorizerAppid: string }
    | {
        readonly type: 'notify_apply_icpfiling_result';
        readonly authorizerAppid: string;
        readonly beianStatus: number;
      }
    | {
        readonly type: 'notify_icpfiling_verify_result';
        readonly taskId: string;
        readonly verifyAppid: string;
        /** 2: the face check failed; 3: it passed. */
        readonly result: 2 | 3;
        readonly alongWithAuthResult?: number;
      }
    | {
        readonly type: 'notify_3rd_wxa_auth_and_icp';
        readonly procedureId: string;
        readonly procedureStatus: number;
      }
    | { readonly type: 'unknown'; readonly rawType: string; readonly fields: Fields }
  );

/** `message`: decrypted but not XML or JSON; `fields`: a known event lacking what it needs. */
export type EventError = { readonly error: 'message' | 'fields'; readonly detail: string };
export type EventResult =
  { readonly ok: true; readonly event: WeChatEvent } | ({ readonly ok: false } & EventError);

function withBase(fields: Fields, r: FieldReader): EventBase {
  const appId = textField(fields, 'AppId');
  const toUserName = textField(fields, 'ToUserName');
  return { createTime: r.int('CreateTime'), ...(appId && { appId }), ...(toUserName && { toUserName }) };
}

function rawTypeOf(fields: Fields): string {
  const info = textField(fields, 'InfoType');
  if (info) return info;
  const event = textField(fields, 'MsgType') === 'event' ? textField(fields, 'Event') : undefined;
  return event ?? textField(fields, 'MsgType') ?? '';
}

function typed(fields: Fields, r: FieldReader): WeChatEvent {
  const base = withBase(fields, r);
  const type = rawTypeOf(fields);
  switch (type) {
    case 'component_verify_ticket':
      return { ...base, type, ticket: r.text('ComponentVerifyTicket') };
    case 'authorized':
    case 'updateauthorized': {
      const preAuthCode = r.optionalText('PreAuthCode');
      return {
        ...base,
        type,
        authorizerAppid: r.text('AuthorizerAppid'),
        authorizationCode: r.text('AuthorizationCode'),
        authorizationCodeExpiredTime: r.int('AuthorizationCodeExpiredTime'),
        ...(preAuthCode && { preAuthCode }),
      };
    }
    case 'unauthorized':
      return { ...base, type, authorizerAppid: r.text('AuthorizerAppid') };
    case 'notify_apply_icpfiling_result':
      return {
        ...base,
        type,
        authorizerAppid: r.text('authorizer_appid'),
        beianStatus: r.int('beian_status'),
      };
    case 'notify_icpfiling_verify_result': {
      const along = r.optionalInt('along_with_auth_result');
      const event = { ...base, type, taskId: r.text('task_id'), verifyAppid: r.text('verify_appid') };
      return {
        ...event,
        result: r.oneOf('result', [2, 3] as const),
        ...(along !== undefined && { alongWithAuthResult: along }),
      };
    }
    case 'notify_3rd_wxa_auth_and_icp':
      return {
        ...base,
        type,
        procedureId: r.text('procedure_id'),
        procedureStatus: r.int('procedure_status'),
      };
    default:
      return { ...base, type: 'unknown', rawType: type, fields };
  }
}

/** A decrypted message as an event; an event type we do not know is `unknown`, not an error. */
export function parseEvent(message: string): EventResult {
  const fields = parseFields(message);
  if (!fields) return { ok: false, error: 'message', detail: 'not WeChat XML or a JSON object' };
  const reader = new FieldReader(fields);
  const event = typed(fields, reader);
  if (reader.problems.length > 0) return { ok: false, error: 'fields', detail: reader.problems.join(', ') };
  return { ok: true, event };
}
