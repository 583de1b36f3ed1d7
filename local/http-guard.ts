/**
 * Who the local cloud serves: programs on this machine and its own preview page, nobody else. It
 * listens on loopback only, but a browser on the same machine will still carry requests from any
 * web page to it. Three doors stay shut (local/README.md § Who may call):
 *
 * - a Host that is not the cloud's own (`127.0.0.1`, `localhost` or `[::1]` with its port) is a
 *   DNS-rebinding page reading our answers under its own name: 421;
 * - an Origin that is not the cloud's own is another page's script: 403 (the preview is
 *   same-origin; programs send no Origin at all);
 * - a POST to `/functions/*` or `/_/*` must say `application/json`: the types a page may send
 *   without asking first (`text/plain`, forms) are never ours. Uploads carry the file's own type,
 *   but never one of those. The one exception is the emulated WeChat's `upload_icp_media`, which
 *   is multipart like WeChat's own and takes nothing else; a page's form there still carries a
 *   foreign Origin.
 *
 * Nothing here grants CORS: no answer carries an `Access-Control-Allow-*` header.
 */
import type { IncomingMessage } from 'node:http';

/** A refused request: the HTTP status, and what to tell the caller. */
export interface GuardRefusal {
  status: 403 | 415 | 421;
  message: string;
}

const OWN_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** What a page may POST cross-site without a preflight (the Fetch standard's safelisted types). */
const PAGE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];
/** Routes whose body is a file in its own type, not JSON. */
const RAW_BODY_PATHS = ['/_/storage/upload'];
/**
 * The one route whose body is a form: the emulated `upload_icp_media`, multipart as WeChat's is.
 * Only that type is taken there, and a page's form still fails the Origin check above.
 */
const MULTIPART_PATHS = ['/_/wechat/api/wxa/icp/upload_icp_media'];

/** Why this request is refused, or null when it is one of our own callers'. */
export function refusal(request: IncomingMessage, pathname: string): GuardRefusal | null {
  const hosts = ownHosts(request.socket.localPort ?? 0);
  const host = (request.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) {
    return { status: 421, message: `本地云只接受发往 ${hosts[0]} 的请求（收到的 Host 不是本机）。` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((own) => origin.toLowerCase() === `http://${own}`)) {
    return { status: 403, message: '本地云不接受其他网页发来的请求。' };
  }
  if (request.method === 'POST' && (pathname.startsWith('/functions/') || pathname.startsWith('/_/'))) {
    const type = mediaType(request.headers['content-type']);
    if (MULTIPART_PATHS.includes(pathname)) {
      if (type !== 'multipart/form-data') {
        return { status: 415, message: '上传备案媒体请用 multipart/form-data（与微信接口相同）。' };
      }
    } else if (RAW_BODY_PATHS.includes(pathname)) {
      if (PAGE_TYPES.includes(type)) {
        return { status: 415, message: '上传请用文件本身的类型（如 image/png）作为 Content-Type。' };
      }
    } else if (type !== 'application/json') {
      return { status: 415, message: '请求体须为 JSON，并带上 Content-Type: application/json。' };
    }
  }
  return null;
}

/** `host:port` as a browser or a program names this cloud; without the port only on port 80. */
function ownHosts(port: number): string[] {
  const named = OWN_HOSTNAMES.map((name) => `${name}:${port}`);
  return port === 80 ? [...named, ...OWN_HOSTNAMES] : named;
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
