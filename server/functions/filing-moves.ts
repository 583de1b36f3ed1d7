/**
 * What the filer does to move their application: submit (idempotent by requestId), withdraw, and
 * the MIIT SMS check (resend once, confirm).
 */
import type { FilingEvent, FilingView } from '@beian/core';
import { requireOwnFiles } from '../app/files';
import { replay, requestFingerprint, requestKey } from '../app/idempotency';
import { loadOwned } from '../app/load';
import { move } from '../app/move';
import { filerView } from '../app/views';
import { Refusal } from '../errors';
import { filingParams } from '../schemas/params';
import type { FilingAction } from './callers';

type Answer = { filing: FilingView };

export const submitFiling: FilingAction<'filing.submit'> = {
  params: filingParams['filing.submit'],
  async run({ id, version, requestId }, { who, deps }) {
    const key = requestKey(who.openid, requestId);
    const fingerprint = requestFingerprint('filing.submit', { id, version });
    const prior = await deps.store.getRequest(key);
    if (prior) return replay<Answer>(prior, id, fingerprint);
    const application = await loadOwned(deps, id, who.openid);
    await requireOwnFiles(deps.files, application.form, who.openid);
    try {
      const moved = await move(deps, {
        application,
        version,
        event: { type: 'submit' },
        actor: { kind: 'filer', openid: who.openid },
        requestId,
        answer: (submitted) => ({
          key,
          owner: who.openid,
          applicationId: id,
          fingerprint,
          answer: JSON.stringify({ filing: filerView(submitted) } satisfies Answer),
          at: submitted.updatedAt,
        }),
      });
      // The first caller answers from the stored JSON too, so every retry is byte-for-byte equal.
      return JSON.parse(moved.request?.answer ?? 'null') as Answer;
    } catch (error) {
      // A concurrent retry of the same call won the race: answer what it answered.
      if (error instanceof Refusal && error.failure.code === 'CONFLICT') {
        const winner = await deps.store.getRequest(key);
        if (winner) return replay<Answer>(winner, id, fingerprint);
      }
      throw error;
    }
  },
};

function filerMove(
  action: 'filing.withdraw' | 'sms.resend' | 'sms.confirm',
  event: FilingEvent,
): FilingAction<typeof action> {
  return {
    params: filingParams[action],
    async run({ id, version }, { who, deps }) {
      const application = await loadOwned(deps, id, who.openid);
      const moved = await move(deps, {
        application,
        version,
        event,
        actor: { kind: 'filer', openid: who.openid },
      });
      return { filing: filerView(moved.application) };
    },
  };
}

export const withdrawFiling = filerMove('filing.withdraw', { type: 'withdraw' });
export const resendSms = filerMove('sms.resend', { type: 'sms_resend' });
export const confirmSms = filerMove('sms.confirm', { type: 'sms_verified' });
