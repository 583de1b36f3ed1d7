import type { SubscribeAnswer } from '../contract';

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

/**
 * What `wx.requestSubscribeMessage` answers per template id, and what each means. The record's
 * type makes it list every answer the contract's SubscribeAnswer has.
 */
const SUBSCRIBE_ANSWER_INFO: Readonly<Record<SubscribeAnswer, string>> = {
  accept: 'the filer agreed to one message',
  reject: 'the filer declined this time',
  ban: 'the template was banned by the platform',
  filter: 'the template was filtered (same title and keywords as another)',
};

/** Every answer, for the boundary's enumeration. */
export const SUBSCRIBE_ANSWERS = Object.keys(SUBSCRIBE_ANSWER_INFO) as SubscribeAnswer[];
