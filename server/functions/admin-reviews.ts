/**
 * What reviewers do with a submitted application (drafts answer NOT_FOUND): open it whole (audit
 * trail, file URLs, the check, ID numbers and mobiles in full — each opening recorded), and move it
 * through the platform review, the SMS check and the authority review. Every move records the
 * reviewer (an admin's name, or the operator's) in the audit trail; an admin never decides an
 * application of their own (app/duties.ts).
 */
import {
  beijingDate,
  channelOf,
  check,
  eventsFrom,
  relatedFilingsOf,
  type Application,
  type DataOf,
  type FilingEvent,
  type Opening,
  type ParamsOf,
} from '@beian/core';
import type { ActionSpec } from '../action-map';
import { assertMayDecide } from '../app/duties';
import { crossRecordFindings } from '../app/cross-record';
import { formFileIds } from '../app/files';
import { loadSubmitted } from '../app/load';
import { move } from '../app/move';
import { advance } from '../channel/follow';
import { currentTables } from '../app/tables';
import type { ServerDeps } from '../deps';
import { adminParams } from '../schemas/params';
import { reviewerActor, type AdminAction, type Reviewer } from './callers';

export const getForReview: AdminAction<'filing.get'> = {
  params: adminParams['filing.get'],
  async run({ id }, { who, deps }) {
    const application = await loadSubmitted(deps, id);
    const { kind, cancelScope, form } = application;
    // Written before the page gets the numbers: an opening that was not recorded shows nothing.
    await deps.store.recordOpening(openingOf(application, who, deps.clock.now()));
    const [audit, openings, media, tables, across, recognitions] = await Promise.all([
      deps.store.auditOf(id),
      deps.store.openingsOf(id),
      deps.files.temporaryUrls(formFileIds(form)),
      currentTables(deps),
      crossRecordFindings(deps, application),
      deps.store.recognitions.of(id),
    ]);
    return {
      filing: application,
      timeline: application.timeline,
      audit,
      openings,
      media,
      check: check(
        { kind, cancelScope, form },
        { today: beijingDate(deps.clock.now()), tables, channel: channelOf(application), recognitions },
      ),
      // The same subject's other filings, another filer's principal masked (core/rules/related.ts).
      related: relatedFilingsOf(application, across.related),
      recognitions,
    };
  },
};

function openingOf(application: Application, who: Reviewer, now: Date): Opening {
  return {
    type: 'opened',
    applicationId: application.id,
    at: now.toISOString(),
    actor: reviewerActor(who),
    state: application.state,
    version: application.version,
  };
}

type ReviewMove =
  'review.approve' | 'review.reject' | 'sms.record' | 'authority.approve' | 'authority.reject';

function reviewMove<A extends ReviewMove>(
  action: A,
  eventOf: (params: ParamsOf<'admin', A>, application: Application) => FilingEvent,
): AdminAction<A> {
  const spec: ActionSpec<ParamsOf<'admin', ReviewMove>, DataOf<'admin', ReviewMove>, Reviewer, ServerDeps> = {
    params: adminParams[action],
    async run(params, { who, deps }) {
      const application = await loadSubmitted(deps, params.id);
      if (who.kind === 'admin') assertMayDecide(who, application);
      const moved = await move(deps, {
        application,
        version: params.version,
        event: eventOf(params as ParamsOf<'admin', A>, application),
        actor: reviewerActor(who),
      });
      // An approved pre-review goes on to WeChat at once: the face task, or the cancellation.
      return { filing: await advance(deps, moved.application) };
    },
  };
  return spec as AdminAction<A>;
}

// The same two actions review Beian's pre-review (WeChat channel) and record the platform's
// review (manual channel): which one the application is in decides, as core's workflow table
// says (the state a pre-review's approval leaves).
const inPreReview = (application: Application): boolean =>
  eventsFrom(application.state).includes('pre_approve');
export const approveReview = reviewMove('review.approve', (_params, application) => ({
  type: inPreReview(application) ? 'pre_approve' : 'platform_approve',
}));
export const rejectReview = reviewMove('review.reject', ({ reasons }, application) => ({
  type: inPreReview(application) ? 'pre_reject' : 'platform_reject',
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
