/**
 * The server's dependencies for a bench: the store under measurement, and quiet stand-ins for
 * everything else (no files, messages that always go, no log). Each bench overrides what it
 * measures (the clock, the WeChat channel, a logger that fails loudly).
 */
import { join } from 'node:path';
import { createCalendar, DEFAULT_TEMPLATES } from '@beian/core';
import { startLocalCloud, type LocalCloud } from '../local/cloud';
import { intakeSink } from '../local/wechat-intake';
import type { ServerDeps } from '../server/deps';
import { MANUAL_ONLY } from '../server/wechat/channel';
import { NO_CERTIFICATE_READER } from '../server/ocr/refusals';

export function benchDeps(store: ServerDeps['store'], overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    clock: { now: () => new Date() },
    store,
    files: {
      content: async () => null,
      temporaryUrls: async () => ({}),
      verify: async () => ({}),
      register: async () => 'missing',
      setup: async () => [],
    },
    certificates: NO_CERTIFICATE_READER,
    messenger: { send: async () => ({ ok: true }) },
    templates: DEFAULT_TEMPLATES,
    calendar: createCalendar(),
    wechat: MANUAL_ONLY,
    operatorKey: null,
    logger: { info: () => undefined, error: () => undefined },
    ...overrides,
  };
}

/**
 * A local cloud on a manual clock, no timers, whose emulated WeChat pushes to the Beian that
 * `deps()` answers once the bench has built it (a push before then is refused).
 */
export function startBenchCloud(
  dir: string,
  startAt: Date,
  deps: () => ServerDeps | null,
): Promise<LocalCloud> {
  return startLocalCloud({
    port: 0,
    dataDir: join(dir, 'cloud'),
    clock: 'manual',
    startAt,
    schedule: false,
    wechatSink: intakeSink(() => {
      const up = deps();
      if (!up) throw new Error('Beian is not up yet');
      return up;
    }),
  });
}
