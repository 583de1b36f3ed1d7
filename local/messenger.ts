/**
 * WeChat's side of subscribe messages, emulated (docs/cloud-platform.md § Subscribe messages): the consent credits
 * WeChat keeps per user and template (each accepted tap is one credit, each delivered message
 * spends one), and `subscribeMessage.send`'s answers —
 * - 40037 for a template id the mini-program does not have,
 * - 41030 for a `page` that is not a page of app.json,
 * - 47003 for a keyword value its type does not allow (core's `validateMessage`),
 * - 43101 when the user has no credit left for the template.
 * Parameters are checked before consent, so a malformed message never spends a credit. Every
 * answer is kept, sent or refused, for `GET /_/messages`; the ledger lives in the data folder.
 */
import { validateMessage, type KeywordValue, type SubscribeAnswer, type SubscribeMessage } from '@beian/core';
import { z } from 'zod';
import type { Clock, Messenger, SendResult } from '../server/ports';
import { routeOf } from './app-pages';
import { readJsonFile, writeJsonFile } from './json-file';

/** What is kept of the send log; the oldest entries go first. */
export const MAX_KEPT_MESSAGES = 5000;

export interface MessageRecord {
  /** 1, 2, 3… in the order WeChat answered. */
  seq: number;
  at: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, KeywordValue>;
  outcome: 'sent' | 'refused';
  /** 0 when sent. */
  errCode: number;
  errMsg: string;
}

const recordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  touser: z.string(),
  templateId: z.string(),
  page: z.string(),
  data: z.record(z.string(), z.object({ value: z.string() })),
  outcome: z.enum(['sent', 'refused']),
  errCode: z.number().int(),
  errMsg: z.string(),
});

const ledgerSchema = z.object({
  credits: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
  messages: z.array(recordSchema),
  seq: z.number().int().min(0),
});

type Ledger = z.infer<typeof ledgerSchema>;

/** `requestSubscribeMessage` with an id the mini-program does not have fails with 20001. */
export class UnknownTemplateError extends Error {
  constructor(readonly templateIds: string[]) {
    super(`小程序没有这些订阅消息模板（20001）：${templateIds.join('、')}`);
    this.name = 'UnknownTemplateError';
  }
}

export interface LocalMessengerOptions {
  /** Where the ledger is kept. */
  file: string;
  clock: Clock;
  /** The mini-program's templates (订阅消息 → 我的模板). */
  templateIds: readonly string[];
  /** The routes of app.json's pages. */
  pages: ReadonlySet<string>;
}

export class LocalMessenger implements Messenger {
  private readonly ledger: Ledger;

  constructor(private readonly options: LocalMessengerOptions) {
    this.ledger = readJsonFile(options.file, ledgerSchema) ?? { credits: {}, messages: [], seq: 0 };
  }

  /** The answers of one consent sheet; returns the user's credits afterwards. */
  subscribe(openid: string, results: Record<string, SubscribeAnswer>): Record<string, number> {
    const unknown = Object.keys(results).filter((id) => !this.options.templateIds.includes(id));
    if (unknown.length > 0) throw new UnknownTemplateError(unknown);
    const credits = (this.ledger.credits[openid] ??= {});
    for (const [templateId, answer] of Object.entries(results)) {
      if (answer === 'accept') credits[templateId] = (credits[templateId] ?? 0) + 1;
    }
    this.save();
    return { ...credits };
  }

  creditsOf(openid: string): Record<string, number> {
    return { ...this.ledger.credits[openid] };
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    const refusal = this.refusalOf(message) ?? this.spendCredit(message);
    if (refusal) {
      this.record(message, refusal.errCode, refusal.errMsg);
      return { ok: false, ...refusal };
    }
    this.record(message, 0, 'ok');
    return { ok: true };
  }

  /** Newest last; only one user's when `touser` is given. */
  messages(touser?: string): MessageRecord[] {
    return this.ledger.messages.filter((m) => touser === undefined || m.touser === touser);
  }

  private refusalOf(message: SubscribeMessage): { errCode: number; errMsg: string } | null {
    if (!this.options.templateIds.includes(message.templateId)) {
      return { errCode: 40037, errMsg: 'invalid template_id' };
    }
    if (message.page !== '' && !this.options.pages.has(routeOf(message.page))) {
      return { errCode: 41030, errMsg: 'invalid page' };
    }
    return validateMessage(message);
  }

  /** Takes one of the user's credits for the template, or answers 43101 when there is none. */
  private spendCredit({ touser, templateId }: SubscribeMessage): { errCode: number; errMsg: string } | null {
    const credits = this.ledger.credits[touser];
    const left = credits?.[templateId] ?? 0;
    if (!credits || left < 1) return { errCode: 43101, errMsg: 'user refuse to accept the msg' };
    credits[templateId] = left - 1;
    return null;
  }

  private record(message: SubscribeMessage, errCode: number, errMsg: string): void {
    this.ledger.seq += 1;
    this.ledger.messages.push({
      seq: this.ledger.seq,
      at: this.options.clock.now().toISOString(),
      touser: message.touser,
      templateId: message.templateId,
      page: message.page,
      data: message.data,
      outcome: errCode === 0 ? 'sent' : 'refused',
      errCode,
      errMsg,
    });
    if (this.ledger.messages.length > MAX_KEPT_MESSAGES) this.ledger.messages.shift();
    this.save();
  }

  private save(): void {
    writeJsonFile(this.options.file, this.ledger);
  }
}
