/**
 * What a WeChat errcode means for Beian (docs/wechat-platform.md § Errors). The client retries
 * the first two kinds itself; the others reach the caller as a WeChatError with WeChat's own
 * errcode and errmsg, and a Chinese sentence for an operator or a filer.
 */
import { ERRCODE, type FilingHint } from './api';

export type WeChatErrorKind =
  /** 40001 / 42001: the token was refreshed elsewhere or expired; refresh and retry once. */
  | 'token'
  /** -1: WeChat is busy; retry with backoff. */
  | 'busy'
  /** 61004: this server's egress IP is not on the platform's whitelist. */
  | 'ip_whitelist'
  /** 45009: the day's quota of this call is used up. */
  | 'quota'
  /** The request went nowhere (network, timeout, a non-JSON answer). */
  | 'transport'
  /** No component_verify_ticket has arrived yet: WeChat pushes one every 10 minutes. */
  | 'no_ticket'
  /** The mini-program has not authorized Beian's platform, or revoked it. */
  | 'not_authorized'
  | 'other';

export function kindOf(errcode: number): WeChatErrorKind {
  switch (errcode) {
    case ERRCODE.invalidToken:
    case ERRCODE.expiredToken:
      return 'token';
    case ERRCODE.systemBusy:
      return 'busy';
    case ERRCODE.ipNotWhitelisted:
      return 'ip_whitelist';
    case ERRCODE.quotaExceeded:
      return 'quota';
    default:
      return 'other';
  }
}

const EXPLANATIONS: Record<WeChatErrorKind, string> = {
  token: '微信接口凭证失效，刷新后仍被拒绝。',
  busy: '微信系统繁忙，多次重试后仍未成功，请稍后再试。',
  ip_whitelist:
    '本服务的出口 IP 不在第三方平台的白名单中：请在开放平台「开发配置 → 白名单 IP」中加入云开发的固定出口 IP。',
  quota: '该微信接口今日调用次数已用完，请明天再试。',
  transport: '无法连接微信接口，请稍后再试。',
  no_ticket:
    '尚未收到微信推送的 component_verify_ticket（每 10 分钟推送一次）：请检查开放平台的「授权事件接收 URL」。',
  not_authorized: '该小程序尚未授权备案助手（或已取消授权）：请小程序管理员先完成授权。',
  other: '微信接口返回错误。',
};

export class WeChatError extends Error {
  readonly kind: WeChatErrorKind;

  constructor(
    readonly path: string,
    readonly errcode: number,
    readonly errmsg: string,
    kind?: WeChatErrorKind,
    /** `apply_icp_filing`'s per-field hints, when WeChat refused the body. */
    readonly hints: readonly FilingHint[] = [],
  ) {
    const resolved = kind ?? kindOf(errcode);
    // The message names the endpoint and WeChat's answer, never a token or a secret.
    super(`${EXPLANATIONS[resolved]}（${path}：${errcode} ${errmsg}）`);
    this.name = 'WeChatError';
    this.kind = resolved;
  }
}
