/**
 * The filer's applications: reading one with its timeline and what to do now, paging through
 * their own list, the server's check of a draft, and the filer's versioned moves (withdraw, the
 * SMS check, the face retry, submitting). A new draft, or a change or cancellation of a filed
 * record, starts with `createDraft` (services/drafts.ts).
 * Every answer is the envelope from the server: pages show `error.message` when `ok` is false.
 */
import type { DataOf, Envelope, FilingView } from '@beian/core';
import { call } from './cloud';

export type FilingDetail = DataOf<'filing', 'filing.get'>;
export type FilingPage = DataOf<'filing', 'filing.list'>;

type FilingAnswer = Promise<Envelope<{ filing: FilingView }>>;

/** One page of the filer's own applications, newest first. */
export const PAGE_SIZE = 20;

export function getFiling(id: string): Promise<Envelope<FilingDetail>> {
  return call('filing', 'filing.get', { id });
}

export function listFilings(cursor: string | null): Promise<Envelope<FilingPage>> {
  return call('filing', 'filing.list', cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE });
}

/** The version sent is the one the filer saw: a change made elsewhere meanwhile answers CONFLICT. */
export function withdraw(filing: Pick<FilingView, 'id' | 'version'>): FilingAnswer {
  return call('filing', 'filing.withdraw', { id: filing.id, version: filing.version });
}

export function resendSms(filing: Pick<FilingView, 'id' | 'version'>): FilingAnswer {
  return call('filing', 'sms.resend', { id: filing.id, version: filing.version });
}

export function confirmSms(filing: Pick<FilingView, 'id' | 'version'>): FilingAnswer {
  return call('filing', 'sms.confirm', { id: filing.id, version: filing.version });
}

/** Through WeChat: a new face-verification task when the last one failed or lapsed. */
export function retryFace(filing: Pick<FilingView, 'id' | 'version'>): FilingAnswer {
  return call('filing', 'face.retry', { id: filing.id, version: filing.version });
}

/**
 * Submits (the form's 提交, the progress page's 重新提交) through services/submission.ts: the same
 * `requestId` for the same intent makes a repeated tap harmless.
 */
export function submitFiling(filing: Pick<FilingView, 'id' | 'version'>, requestId: string): FilingAnswer {
  return call('filing', 'filing.submit', { id: filing.id, version: filing.version, requestId });
}

/** The summary's full check, run by the server on the saved draft: what submitting will see. */
export function checkFiling(id: string): Promise<Envelope<DataOf<'filing', 'filing.check'>>> {
  return call('filing', 'filing.check', { id });
}

/** An idempotency key for one submit intent: unique enough without crypto, which old clients lack. */
export function newRequestId(): string {
  const random = () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return `${Date.now().toString(16)}-${random()}-${random()}-${random()}`;
}
