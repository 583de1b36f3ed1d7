/**
 * The ports the application layer needs. Two adapter sets implement them: `cloudbase/`
 * (wx-server-sdk) for the deployed functions and `sqlite/` (better-sqlite3) for the local cloud.
 */
import type { SubscribeMessage } from '@beian/core';

/** Where "now" comes from, so the local cloud can run a manual clock. */
export interface Clock {
  now(): Date;
}

/** The outcome of one subscribe-message send, in WeChat's terms. */
export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

/** Sends subscribe messages (`subscribeMessage.send`). Never throws: errors come back as errCode. */
export interface Messenger {
  send(message: SubscribeMessage): Promise<SendResult>;
}

/** Cloud storage, as far as the back end uses it. */
export interface Files {
  /** Short-lived URLs for the given file ids; ids that do not exist are left out. */
  temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>>;
}

/** One line per call; never personal data (ID numbers, phone numbers, form contents). */
export interface Logger {
  info(line: string): void;
  error(line: string, error?: unknown): void;
}
