/**
 * The token chain of Beian's third-party platform (docs/wechat-platform.md § Tokens):
 * component_verify_ticket (pushed) → component_access_token → pre-auth code and authorization
 * link → api_query_auth → authorizer_access_token per mini-program, refreshed with its refresh
 * token. Everything lives in the platform records, never in memory alone, so every function
 * instance sees the same tokens and only one refreshes each.
 */
import type { Clock } from '../ports';
import type { AuthorizerTokenResponse, QueryAuthResponse } from './api';
import type { PlatformConfig } from './config';
import { WeChatError } from './errors';
import type { PlatformRecords } from './records';
import { readToken, sharedToken, spendToken, storeToken, type Expiring } from './shared-token';
import type { WeChatTransport } from './transport';

/** The permission sets that open the ICP filing API (小程序备案权限集). */
export const ICP_SCOPES: readonly number[] = [18, 156];

export interface Authorization extends Expiring {
  appid: string;
  accessToken: string;
  refreshToken: string;
  /** Permission set ids the administrator granted. */
  scopes: number[];
  authorizedAt: string;
  revokedAt: string | null;
}

interface ComponentToken extends Expiring {
  token: string;
}

interface Ticket {
  ticket: string;
  receivedAt: string;
}

export interface AuthorizationLinks {
  /** For a computer's browser: the administrator scans a QR code there. */
  link: string;
  /** Opened inside WeChat on the administrator's phone. */
  mobileLink: string;
  expiresAt: string;
}

const KEYS = {
  ticket: 'ticket',
  /** The appids that ever authorized Beian, so work that needs any authorizer can find one. */
  authorizers: 'authorizers',
  component: 'component_token',
  authorizer: (appid: string) => `authorizer:${appid}`,
};

export interface TokenDeps {
  config: PlatformConfig;
  records: PlatformRecords;
  clock: Clock;
  transport: WeChatTransport;
  sleep?: (ms: number) => Promise<void>;
}

export class PlatformTokens {
  constructor(private readonly deps: TokenDeps) {}

  async acceptTicket(ticket: string): Promise<void> {
    const receivedAt = this.deps.clock.now();
    await storeToken<Ticket>(
      this.deps.records,
      KEYS.ticket,
      () => ({ ticket, receivedAt: receivedAt.toISOString() }),
      receivedAt,
    );
  }

  /** component_access_token, refreshed ahead of expiry by one instance. */
  async componentToken(): Promise<string> {
    const token = await sharedToken<ComponentToken>({
      records: this.deps.records,
      key: KEYS.component,
      clock: this.deps.clock,
      sleep: this.deps.sleep,
      refresh: async () => {
        const ticket = await readToken<Ticket>(this.deps.records, KEYS.ticket);
        if (!ticket)
          throw new WeChatError('/cgi-bin/component/api_component_token', 0, 'no ticket', 'no_ticket');
        const { config } = this.deps;
        const answer = await this.deps.transport.call(
          '/cgi-bin/component/api_component_token',
          {},
          {
            component_appid: config.appid,
            component_appsecret: config.appsecret,
            component_verify_ticket: ticket.ticket,
          },
        );
        return { token: answer.component_access_token, expiresAt: this.expiry(answer.expires_in) };
      },
    });
    return token.token;
  }

