/**
 * Everything the action maps need, supplied by an adapter set: `server/cloudbase/deps.ts` for the
 * deployed functions, the local cloud (local/) for development. Build the configuration part with
 * `loadConfig(process.env)` (server/config.ts) so both read the same environment variables.
 */
import type { Calendar, TemplateConfig } from '@beian/core';
import type { BaseDeps } from './action-map';
import type { CertificateReader, Clock, Files, Messenger } from './ports';
import type { Store } from './store/types';
import type { WeChatChannel } from './wechat/channel';

export interface ServerDeps extends BaseDeps {
  /** Where "now" comes from (a manual clock in the local cloud). Functions run on UTC. */
  clock: Clock;
  /** Applications, audit trail, outbox, credits, admins, stored answers. */
  store: Store;
  /** Short-lived URLs for stored files (`media.url`, the admin review page). */
  files: Files;
  /** Reads certificate photos (filing certificate.recognize): WeChat's OCR, or the local engine. */
  certificates: CertificateReader;
  /** Sends subscribe messages; only the scheduler's outbox dispatch calls it. */
  messenger: Messenger;
  /** Subscribe-message templates (DEFAULT_TEMPLATES or BEIAN_TEMPLATES). */
  templates: TemplateConfig;
  /** Working days with Chinese holidays (built-in years plus BEIAN_HOLIDAYS). */
  calendar: Calendar;
  /** The open-platform channel: its client when configured (server/wechat/config.ts), its status. */
  wechat: WeChatChannel;
  // Inherited from BaseDeps: `logger` (one line per call, no personal data) and `operatorKey`
  // (BEIAN_OPERATOR_KEY; null disables operator calls).
}
