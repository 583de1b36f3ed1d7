/**
 * The local cloud: the same action maps the deployed functions run, on local adapters (sqlite,
 * files under the data folder, an emulated WeChat for subscribe messages), behind the HTTP
 * contract, with the functions' timer triggers on their cron. `npm start` runs it; tests start it
 * on a free port with a temporary data folder.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEMPLATE_ROLES, type Envelope } from '@beian/core';
import { OperatorThrottle } from '../server/operator-throttle';
import type { Invocation } from '../server/action-map';
import { loadConfig } from '../server/config';
import type { ServerDeps } from '../server/deps';
import { functions } from '../server/functions';
import { openSqliteStore } from '../server/sqlite';
import { MANUAL_ONLY, wechatChannel } from '../server/wechat/channel';
import { appPages, MINIPROGRAM_DIR } from './app-pages';
import { createCallLog } from './call-log';
import { openClock, type ClockMode } from './clock';
import {
  clearRunning,
  dataDirOf,
  ensureDataDir,
  loadOrCreateOperatorKey,
  markRunning,
  resetDataDir,
  runningCloud,
  type DataDir,
} from './data-dir';
import { devRoutes } from './dev-routes';
import { createHttpServer, type RequestHandler, type Route } from './http';
import { LocalMessenger } from './messenger';
import { LocalCertificateReader } from './ocr/engine';
import { LocalStorage } from './storage';
import { emulatedWeChat, intakeRoutes, platformSetting } from './wechat-intake';
import type { Delivery, EventSink } from './wechat/push';
import type { PlatformSecrets } from './wechat/secrets';
import {
  CLOUDFUNCTIONS_DIR,
  readTriggers,
  schedule,
  timerEvent,
  TRIGGER_INVOCATION,
  type Schedule,
  type TimerTrigger,
} from './triggers';

/** How long `close()` lets in-flight calls finish before cutting connections. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface LocalCloudOptions {
  /** 0 picks a free port (tests). Always on 127.0.0.1. */
  port: number;
  dataDir: string;
  /** Overrides the operator key kept in the data folder. */
  operatorKey?: string;
  /** Where log lines go (one per call); silent when absent. */
  log?: (line: string) => void;
  /** `real` (default) or `manual` (moved by `POST /_/clock`, kept across restarts). */
  clock?: ClockMode;
  /** A manual clock's time on its very first start (default: the real now). */
  startAt?: Date;
  /** Start from empty data (the operator key is kept). */
  reset?: boolean;
  /** Run the timer triggers on their cron (default true; tests fire them by hand). */
  schedule?: boolean;
  /** BEIAN_TEMPLATES and BEIAN_HOLIDAYS are read from here (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** More routes, matched after the cloud's own. */
  routes?: readonly Route[];
  /** Handlers for everything else (the browser preview's pages and assets). */
  handlers?: readonly RequestHandler[];
  /** Where the functions' config.json files are (default cloudfunctions/). */
  cloudfunctionsDir?: string;
  /** Where app.json is, for the pages subscribe messages may open (default miniprogram/). */
  miniprogramDir?: string;
  /** Where the emulated open platform's pushes go (default: recorded only, see `wechat.deliveries()`). */
  wechatSink?: EventSink;
  /** Certificate recognition's daily quota and account (default: 100 a day, verified). */
  ocr?: { dailyQuota?: number; verified?: boolean };
}

/** The emulated WeChat open platform, as Beian's configuration needs it (local/README.md). */
export interface LocalWeChat {
  /** The base URL that stands in for https://api.weixin.qq.com. */
  apiBaseUrl: string;
  /** The emulated third-party platform's appid, appsecret, token and EncodingAESKey. */
  secrets: PlatformSecrets;
  /** Every push since start, newest last. */
  deliveries(): readonly Delivery[];
}

export interface LocalCloud {
  url: string;
  operatorKey: string;
  /** True when this start created the key: the one time the banner shows it in full. */
  operatorKeyCreated: boolean;
  dataDir: string;
  clockMode: ClockMode;
  triggers: readonly TimerTrigger[];
  /** Configuration worth telling the developer about (placeholder template ids, …). */
  warnings: readonly string[];
  wechat: LocalWeChat;
  /** Stops accepting calls and triggers, lets in-flight calls finish, closes the database. */
  close(): Promise<void>;
}

/** Data folders served by this process: one cloud per folder, or clock and ledger would diverge. */
const openDirs = new Set<string>();

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const dir = dataDirOf(options.dataDir);
  claim(dir);
  const cleanups: (() => Promise<void> | void)[] = [() => void openDirs.delete(dir.root)];
  try {
    return await start(dir, options, cleanups);
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw error;
  }
}

function claim(dir: DataDir): void {
  const other = runningCloud(dir);
  if (openDirs.has(dir.root) || (other && other.pid !== process.pid)) {
    const where = other ? `（进程 ${other.pid}，${other.url}）` : '';
    throw new Error(
      `数据目录 ${dir.root} 已被另一个本地云使用${where}：先停止它，或用 BEIAN_DATA_DIR 换一个目录。`,
    );
  }
  openDirs.add(dir.root);
}

