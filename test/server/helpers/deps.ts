/**
 * The server's dependencies for a test of one part: the store and what the test looks at are
 * given, the rest are quiet stand-ins (no files, messages that always go, no log, no operator).
 */
import { createCalendar, DEFAULT_TEMPLATES } from '@beian/core';
import type { ServerDeps } from '../../../server/deps';
import { NO_CERTIFICATE_READER } from '../../../server/ocr/refusals';
import { MANUAL_ONLY } from '../../../server/wechat/channel';
import { FakeFiles } from './files';

export function quietDeps(store: ServerDeps['store'], overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    clock: { now: () => new Date() },
    store,
    files: new FakeFiles(),
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
