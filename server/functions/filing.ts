/**
 * The `filing` function: everything a filer does, each action acting only on the caller's own
 * applications (another filer's id answers NOT_FOUND). Calls without an OPENID are refused.
 */
import { defineFunction } from '../action-map';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';
import type { Filer } from './callers';
import { checkFiling, createDraft, saveDraft } from './filing-drafts';
import { registerFile } from './filing-files';
import { platformAuthorization } from './filing-platform';
import { confirmSms, resendSms, submitFiling, withdrawFiling } from './filing-moves';
import { retryFace } from './filing-channel';
import { recognizeCertificate } from './filing-certificates';
import { getTables } from './filing-tables';
import { getFiling, getSession, listFilings, mediaUrls, recordSubscription } from './filing-reads';

export type { Filer };

export const filing = defineFunction<'filing', Filer, ServerDeps>({
  name: 'filing',
  actions: {
    'session.get': getSession,
    'draft.create': createDraft,
    'draft.save': saveDraft,
    'filing.check': checkFiling,
    'filing.submit': submitFiling,
    'filing.withdraw': withdrawFiling,
    'filing.get': getFiling,
    'filing.list': listFilings,
    'sms.resend': resendSms,
    'sms.confirm': confirmSms,
    'face.retry': retryFace,
    'certificate.recognize': recognizeCertificate,
    'subscription.record': recordSubscription,
    'media.url': mediaUrls,
    'file.register': registerFile,
    'platform.authorization': platformAuthorization,
    'tables.get': getTables,
  },
  async identify(caller) {
    if (caller.kind === 'user') return { kind: 'filer', openid: caller.openid };
    throw refuse.unauthenticated();
  },
});
