/**
 * The server's dependencies for a bench: the store under measurement, and quiet stand-ins for
 * everything else (no files, messages that always go, no log). Each bench overrides what it
 * measures (the clock, the WeChat channel, a logger that fails loudly).
 */
import { createCalendar, DEFAULT_TEMPLATES } from '@beian/core';
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
