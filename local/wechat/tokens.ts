/**
 * The token chain of a third-party platform, on the local clock (WeChat's open-platform docs):
 * a component_verify_ticket pushed every 10 minutes and good for 12 hours → component_access_token
 * (7,200 s) → pre_auth_code (1,800 s) for the authorization page → an authorization_code (10
 * minutes, single use) delivered in the `authorized` event → authorizer_access_token (7,200 s) and
 * a refresh token that lasts until the authorization is revoked. A token past its time answers
 * 42001; one never issued, or revoked with its authorization, 40001.
 */
import { randomBytes } from 'node:crypto';
import { ERRCODE, type AuthorizerTokenRequest, type ComponentTokenRequest } from '../../server/wechat/api';
import type { LocalClock } from '../clock';
import { MORE_ERRCODE, WeChatError } from './errors';
import type { PlatformSecrets } from './secrets';
import type { PlatformState, StateFile } from './state';

export const TICKET_INTERVAL_MS = 10 * 60_000;
const TICKET_LIFETIME_MS = 12 * 3_600_000;
export const TOKEN_LIFETIME_S = 7200;
const PRE_AUTH_LIFETIME_S = 1800;
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;
/** Expired tokens are remembered this long, so they answer 42001 rather than 40001. */
const FORGET_AFTER_MS = 24 * 3_600_000;
/** 18 and 156: the permission sets under which the /wxa/icp/* endpoints may be called. */
export const GRANTED_FUNC_SCOPES = [18, 156] as const;

export interface Authorization {
  appid: string;
  code: string;
  expiresAt: number;
  preAuthCode: string;
}

export class TokenLayer {
  constructor(
    private readonly file: StateFile,
    private readonly clock: LocalClock,
    private readonly secrets: PlatformSecrets,
  ) {}

  /** True when no ticket was pushed in the last 10 minutes of the local clock. */
  ticketDue(): boolean {
    const last = this.file.state.tickets.at(-1);
    return !last || this.now() - last.pushedAt >= TICKET_INTERVAL_MS;
  }

  /** A new ticket, recorded before it is pushed so the intake may use it at once. */
  newTicket(): string {
    const value = `ticket@@@${token(32)}`;
    this.file.change((state) => {
      state.tickets = state.tickets.filter(
        (t) => this.now() - t.pushedAt < TICKET_LIFETIME_MS + FORGET_AFTER_MS,
      );
      state.tickets.push({ value, pushedAt: this.now() });
    });
    return value;
  }

  componentToken(body: ComponentTokenRequest): { component_access_token: string; expires_in: number } {
    this.checkAppid(body.component_appid);
    if (body.component_appsecret !== this.secrets.componentAppsecret) {
      throw new WeChatError(MORE_ERRCODE.invalidAppsecret);
    }
    const ticket = this.file.state.tickets.find((t) => t.value === body.component_verify_ticket);
    if (!ticket) throw new WeChatError(MORE_ERRCODE.ticketInvalid);
    if (this.now() - ticket.pushedAt >= TICKET_LIFETIME_MS) throw new WeChatError(MORE_ERRCODE.ticketExpired);
    const value = token(48);
    this.file.change((state) => {
      state.componentTokens = this.recent(state.componentTokens);
      state.componentTokens.push({ value, expiresAt: this.now() + TOKEN_LIFETIME_S * 1000 });
    });
    return { component_access_token: value, expires_in: TOKEN_LIFETIME_S };
  }

  preAuthCode(componentAppid: string): { pre_auth_code: string; expires_in: number } {
    this.checkAppid(componentAppid);
    const value = `preauthcode@@@${token(24)}`;
    this.file.change((state) => {
      state.preAuthCodes.push({ value, expiresAt: this.now() + PRE_AUTH_LIFETIME_S * 1000 });
    });
    return { pre_auth_code: value, expires_in: PRE_AUTH_LIFETIME_S };
  }

