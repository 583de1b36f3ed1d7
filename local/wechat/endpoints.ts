/**
 * The emulated API's endpoints, by WeChat's own path: what each takes (method, which token, which
 * body) and what it answers. The HTTP side — reading the call, checking the token, logging — is in
 * api-route.ts; the state each endpoint moves lives in its own module.
 */
import type { WeChatPath } from '../../server/wechat/api';
import { CERTIFICATE_TYPES, districtTree, NRLX_TYPES, SERVICE_CONTENT_TYPES, SUBJECT_TYPES } from './enums';
import { ERRCODE } from '../../server/wechat/api';
import { OK, WeChatError } from './errors';
import type { MediaStore } from './media';
import type { FormData } from './multipart';
import { onlineOrder } from './online-order';
import type { OrderBook } from './orders';
import type { TokenLayer } from './tokens';
import type { VerifyTasks } from './verify-tasks';

export interface ApiCall {
  query: URLSearchParams;
  /** The JSON body (`{}` when empty). */
  body: Record<string, unknown>;
  /** The multipart body of an upload. */
  form: FormData | null;
  /** The authorizer an authorizer_access_token stands for ('' for component calls). */
  appid: string;
}

/** `get_icp_media`'s answer: the bytes themselves, not JSON. */
export interface MediaBytes {
  contentType: string;
  bytes: Buffer;
}

export interface Endpoint {
  /** GET endpoints take POST too, as WeChat's do; POST endpoints refuse GET (43002). */
  method: 'GET' | 'POST';
  auth: 'none' | 'component' | 'authorizer';
  multipart?: true;
  handle(call: ApiCall): object | MediaBytes;
}

export interface EndpointDeps {
  tokens: TokenLayer;
  media: MediaStore;
  tasks: VerifyTasks;
  orders: OrderBook;
}

/** The paths beyond `WeChatEndpoints`: the media endpoints, whose bodies are not JSON both ways. */
export type EmulatedPath = WeChatPath | '/wxa/icp/upload_icp_media' | '/wxa/icp/get_icp_media';

export function endpoints(deps: EndpointDeps): Record<EmulatedPath, Endpoint> {
  const { tokens, media, tasks, orders } = deps;
  const list = <T>(items: readonly T[]) => ({
    method: 'GET' as const,
    auth: 'authorizer' as const,
    handle: () => ({ ...OK, items: [...items] }),
  });
  return {
    '/cgi-bin/component/api_component_token': {
      method: 'POST',
      auth: 'none',
      handle: ({ body }) =>
        tokens.componentToken({
          component_appid: text(body.component_appid),
          component_appsecret: text(body.component_appsecret),
          component_verify_ticket: text(body.component_verify_ticket),
        }),
    },
    '/cgi-bin/component/api_create_preauthcode': {
      method: 'POST',
      auth: 'component',
      handle: ({ body }) => tokens.preAuthCode(text(body.component_appid)),
    },
    '/cgi-bin/component/api_query_auth': {
      method: 'POST',
      auth: 'component',
      handle: ({ body }) => tokens.queryAuth(text(body.component_appid), text(body.authorization_code)),
    },
    '/cgi-bin/component/api_authorizer_token': {
      method: 'POST',
      auth: 'component',
      handle: ({ body }) =>
        tokens.refresh({
          component_appid: text(body.component_appid),
          authorizer_appid: text(body.authorizer_appid),
          authorizer_refresh_token: text(body.authorizer_refresh_token),
        }),
    },
    '/wxa/icp/query_icp_subject_types': list(SUBJECT_TYPES),
    '/wxa/icp/query_icp_certificate_types': list(CERTIFICATE_TYPES),
    '/wxa/icp/query_icp_service_content_types': list(SERVICE_CONTENT_TYPES),
    '/wxa/icp/query_icp_nrlx_types': list(NRLX_TYPES),
    '/wxa/icp/query_icp_district_code': { ...list([]), handle: () => ({ ...OK, items: districtTree() }) },
    '/wxa/icp/get_icp_entrance_info': {
      method: 'GET',
      auth: 'authorizer',
      handle: ({ appid }) => orders.entrance(appid),
    },
    '/wxa/icp/upload_icp_media': {
      method: 'POST',
      auth: 'authorizer',
      multipart: true,
      handle: ({ appid, form }) => media.upload(appid, form ?? { fields: {}, files: {} }),
    },
    '/wxa/icp/get_icp_media': {
      method: 'GET',
      auth: 'authorizer',
      handle: ({ appid, query, body }) => media.read(appid, query.get('media_id') ?? text(body.media_id)),
    },
    '/wxa/icp/create_icp_verifytask': {
      method: 'POST',
      auth: 'authorizer',
      handle: ({ appid, body }) => tasks.create(appid, body.along_with_auth === true),
    },
    '/wxa/icp/query_icp_verifytask': {
      method: 'POST',
      auth: 'authorizer',
      handle: ({ appid, body }) => tasks.query(appid, text(body.task_id)),
    },
    '/wxa/icp/apply_icp_filing': {
      method: 'POST',
      auth: 'authorizer',
      handle: ({ appid, body }) =>
        orders.apply(appid, body, {
          media: (mediaId) => media.find(appid, mediaId),
          verifyTask: (taskId) => tasks.unusable(appid, taskId),
        }),
    },
    '/wxa/icp/cancel_apply_icp_filing': {
      method: 'POST',
      auth: 'authorizer',
      handle: ({ appid }) => orders.cancelApply(appid),
    },
    '/wxa/icp/cancel_icp_filing': {
      method: 'POST',
      auth: 'authorizer',
      handle: ({ appid, body }) => orders.cancelFiling(appid, body),
    },
    '/wxa/icp/get_online_icp_order': {
      method: 'GET',
      auth: 'authorizer',
      handle: ({ appid }) => {
        const filed = orders.find(appid)?.filed;
        if (!filed) throw new WeChatError(ERRCODE.notFiled);
        return onlineOrder(appid, filed);
      },
    },
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function isMediaBytes(answer: object | MediaBytes): answer is MediaBytes {
  return 'bytes' in answer && Buffer.isBuffer(answer.bytes);
}