  /** Calls WeChat with the component token; a token WeChat calls invalid is refreshed once. */
  async withComponentToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    return this.retryOnSpentToken(
      () => this.componentToken(),
      (token) =>
        spendToken<ComponentToken>(
          this.deps.records,
          KEYS.component,
          (v) => v.token === token,
          this.deps.clock.now(),
        ),
      call,
    );
  }

  /** The links a mini-program's administrator opens to authorize Beian for `appid`. */
  async authorizationLinks(appid: string): Promise<AuthorizationLinks> {
    const { config } = this.deps;
    const answer = await this.withComponentToken((token) =>
      this.deps.transport.call(
        '/cgi-bin/component/api_create_preauthcode',
        { component_access_token: token },
        {
          component_appid: config.appid,
        },
      ),
    );
    const query = new URLSearchParams({
      component_appid: config.appid,
      pre_auth_code: answer.pre_auth_code,
      ...(config.redirectUri ? { redirect_uri: config.redirectUri } : {}),
      // 2: mini-programs only; biz_appid: the one mini-program the administrator should pick.
      auth_type: '2',
      biz_appid: appid,
    });
    return {
      link: `https://mp.weixin.qq.com/cgi-bin/componentloginpage?${query}`,
      mobileLink: `https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&no_scan=1&${query}#wechat_redirect`,
      expiresAt: this.expiry(answer.expires_in),
    };
  }

  /** api_query_auth on an authorization code (the `authorized` event, or the redirect). */
  async authorize(authorizationCode: string): Promise<Authorization> {
    const { config } = this.deps;
    const answer: QueryAuthResponse = await this.withComponentToken((token) =>
      this.deps.transport.call(
        '/cgi-bin/component/api_query_auth',
        { component_access_token: token },
        {
          component_appid: config.appid,
          authorization_code: authorizationCode,
        },
      ),
    );
    const info = answer.authorization_info;
    const now = this.deps.clock.now();
    await storeToken<string[]>(
      this.deps.records,
      KEYS.authorizers,
      (known) => [...new Set([...(known ?? []), info.authorizer_appid])],
      now,
    );
    return storeToken<Authorization>(
      this.deps.records,
      KEYS.authorizer(info.authorizer_appid),
      () => ({
        appid: info.authorizer_appid,
        accessToken: info.authorizer_access_token,
        refreshToken: info.authorizer_refresh_token,
        expiresAt: this.expiry(info.expires_in),
        scopes: (info.func_info ?? []).map((f) => f.funcscope_category.id),
        authorizedAt: now.toISOString(),
        revokedAt: null,
      }),
      now,
    );
  }

  /** The `unauthorized` event: the token and refresh token are dropped, the fact is kept. */
  async revoke(appid: string): Promise<void> {
    const now = this.deps.clock.now();
    await storeToken<Authorization | null>(
      this.deps.records,
      KEYS.authorizer(appid),
      (current) =>
        current && {
          ...current,
          accessToken: '',
          refreshToken: '',
          expiresAt: now.toISOString(),
          revokedAt: now.toISOString(),
        },
      now,
    );
  }

  /** Appids whose authorization is live and opens the ICP API, oldest first. */
  async filingAppids(): Promise<string[]> {
    const known = (await readToken<string[]>(this.deps.records, KEYS.authorizers)) ?? [];
    const live = await Promise.all(known.map((appid) => this.mayFile(appid)));
    return known.filter((_, i) => live[i]);
  }

  async authorization(appid: string): Promise<Authorization | null> {
    return readToken<Authorization>(this.deps.records, KEYS.authorizer(appid));
  }

  /** Whether Beian may file for `appid`: authorized, not revoked, with an ICP permission set. */
  async mayFile(appid: string): Promise<boolean> {
    const authorization = await this.authorization(appid);
    return (
      !!authorization &&
      authorization.revokedAt === null &&
      authorization.scopes.some((s) => ICP_SCOPES.includes(s))
    );
  }

  /** Calls WeChat as `appid` (its authorizer_access_token), refreshing a spent token once. */
  async withAuthorizerToken<T>(appid: string, call: (token: string) => Promise<T>): Promise<T> {
    const key = KEYS.authorizer(appid);
    return this.retryOnSpentToken(
      () => this.authorizerToken(appid),
      (token) =>
        spendToken<Authorization>(
          this.deps.records,
          key,
          (v) => v.accessToken === token,
          this.deps.clock.now(),
        ),
      call,
    );
  }

  private async authorizerToken(appid: string): Promise<string> {
    const authorization = await sharedToken<Authorization>({
      records: this.deps.records,
      key: KEYS.authorizer(appid),
      clock: this.deps.clock,
      sleep: this.deps.sleep,
      blocked: (value) =>
        !value || value.revokedAt !== null
          ? new WeChatError('/cgi-bin/component/api_authorizer_token', 0, appid, 'not_authorized')
          : null,
      refresh: async (current) => {
        // `blocked` guarantees a live authorization here.
        const live = current as Authorization;
        const answer: AuthorizerTokenResponse = await this.withComponentToken((token) =>
          this.deps.transport.call(
            '/cgi-bin/component/api_authorizer_token',
            { component_access_token: token },
            {
              component_appid: this.deps.config.appid,
              authorizer_appid: appid,
              authorizer_refresh_token: live.refreshToken,
            },
          ),
        );
        return {
          ...live,
          accessToken: answer.authorizer_access_token,
          refreshToken: answer.authorizer_refresh_token || live.refreshToken,
          expiresAt: this.expiry(answer.expires_in),
        };
      },
    });
    return authorization.accessToken;
  }

  private async retryOnSpentToken<T>(
    token: () => Promise<string>,
    spend: (token: string) => Promise<void>,
    call: (token: string) => Promise<T>,
  ): Promise<T> {
    const first = await token();
    try {
      return await call(first);
    } catch (error) {
      if (!(error instanceof WeChatError) || error.kind !== 'token') throw error;
      await spend(first);
      return call(await token());
    }
  }

  private expiry(expiresInSeconds: number): string {
    return new Date(this.deps.clock.now().getTime() + expiresInSeconds * 1000).toISOString();
  }
}