  /**
   * The administrator of `appid` completed the authorization page: the code Beian exchanges with
   * `api_query_auth`. The page was opened with Beian's latest pre_auth_code when it has one.
   */
  authorize(appid: string): Authorization {
    const open = this.file.state.preAuthCodes.filter((c) => c.expiresAt > this.now()).at(-1);
    const preAuthCode = open?.value ?? this.preAuthCode(this.secrets.componentAppid).pre_auth_code;
    const code = `queryauthcode@@@${token(32)}`;
    const expiresAt = this.now() + AUTH_CODE_LIFETIME_MS;
    this.file.change((state) => {
      state.authCodes = this.recent(state.authCodes);
      state.authCodes.push({ value: code, appid, expiresAt, used: false });
      state.preAuthCodes = state.preAuthCodes.filter((c) => c.value !== preAuthCode);
      state.authorizers[appid] = {
        authorized: true,
        refreshToken: `refreshtoken@@@${token(32)}`,
        authorizedAt: this.now(),
      };
    });
    return { appid, code, expiresAt, preAuthCode };
  }

  /** The administrator revoked the authorization: every token of the appid stops working. */
  unauthorize(appid: string): boolean {
    const authorizer = this.file.state.authorizers[appid];
    if (!authorizer?.authorized) return false;
    this.file.change((state) => {
      authorizer.authorized = false;
      state.authorizerTokens = state.authorizerTokens.filter((t) => t.appid !== appid);
    });
    return true;
  }

  queryAuth(componentAppid: string, authorizationCode: string) {
    this.checkAppid(componentAppid);
    const code = this.file.state.authCodes.find((c) => c.value === authorizationCode);
    if (!code || code.used) throw new WeChatError(MORE_ERRCODE.codeInvalid);
    if (code.expiresAt <= this.now()) throw new WeChatError(MORE_ERRCODE.codeExpired);
    const authorizer = this.authorizerOf(code.appid);
    this.file.change(() => void (code.used = true));
    return {
      authorization_info: {
        authorizer_appid: code.appid,
        authorizer_access_token: this.authorizerToken(code.appid),
        expires_in: TOKEN_LIFETIME_S,
        authorizer_refresh_token: authorizer.refreshToken,
        func_info: GRANTED_FUNC_SCOPES.map((id) => ({ funcscope_category: { id } })),
      },
    };
  }

  refresh(body: AuthorizerTokenRequest) {
    this.checkAppid(body.component_appid);
    const authorizer = this.authorizerOf(body.authorizer_appid);
    if (body.authorizer_refresh_token !== authorizer.refreshToken) {
      throw new WeChatError(MORE_ERRCODE.refreshTokenInvalid);
    }
    return {
      authorizer_access_token: this.authorizerToken(body.authorizer_appid),
      expires_in: TOKEN_LIFETIME_S,
      authorizer_refresh_token: authorizer.refreshToken,
    };
  }

  /** Refuses a component_access_token that was never issued (40001) or is past its time (42001). */
  checkComponentToken(value: string): void {
    this.live(this.file.state.componentTokens.find((t) => t.value === value));
  }

  /** The authorizer appid an authorizer_access_token stands for. */
  appidOf(value: string): string {
    const found = this.file.state.authorizerTokens.find((t) => t.value === value);
    this.live(found);
    return found?.appid ?? '';
  }

  private live(found: { expiresAt: number } | undefined): void {
    if (!found) throw new WeChatError(ERRCODE.invalidToken);
    if (found.expiresAt <= this.now()) throw new WeChatError(ERRCODE.expiredToken);
  }

  private authorizerOf(appid: string): PlatformState['authorizers'][string] {
    const authorizer = this.file.state.authorizers[appid];
    if (!authorizer?.authorized) throw new WeChatError(MORE_ERRCODE.componentNotAuthorized);
    return authorizer;
  }

  private authorizerToken(appid: string): string {
    const value = token(48);
    this.file.change((state) => {
      state.authorizerTokens = this.recent(state.authorizerTokens);
      state.authorizerTokens.push({ value, appid, expiresAt: this.now() + TOKEN_LIFETIME_S * 1000 });
    });
    return value;
  }

  /** Drops what expired more than a day ago: later it is answered as never issued (40001). */
  private recent<T extends { expiresAt: number }>(list: T[]): T[] {
    return list.filter((t) => t.expiresAt + FORGET_AFTER_MS > this.now());
  }

  private checkAppid(componentAppid: string): void {
    if (componentAppid !== this.secrets.componentAppid) throw new WeChatError(MORE_ERRCODE.invalidAppid);
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

/** A token in WeChat's alphabet (letters, digits, `_` and `-`). */
function token(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}
