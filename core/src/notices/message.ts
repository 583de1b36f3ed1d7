/** The roles of the three subscribe-message templates Beian sends (ids are configuration). */
export type TemplateRole = 'progress' | 'result' | 'todo';

/** One keyword value, as `subscribeMessage.send` takes it. */
export interface KeywordValue {
  value: string;
}

/**
 * A subscribe message ready for `cloud.openapi.subscribeMessage.send` (camelCase parameters; the
 * SDK converts them). `data` keys are the template's keyword names (`thing1`, `phrase2`, …), whose
 * prefix is the keyword's type.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, KeywordValue>;
}
