/**
 * WeChat's failure answers as the emulator gives them: HTTP 200 with `{ errcode, errmsg }`, the
 * errmsg in WeChat's own (English) words where WeChat is known to use them. A handler throws a
 * `WeChatError`; the API layer answers it as WeChat would.
 */
import { ERRCODE, type FilingHint } from '../../server/wechat/api';

/** Codes beyond the ones Beian treats specially (server/wechat/api.ts `ERRCODE`). */
export const MORE_ERRCODE = {
  missingToken: 41001,
  requirePost: 43002,
  invalidUrl: 40066,
  invalidAppid: 40013,
  invalidArgs: 40097,
  dataFormat: 47001,
  invalidAppsecret: 40125,
  componentNotAuthorized: 61003,
  ticketExpired: 61005,
  ticketInvalid: 61006,
  codeInvalid: 61009,
  codeExpired: 61010,
  refreshTokenInvalid: 61023,
} as const;

const MESSAGES: Record<number, string> = {
  [ERRCODE.invalidToken]: 'invalid credential, access_token is invalid or not latest',
  [ERRCODE.expiredToken]: 'access_token expired',
  [ERRCODE.applyInvalid]: 'icp filing info invalid, see hints',
  [ERRCODE.unknownMedia]: 'media_id not exist',
  [ERRCODE.openOrderExists]: 'an icp filing order is being processed',
  [ERRCODE.certificateTypeMismatch]: 'certificate type of media mismatch',
  [ERRCODE.notWithdrawable]: 'icp filing order can not be canceled in current status',
  [ERRCODE.notFiled]: 'not icp filed',
  [ERRCODE.noOrder]: 'icp filing order not exist',
  [MORE_ERRCODE.missingToken]: 'access_token missing',
  [MORE_ERRCODE.requirePost]: 'require POST method',
  [MORE_ERRCODE.invalidUrl]: 'invalid url',
  [MORE_ERRCODE.invalidAppid]: 'invalid appid',
  [MORE_ERRCODE.invalidArgs]: 'invalid args',
  [MORE_ERRCODE.dataFormat]: 'data format error',
  [MORE_ERRCODE.invalidAppsecret]: 'invalid appsecret',
  [MORE_ERRCODE.componentNotAuthorized]: 'component is not authorized by this account',
  [MORE_ERRCODE.ticketExpired]: 'component ticket is expired',
  [MORE_ERRCODE.ticketInvalid]: 'component ticket is invalid',
  [MORE_ERRCODE.codeInvalid]: 'code is invalid',
  [MORE_ERRCODE.codeExpired]: 'code is expired',
  [MORE_ERRCODE.refreshTokenInvalid]: 'refresh_token is invalid',
};

export class WeChatError extends Error {
  constructor(
    readonly errcode: number,
    /** More words after WeChat's own, to say which value was wrong. */
    detail = '',
    readonly hints: readonly FilingHint[] = [],
  ) {
    super(`${MESSAGES[errcode] ?? 'system error'}${detail ? ` hint: ${detail}` : ''}`);
    this.name = 'WeChatError';
  }

  answer(): { errcode: number; errmsg: string; hints?: FilingHint[] } {
    return this.hints.length > 0
      ? { errcode: this.errcode, errmsg: this.message, hints: [...this.hints] }
      : { errcode: this.errcode, errmsg: this.message };
  }
}

/** The `{ errcode: 0, errmsg: 'ok' }` of every successful /wxa/ answer. */
export const OK = { errcode: 0, errmsg: 'ok' } as const;
