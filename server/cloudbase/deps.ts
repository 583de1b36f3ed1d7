/**
 * The deployed functions' dependencies: the cloud database, storage and openapi of the function's
 * own environment, and the configuration from its environment variables (server/config.ts).
 * Called once per instance, after `cloud.init` (entry.ts).
 */
import * as cloud from 'wx-server-sdk';
import { loadConfig } from '../config';
import type { ServerDeps } from '../deps';
import type { CloudDatabase } from './db';
import { consoleLogger } from './logger';
import { cloudFiles, type DownloadFile, type GetTempFileUrl } from './files';
import { cloudCertificates, type OcrCalls } from './ocr';
import { cloudMessenger, type MiniprogramState, type SendSubscribeMessage } from './openapi';
import { OperatorThrottle } from '../operator-throttle';
import { cloudbaseStore } from './store';
import { wechatChannel } from '../wechat/channel';
import { readPlatformConfig } from '../wechat/config';

const STATES: readonly MiniprogramState[] = ['developer', 'trial', 'formal'];

export function cloudbaseDeps(env: NodeJS.ProcessEnv = process.env): ServerDeps {
  const logger = consoleLogger();
  const config = loadConfig(env);
  for (const warning of config.warnings) logger.error(warning);
  // The SDK's typings declare neither throwOnNotFound nor the result shapes (docs/cloud-platform.md § The database,
  // §3); db.ts types what it returns. Missing documents then answer { data: null } instead of throwing.
  const db = cloud.database({ throwOnNotFound: false } as unknown as {
    env: string;
  }) as unknown as CloudDatabase;
  const openapi = cloud.openapi as unknown as {
    subscribeMessage: { send: SendSubscribeMessage };
    ocr: OcrCalls;
  };
  const state = STATES.find((s) => s === env.BEIAN_MINIPROGRAM_STATE) ?? 'formal';
  const clock = { now: () => new Date() };
  const store = cloudbaseStore(db);
  const wechat = wechatChannel(readPlatformConfig(env), store.platform, clock);
  if (!wechat.status.configured && wechat.status.missingVariables.length > 0)
    logger.error(wechat.status.message);
  return {
    clock,
    operatorKey: config.operatorKey,
    operatorThrottle: new OperatorThrottle(),
    logger,
    store,
    files: cloudFiles(
      (params) => (cloud.getTempFileURL as unknown as GetTempFileUrl)(params),
      db,
      clock,
      (params) => (cloud.downloadFile as unknown as DownloadFile)(params),
    ),
    certificates: cloudCertificates({
      idcard: (params) => openapi.ocr.idcard(params),
      businessLicense: (params) => openapi.ocr.businessLicense(params),
    }),
    messenger: cloudMessenger((params) => openapi.subscribeMessage.send(params), state),
    templates: config.templates,
    calendar: config.calendar,
    wechat,
  };
}
