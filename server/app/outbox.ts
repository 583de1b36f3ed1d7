/**
 * The outbox dispatcher (run by the scheduler every minute). Each message is claimed with a
 * conditional write before anything is sent, so two dispatchers running at once never send one
 * message twice; a claim whose dispatcher died is not retried blindly (the send may have happened)
 * but closed as failed. Outcomes, in WeChat's terms:
 * - no credit for the template on our side: `skipped`, WeChat is not called;
 * - sent: `sent`, the credit is spent;
 * - 43101 (the filer has no credit at WeChat): `no_consent`, final, our count is zeroed;
 * - 47003 / 40037 / 41030 (bad payload, template id, page): `rejected`, final and logged loudly —
 *   it is our bug or configuration, and retrying cannot help;
 * - anything else: retried with exponential backoff, and `failed` after the 5th attempt.
 */
import type { DispatchReport } from '@beian/core';
import type { ServerDeps } from '../deps';
import { MAX_CREDITS_PER_TEMPLATE } from './quotas';
import type { SendResult } from '../ports';
import type { Credits, Outbox, OutboxMessage } from '../store/types';

/** The dispatcher's share of the deps: the outbox and the credits, never an application. */
export type DispatchDeps = Pick<ServerDeps, 'clock' | 'logger' | 'messenger'> & { store: Outbox & Credits };

export const MAX_ATTEMPTS = 5;
/** Wait before retry n: 1, 2, 4, 8 minutes. */
export const BACKOFF_BASE_MS = 60_000;
/** How long a claim holds: far longer than a function may run (60 s at most). */
export const LEASE_MS = 5 * 60_000;
export const NO_CONSENT = 43101;
export const REJECTED_CODES: readonly number[] = [47003, 40037, 41030];

export function backoffMs(attempts: number): number {
  return BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1);
}

type Outcome = keyof DispatchReport;

export function emptyReport(): DispatchReport {
  return { sent: 0, noConsent: 0, rejected: 0, retried: 0, failed: 0, skipped: 0 };
}

export interface DispatchOptions {
  /** Most messages one run sends to WeChat; skipped ones (no credit) do not count. */
  limit: number;
  /** Stop claiming new messages after this moment (ms since epoch): the function has a timeout. */
  deadline: number;
}

/** Pages of due messages one run reads at most, whatever they hold (a guard, not a budget). */
const MAX_PAGES = 100;

/**
 * Sends due messages until `limit` of them reached WeChat, the due ones run out, or the deadline
 * passes. A skipped message (no credit) costs no WeChat call and is closed at once, so it does not
 * use up the batch: 5,000 skipped ones once held back due notices for 22 minutes.
 */
export async function dispatchOutbox(deps: DispatchDeps, options: DispatchOptions): Promise<DispatchReport> {
  const report = emptyReport();
  let attempted = 0;
  for (let page = 0; page < MAX_PAGES && attempted < options.limit; page += 1) {
    const due = await deps.store.dueMessages(deps.clock.now().toISOString(), options.limit - attempted);
    if (due.length === 0) break;
    for (const message of due) {
      if (Date.now() > options.deadline) return report;
      const outcome = await dispatchOne(deps, message);
      if (outcome) report[outcome] += 1;
      if (outcome && outcome !== 'skipped') attempted += 1;
    }
  }
  return report;
}

/** Claims, sends and records one message; null when another dispatcher had it first. */
async function dispatchOne(deps: DispatchDeps, message: OutboxMessage): Promise<Outcome | null> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const claimed: OutboxMessage = {
    ...message,
    status: 'sending',
    leaseUntil,
    // A claim that is never finished comes due again when its lease ends.
    nextAttemptAt: leaseUntil,
    updatedAt: now.toISOString(),
    rev: message.rev + 1,
  };
  if (!(await deps.store.updateMessage(claimed, message.rev))) return null;
  const finish = async (changes: Partial<OutboxMessage>, outcome: Outcome): Promise<Outcome> => {
    const at = deps.clock.now().toISOString();
    await deps.store.updateMessage(
      { ...claimed, leaseUntil: null, updatedAt: at, rev: claimed.rev + 1, ...changes },
      claimed.rev,
    );
    return outcome;
  };
  if (message.status === 'sending') {
    deps.logger.error(`outbox ${message.id} claim expired: outcome unknown, not resent`);
    return finish({ status: 'failed', lastError: 'claim expired: outcome unknown' }, 'failed');
  }
  const { touser, templateId } = message.message;
  if (!(await deps.store.takeCredit(touser, templateId))) return finish({ status: 'skipped' }, 'skipped');
  const result = await send(deps, message);
  const attempts = message.attempts + 1;
  if (result.ok) return finish({ status: 'sent', attempts, lastError: null }, 'sent');
  const lastError = `${result.errCode} ${result.errMsg}`.slice(0, 200);
  if (result.errCode === NO_CONSENT) {
    await deps.store.clearCredit(touser, templateId);
    return finish({ status: 'no_consent', attempts, lastError }, 'noConsent');
  }
  // WeChat did not deliver, so the credit was not spent.
  await deps.store.returnCredit(touser, templateId, MAX_CREDITS_PER_TEMPLATE);
  if (REJECTED_CODES.includes(result.errCode)) {
    deps.logger.error(
      `outbox REJECTED ${message.id} role=${message.role} template=${templateId}: ${lastError}`,
    );
    return finish({ status: 'rejected', attempts, lastError }, 'rejected');
  }
  if (attempts >= MAX_ATTEMPTS) {
    deps.logger.error(`outbox FAILED ${message.id} after ${attempts} attempts: ${lastError}`);
    return finish({ status: 'failed', attempts, lastError }, 'failed');
  }
  const nextAttemptAt = new Date(deps.clock.now().getTime() + backoffMs(attempts)).toISOString();
  return finish({ status: 'pending', attempts, lastError, nextAttemptAt }, 'retried');
}

async function send(deps: DispatchDeps, message: OutboxMessage): Promise<SendResult> {
  try {
    return await deps.messenger.send(message.message);
  } catch (error) {
    // The port promises not to throw; if an adapter does anyway, it is one more retryable failure.
    deps.logger.error(`outbox ${message.id} messenger threw`, error);
    return { ok: false, errCode: -1, errMsg: error instanceof Error ? error.message : String(error) };
  }
}
