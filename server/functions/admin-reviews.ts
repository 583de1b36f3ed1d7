/**
 * What reviewers do with an application: open it whole (audit trail, file URLs, the check), and
 * move it through the platform review, the SMS check and the authority review. Every move records
 * the reviewer (an admin's name, or the operator's) in the audit trail.
 */
import { beijingDate, check, type DataOf, type FilingEvent, type ParamsOf } from '@beian/core';
import type { ActionSpec } from '../action-map';
import { formFileIds } from '../app/files';
import { loadAny } from '../app/load';
import { move } from '../app/move';
import { currentTables } from '../app/tables';
import type { ServerDeps } from '../deps';
import { adminParams } from '../schemas/params';
import { reviewerActor, type AdminAction, type Reviewer } from './callers';

export const getForReview: AdminAction<'filing.get'> = {
  params: adminParams['filing.get'],
  async run({ id }, { deps }) {
    const application = await loadAny(deps, id);
    const { kind, cancelScope, form } = application;
    const [audit, media, tables] = await Promise.all([
      deps.store.auditOf(id),
      deps.files.temporaryUrls(formFileIds(form)),
      currentTables(deps),
    ]);
    return {
      filing: application,
      timeline: application.timeline,
      audit,
      media,
      check: check({ kind, cancelScope, form }, { today: beijingDate(deps.clock.now()), tables }),
    };
  },
};

type ReviewMove =
  'review.approve' | 'review.reject' | 'sms.record' | 'authority.approve' | 'authority.reject';

function reviewMove<A extends ReviewMove>(
  action: A,
  eventOf: (params: ParamsOf<'admin', A>) => FilingEvent,
): AdminAction<A> {
  const spec: ActionSpec<ParamsOf<'admin', ReviewMove>, DataOf<'admin', ReviewMove>, Reviewer, ServerDeps> = {
    params: adminParams[action],
    async run(params, { who, deps }) {
      const application = await loadAny(deps, params.id);
      const moved = await move(deps, {
        application,
        version: params.version,
        event: eventOf(params as ParamsOf<'admin', A>),
        actor: reviewerActor(who),
      });
      return { filing: moved.application };
    },
  };
  return spec as AdminAction<A>;
}

export const approveReview = reviewMove('review.approve', () => ({ type: 'platform_approve' }));
export const rejectReview = reviewMove('review.reject', ({ reasons }) => ({
  type: 'platform_reject',
  reasons,
}));
export const recordSms = reviewMove('sms.record', () => ({ type: 'sms_verified' }));
export const approveAuthority = reviewMove('authority.approve', ({ recordNumber }) => ({
  type: 'authority_approve',
  recordNumber,
}));
export const rejectAuthority = reviewMove('authority.reject', ({ reasons }) => ({
  type: 'authority_reject',
  reasons,
}));
