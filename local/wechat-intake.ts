/**
 * The local cloud's stand-in for CloudBase's HTTP access service in front of the `wechat`
 * function: the same paths (`POST /wechat/auth`, `POST /wechat/events/<appid>`,
 * `GET /wechat/authorized`), and the sink through which the emulated WeChat pushes to it. A push
 * is delivered in-process, but as the same HTTP-access event the deployed function receives.
 * And which platform Beian is locally: the one BEIAN_WECHAT_* names, else the emulated one.
 */
import type { ServerDeps } from '../server/deps';
import { wechat, type HttpAccessAnswer, type HttpAccessEvent } from '../server/functions/wechat';
import type { Reply, Route } from './http';
import { readPlatformConfig, type PlatformSetting } from '../server/wechat/config';
import type { CallLog } from './call-log';
import type { LocalClock } from './clock';
import type { DataDir } from './data-dir';
import { createWeChatEmulator } from './wechat/emulator';
import type { EventSink, PushTarget } from './wechat/push';
import type { PlatformSecrets } from './wechat/secrets';

/** Enough for any push WeChat makes (they are a few KB). */
const MAX_PUSH_BYTES = 64 * 1024;

export function intakePath(target: PushTarget): string {
  return target.kind === 'component' ? '/wechat/auth' : `/wechat/events/${target.appid}`;
}

/** Delivers the emulator's pushes to Beian's intake; anything but `success` is a failed delivery. */
export function intakeSink(deps: () => ServerDeps): EventSink {
  return {
    async deliver(target, request) {
      const answer = await wechat(
        {
          path: intakePath(target),
          httpMethod: 'POST',
          queryStringParameters: { ...request.query },
          body: request.body,
        },
        deps(),
      );
      if (answer.statusCode !== 200 || answer.body !== 'success') {
        throw new Error(`Beian 的事件接收答复 ${answer.statusCode} ${answer.body}`);
      }
    },
  };
}

export function intakeRoutes(deps: () => ServerDeps): Route[] {
  const handle = async (
    method: 'GET' | 'POST',
    path: string,
    query: URLSearchParams,
    body: string,
  ): Promise<Reply> => {
    const event: HttpAccessEvent = {
      path,
      httpMethod: method,
      queryStringParameters: Object.fromEntries(query),
      body,
    };
    return reply(await wechat(event, deps()));
  };
  return [
    {
      method: 'POST',
      path: /^\/wechat\/(auth|events\/[A-Za-z0-9_-]{1,64})$/,
      handle: async (request) =>
        handle(
          'POST',
          request.url.pathname,
          request.url.searchParams,
          (await request.bytes(MAX_PUSH_BYTES)).toString('utf8'),
        ),
    },
    {
      method: 'GET',
      path: '/wechat/authorized',
      handle: (request) => handle('GET', request.url.pathname, request.url.searchParams, ''),
    },
  ];
}

function reply(answer: HttpAccessAnswer): Reply {
  return {
    status: answer.statusCode,
    contentType: answer.headers['content-type'] ?? 'text/plain; charset=utf-8',
    body: Buffer.from(answer.body, 'utf8'),
  };
}

/** The emulated open platform; it pushes to Beian's own intake unless a test supplies another sink. */
export function emulatedWeChat(
  dir: DataDir,
  clock: LocalClock,
  callLog: CallLog,
  sink: EventSink | undefined,
  url: () => string,
  deps: () => ServerDeps,
) {
  return createWeChatEmulator({
    dir,
    clock,
    sink: sink ?? intakeSink(deps),
    cloudUrl: url,
    warn: (line, error) => callLog.logger.error(line, error),
  });
}

/**
 * The platform Beian is locally: the one named by BEIAN_WECHAT_* when set (e.g. a real test
 * platform), otherwise the emulated one, with its secrets and its API.
 */
export function platformSetting(
  env: NodeJS.ProcessEnv,
  secrets: PlatformSecrets,
  apiBase: string,
): PlatformSetting {
  const named = readPlatformConfig(env);
  if (named.configured || named.missing.length > 0 || named.problems.length > 0) return named;
  return emulatedPlatformSetting(secrets, apiBase);
}

/** Beian configured as the emulated WeChat's third-party platform (also what tests and the bench use). */
export function emulatedPlatformSetting(secrets: PlatformSecrets, apiBase: string): PlatformSetting {
  return readPlatformConfig({
    BEIAN_WECHAT_COMPONENT_APPID: secrets.componentAppid,
    BEIAN_WECHAT_COMPONENT_APPSECRET: secrets.componentAppsecret,
    BEIAN_WECHAT_MESSAGE_TOKEN: secrets.token,
    BEIAN_WECHAT_ENCODING_AES_KEY: secrets.encodingAesKey,
    BEIAN_WECHAT_API_BASE: apiBase,
  });
}
