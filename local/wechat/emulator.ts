/**
 * The emulated WeChat open platform inside the local cloud: the API Beian's client calls at
 * `<cloud>/_/wechat/api`, the development routes under `/_/wechat/`, and the pushes to Beian
 * through an injected sink. The local cloud makes one per data folder (local/cloud.ts).
 */
import type { LocalClock } from '../clock';
import type { DataDir } from '../data-dir';
import type { Route } from '../http';
import { API_PREFIX, apiRoutes } from './api-route';
import { wechatDevRoutes } from './dev-routes';
import { endpoints } from './endpoints';
import { MediaStore } from './media';
import { OrderBook } from './orders';
import { PushFailed, Pusher, RECORDING_SINK, type Delivery, type EventSink } from './push';
import { loadOrCreatePlatformSecrets, type PlatformSecrets } from './secrets';
import { StateFile } from './state';
import { TICKET_INTERVAL_MS, TokenLayer } from './tokens';
import { VerifyTasks } from './verify-tasks';

export interface WeChatEmulatorOptions {
  dir: DataDir;
  clock: LocalClock;
  /** Where pushes go (default: only recorded, for `GET /_/wechat/deliveries` and `deliveries()`). */
  sink?: EventSink;
  /** The local cloud's URL, once it listens. */
  cloudUrl: () => string;
  /** A push that failed outside a development route (the ticket's) is told here. */
  warn: (line: string, error?: unknown) => void;
}

export interface WeChatEmulator {
  readonly secrets: PlatformSecrets;
  /** What Beian's client uses instead of https://api.weixin.qq.com. */
  apiBaseUrl(): string;
  readonly routes: readonly Route[];
  /** Every push made since start, newest last. */
  deliveries(): readonly Delivery[];
  /** Pushes a component_verify_ticket when none was pushed in the last 10 minutes of the clock. */
  ensureTicket(): Promise<void>;
  /** The first ticket, and WeChat's 10-minute timer while the clock is real. */
  start(): Promise<void>;
  stop(): void;
}

export function createWeChatEmulator(options: WeChatEmulatorOptions): WeChatEmulator {
  const { dir, clock } = options;
  const secrets = loadOrCreatePlatformSecrets(dir.openPlatformSecrets);
  const file = new StateFile(dir.openPlatform);
  const tokens = new TokenLayer(file, clock, secrets);
  const media = new MediaStore(file, dir.openPlatformMedia, clock);
  const tasks = new VerifyTasks(file, clock);
  const orders = new OrderBook(file, clock);
  const pusher = new Pusher(options.sink ?? RECORDING_SINK, secrets, clock);

  let pending: Promise<void> | null = null;
  const pushTicket = async (): Promise<void> => {
    if (!tokens.ticketDue()) return;
    try {
      await pusher.component('component_verify_ticket', { ComponentVerifyTicket: tokens.newTicket() });
    } catch (error) {
      // WeChat pushes again in 10 minutes; a refused ticket must not fail the call that was due.
      if (!(error instanceof PushFailed)) throw error;
      options.warn('wechat emulator: component_verify_ticket push failed', error.message);
    }
  };
  // One push at a time: calls arriving together must not push two tickets.
  const ensureTicket = (): Promise<void> => (pending ??= pushTicket().finally(() => (pending = null)));

  let timer: NodeJS.Timeout | null = null;
  const routes: Route[] = [
    ...wechatDevRoutes({
      file,
      tokens,
      tasks,
      orders,
      pusher,
      componentAppid: secrets.componentAppid,
      ensureTicket,
    }),
    ...apiRoutes({
      endpoints: endpoints({ tokens, media, tasks, orders }),
      tokens,
      file,
      beforeCall: ensureTicket,
    }),
  ];
  return {
    secrets,
    apiBaseUrl: () => `${options.cloudUrl()}${API_PREFIX}`,
    routes,
    deliveries: () => pusher.deliveries(),
    ensureTicket,
    async start() {
      await ensureTicket();
      if (clock.mode === 'real') {
        timer = setInterval(() => {
          ensureTicket().catch((error: unknown) =>
            options.warn('wechat emulator: ticket push failed', error),
          );
        }, TICKET_INTERVAL_MS);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
