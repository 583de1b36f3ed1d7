/**
 * Applications an admin must stay out of (server/app/duties.ts), in the stage each review move
 * needs: one the admin filed themselves, and one whose subject or mini-program principal has the
 * mobile the admin then registers. The admin's own application is moved on by the operator.
 */
import type { FilingForm, FilingView } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';
import { ADMIN, fileTo, ok, OWNER, type Harness } from './harness';

export type Conflict = 'owner' | 'subject' | 'miniprogram';
export type ReviewStage = 'platform_review' | 'sms_verification' | 'authority_review';

export const CONFLICTS: readonly Conflict[] = ['owner', 'subject', 'miniprogram'];
export const RECORD = '京ICP备2026012345号-1X';

type Seen = { id: string; version: number };

/** The five decisions, each with the stage it is taken in and its params. */
export const DECISIONS = [
  { action: 'review.approve', stage: 'platform_review', params: (a: Seen) => at(a) },
  {
    action: 'review.reject',
    stage: 'platform_review',
    params: (a: Seen) => ({
      ...at(a),
      reasons: [{ field: 'subject.name', error: '与证件不一致', suggest: '' }],
    }),
  },
  { action: 'sms.record', stage: 'sms_verification', params: (a: Seen) => at(a) },
  {
    action: 'authority.approve',
    stage: 'authority_review',
    params: (a: Seen) => ({ ...at(a), recordNumber: RECORD }),
  },
  {
    action: 'authority.reject',
    stage: 'authority_review',
    params: (a: Seen) => ({
      ...at(a),
      reasons: [{ field: 'miniprogram.comment', error: '描述不清', suggest: '写明主要功能' }],
    }),
  },
] as const;

function at(a: Seen): Seen {
  return { id: a.id, version: a.version };
}

/** The same form with its files under another filer's storage prefix, as that filer uploads them. */
function filedBy(openid: string, form: FilingForm): FilingForm {
  return JSON.parse(JSON.stringify(form).split(`filings/${OWNER}/`).join(`filings/${openid}/`)) as FilingForm;
}

/** The admin's own application, submitted from their WeChat account and moved on by the operator. */
async function adminsOwn(h: Harness, stage: ReviewStage): Promise<Seen> {
  const self = h.as('admin');
  const operator = h.as('operator');
  let filing: Seen = ok(await self.filing('draft.create', { kind: 'new' })).filing;
  const form = filedBy(ADMIN, personalForm());
  filing = ok(await self.filing('draft.save', { ...at(filing), form })).filing;
  filing = ok(await self.filing('filing.submit', { ...at(filing), requestId: `own-${filing.id}` })).filing;
  if (stage === 'platform_review') return filing;
  filing = ok(await operator.admin('review.approve', at(filing))).filing;
  if (stage === 'sms_verification') return filing;
  return ok(await operator.admin('sms.record', at(filing))).filing;
}

/** The mobile of the principal a conflict names, in the enterprise form (two distinct principals). */
export function principalMobile(conflict: Exclude<Conflict, 'owner'>): string {
  const form = enterpriseForm();
  return conflict === 'subject' ? form.subject.principal.mobile : form.miniprogram.principal.mobile;
}

/** An application in `stage` that the harness's admin may not decide, for the reason `conflict`. */
export async function conflicted(h: Harness, conflict: Conflict, stage: ReviewStage): Promise<Seen> {
  if (conflict === 'owner') return adminsOwn(h, stage);
  const filing: FilingView = await fileTo(h, stage, enterpriseForm());
  const mobile = principalMobile(conflict);
  ok(await h.as('operator').admin('admins.add', { openid: ADMIN, name: '审核员甲', mobile }));
  return filing;
}
