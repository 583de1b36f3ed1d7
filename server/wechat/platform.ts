/**
 * Beian as a WeChat third-party platform: the configured client, built once per function
 * instance when the deployment is configured as one (config.ts), absent otherwise.
 */
import type { Clock } from '../ports';
import type { PlatformConfig } from './config';
import { IcpClient } from './icp';
import type { PlatformRecords } from './records';
import { PlatformTokens } from './tokens';
import { WeChatTransport, type Fetch } from './transport';

export interface Platform {
  config: PlatformConfig;
  tokens: PlatformTokens;
  /** The ICP endpoints on behalf of one authorized mini-program. */
  icp(appid: string): IcpClient;
}

export interface PlatformDeps {
  config: PlatformConfig;
  records: PlatformRecords;
  clock: Clock;
  fetch?: Fetch;
  sleep?: (ms: number) => Promise<void>;
}

export function openPlatform(deps: PlatformDeps): Platform {
  const transport = new WeChatTransport({
    apiBase: deps.config.apiBase,
    fetch: deps.fetch,
    sleep: deps.sleep,
  });
  const tokens = new PlatformTokens({ ...deps, transport });
  return {
    config: deps.config,
    tokens,
    icp: (appid) => new IcpClient(transport, tokens, appid),
  };
}
