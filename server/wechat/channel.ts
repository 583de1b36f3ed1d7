/**
 * What the action maps know of the WeChat channel: the platform client when this deployment is a
 * third-party platform, and a status setup.run reports (never a secret, only variable names).
 */
import type { Clock } from '../ports';
import { describePlatformSetting, type PlatformSetting } from './config';
import { openPlatform, type Platform } from './platform';
import type { PlatformRecords } from './records';
import type { Fetch } from './transport';

export interface ChannelStatus {
  configured: boolean;
  /** The platform variables still to set; empty when none was set at all. */
  missingVariables: string[];
  message: string;
}

export interface WeChatChannel {
  /** null: every application takes the manual channel. */
  platform: Platform | null;
  status: ChannelStatus;
}

export function wechatChannel(
  setting: PlatformSetting,
  records: PlatformRecords,
  clock: Clock,
  fetch?: Fetch,
): WeChatChannel {
  const status: ChannelStatus = {
    configured: setting.configured,
    missingVariables: setting.configured ? [] : setting.missing,
    message: describePlatformSetting(setting),
  };
  return {
    platform: setting.configured ? openPlatform({ config: setting.config, records, clock, fetch }) : null,
    status,
  };
}

/** A deployment that is not a third-party platform (tests, benches). */
export const MANUAL_ONLY: WeChatChannel = wechatChannel(
  { configured: false, missing: [], problems: [] },
  { read: async () => null, write: async () => false },
  { now: () => new Date() },
);