async function start(
  dir: DataDir,
  options: LocalCloudOptions,
  cleanups: (() => Promise<void> | void)[],
): Promise<LocalCloud> {
  if (options.reset) resetDataDir(dir);
  ensureDataDir(dir);
  const kept = options.operatorKey === undefined ? loadOrCreateOperatorKey(dir) : null;
  const operatorKey = options.operatorKey ?? kept?.key ?? '';
  const env = options.env ?? process.env;
  const config = loadConfig({ ...env, BEIAN_OPERATOR_KEY: operatorKey });
  const clock = openClock({ mode: options.clock ?? 'real', file: dir.clock, startAt: options.startAt });
  const callLog = createCallLog(options.log ?? (() => undefined));
  const triggers = readTriggers(options.cloudfunctionsDir ?? CLOUDFUNCTIONS_DIR);
  let url = '';
  const storage = new LocalStorage({
    dir: dir.files,
    indexFile: dir.fileIndex,
    secretFile: dir.storageSecret,
    clock,
    baseUrl: () => url,
  });
  const messenger = new LocalMessenger({
    file: dir.wechat,
    clock,
    templateIds: TEMPLATE_ROLES.map((role) => config.templates[role].templateId),
    pages: appPages(options.miniprogramDir ?? MINIPROGRAM_DIR),
  });
  const wechat = emulatedWeChat(
    dir,
    clock,
    callLog,
    options.wechatSink,
    () => url,
    () => deps,
  );
  cleanups.push(() => wechat.stop());
  const store = openSqliteStore(dir.database);
  cleanups.push(() => store.close());
  const deps: ServerDeps = {
    clock,
    store,
    files: storage,
    certificates: new LocalCertificateReader({ clock, ...options.ocr }),
    messenger,
    templates: config.templates,
    calendar: config.calendar,
    operatorKey,
    operatorThrottle: new OperatorThrottle(),
    logger: callLog.logger,
    // Replaced once the server listens: the emulated API's address includes the port.
    wechat: MANUAL_ONLY,
  };
  const run = (name: string, event: unknown, invocation: Invocation): Promise<Envelope<unknown>> | null =>
    Object.prototype.hasOwnProperty.call(functions, name)
      ? functions[name as keyof typeof functions](event, invocation, deps)
      : null;
  const firings = new Set<Promise<unknown>>();
  const fire = (trigger: TimerTrigger): Promise<Envelope<unknown>> => {
    const firing = functions[trigger.functionName](
      timerEvent(trigger, clock.now()),
      TRIGGER_INVOCATION,
      deps,
    );
    firings.add(firing);
    void firing.finally(() => firings.delete(firing));
    return firing;
  };
  let timers: Schedule | null = null;
  const http = createHttpServer({
    runFunction: run,
    routes: [
      ...devRoutes({ clock, messenger, storage, triggers, schedule: () => timers, fire }),
      ...wechat.routes,
      ...intakeRoutes(() => deps),
      ...(options.routes ?? []),
    ],
    handlers: options.handlers,
    callLog,
  });
  await listen(http.server, options.port);
  cleanups.push(() => new Promise<void>((resolve) => http.server.close(() => resolve())));
  url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  markRunning(dir, url);
  cleanups.push(() => clearRunning(dir));
  deps.wechat = wechatChannel(
    platformSetting(env, wechat.secrets, wechat.apiBaseUrl()),
    store.platform,
    clock,
  );
  // After listening: the sink may be Beian's intake, which answers a ticket by calling the API.
  await wechat.start();
  if (options.schedule !== false) {
    timers = schedule(triggers, (trigger) =>
      callLog.within(`timer ${trigger.functionName}/${trigger.name}`, async () => {
        await fire(trigger);
      }),
    );
  }

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    timers?.stop();
    wechat.stop();
    const stopped = new Promise<void>((resolve) => http.server.close(() => resolve()));
    http.server.closeIdleConnections();
    await withTimeout(Promise.all([http.drained(), ...firings]), DRAIN_TIMEOUT_MS);
    http.server.closeAllConnections();
    await stopped;
    clearRunning(dir);
    await store.close();
    openDirs.delete(dir.root);
  };
  return {
    url,
    operatorKey,
    operatorKeyCreated: kept?.created ?? false,
    dataDir: dir.root,
    clockMode: clock.mode,
    triggers,
    warnings: config.warnings,
    wechat: {
      apiBaseUrl: wechat.apiBaseUrl(),
      secrets: wechat.secrets,
      deliveries: () => wechat.deliveries(),
    },
    close: () => (closing ??= close()),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`端口 ${port} 已被占用：先停止占用它的程序，或用 PORT=<端口> 换一个。`)
          : error,
      ),
    );
    // Loopback only: the local cloud has no authentication of its own beyond the operator key.
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
