/**
 * Whether this deployment is a WeChat third-party platform, from its environment variables
 * (docs/wechat-platform.md § Configuration). All four secrets, or none: with none, every
 * application takes the manual channel, as before; with some, setup.run names the missing ones.
 * The values are never logged, answered or put in an error — only the variables' names.
 */

export const PLATFORM_VARIABLES = {
  appid: 'BEIAN_WECHAT_COMPONENT_APPID',
  appsecret: 'BEIAN_WECHAT_COMPONENT_APPSECRET',
  token: 'BEIAN_WECHAT_MESSAGE_TOKEN',
  encodingAesKey: 'BEIAN_WECHAT_ENCODING_AES_KEY',
} as const;

/** Optional: where WeChat's API is (the local cloud points it at its emulator). */
export const API_BASE_VARIABLE = 'BEIAN_WECHAT_API_BASE';
/** Optional: the page WeChat sends the administrator back to after authorizing (授权回调). */
export const REDIRECT_VARIABLE = 'BEIAN_WECHAT_AUTH_REDIRECT_URI';

export const DEFAULT_API_BASE = 'https://api.weixin.qq.com';

export interface PlatformSecrets {
  /** The third-party platform's own appid (component_appid). */
  appid: string;
  appsecret: string;
  /** The message-verification token (消息校验 Token). */
  token: string;
  /** 消息加解密 Key: 43 characters of base64 without its padding. */
  encodingAesKey: string;
}

export interface PlatformConfig extends PlatformSecrets {
  apiBase: string;
  redirectUri: string | null;
}

export type PlatformSetting =
  | { configured: true; config: PlatformConfig }
  /** `missing` is empty when nothing was set at all (the manual channel, on purpose). */
  | { configured: false; missing: string[]; problems: string[] };

export function readPlatformConfig(env: Record<string, string | undefined>): PlatformSetting {
  const values = Object.fromEntries(
    Object.entries(PLATFORM_VARIABLES).map(([field, variable]) => [field, env[variable]?.trim() ?? '']),
  ) as Record<keyof PlatformSecrets, string>;
  const missing = Object.entries(PLATFORM_VARIABLES)
    .filter(([field]) => values[field as keyof PlatformSecrets] === '')
    .map(([, variable]) => variable);
  const problems: string[] = [];
  if (values.encodingAesKey && !/^[A-Za-z0-9+/]{43}$/.test(values.encodingAesKey)) {
    problems.push(
      `${PLATFORM_VARIABLES.encodingAesKey} 应为 43 位字母和数字（开放平台「消息加解密 Key」）。`,
    );
  }
  const apiBase = (env[API_BASE_VARIABLE]?.trim() || DEFAULT_API_BASE).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(apiBase)) problems.push(`${API_BASE_VARIABLE} 应为 http(s) 地址。`);
  const nothingSet = missing.length === Object.keys(PLATFORM_VARIABLES).length;
  if (missing.length > 0 || problems.length > 0) {
    return { configured: false, missing: nothingSet ? [] : missing, problems };
  }
  return {
    configured: true,
    config: { ...values, apiBase, redirectUri: env[REDIRECT_VARIABLE]?.trim() || null },
  };
}

/** What setup.run and the start banner say about the channel; never a secret's value. */
export function describePlatformSetting(setting: PlatformSetting): string {
  if (setting.configured) return `第三方平台已配置（${setting.config.apiBase}）：已授权的小程序走微信渠道。`;
  if (setting.missing.length === 0 && setting.problems.length === 0) {
    return `未配置第三方平台（${Object.values(PLATFORM_VARIABLES).join('、')}）：所有申请走人工渠道。`;
  }
  const parts = [
    ...(setting.missing.length > 0 ? [`缺少 ${setting.missing.join('、')}`] : []),
    ...setting.problems,
  ];
  return `第三方平台配置不完整：${parts.join('；')}。在补全之前所有申请走人工渠道。`;
}
