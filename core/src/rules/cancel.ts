/**
 * What `check` means for a cancellation (注销). A cancel starts from a filed record and resubmits
 * nothing to the 通管局 but the request: MIIT then sends a confirmation SMS to the principal the
 * scope concerns, and ignoring it aborts the cancellation (docs/domain.md § Change, cancel, withdraw). So a cancel only
 * needs what identifies the record and reaches that person:
 * - `subject` (注销主体): the subject's name and the subject principal's name, mobile and
 *   document (the SMS goes to them);
 * - `miniprogram` (注销小程序): the subject's name, the AppID and name, and the mini-program
 *   principal's name, mobile and document (the subject principal's when they are the same person);
 * - `access` (取消接入): the subject's name and the AppID and name; MIIT sends no SMS for it.
 * Validity periods, photos, materials and pre-checks do not apply: nothing is re-reviewed.
 */
import type { CancelScope } from '../model/application';
import type { Principal } from '../model/form';
import { mobile, personNumber, present, trimmed } from './common';
import type { RuleContext } from './findings';
import { personName } from './principal';

/** The paths a cancellation of this scope reads; issues elsewhere do not concern it. */
export function cancelPaths(scope: CancelScope): readonly string[] {
  const identity = ['subject.name', 'miniprogram.appid', 'miniprogram.name'];
  switch (scope) {
    case 'subject':
      return ['subject.name', 'subject.principal'];
    case 'miniprogram':
      return [...identity, 'subject.principal', 'miniprogram.principal'];
    case 'access':
      return identity;
  }
}

function reachable(ctx: RuleContext, prefix: string, person: Principal): void {
  personName(ctx, `${prefix}.name`, person.name);
  mobile(ctx, `${prefix}.mobile`, person.mobile);
  present(ctx, `${prefix}.certificate.type`, person.certificate.type);
  personNumber(ctx, `${prefix}.certificate.number`, person.certificate);
}

export function checkCancel(ctx: RuleContext, scope: CancelScope): void {
  const { subject, miniprogram } = ctx.form;
  if (present(ctx, 'subject.name', subject.name)) trimmed(ctx, 'subject.name', subject.name);
  if (scope !== 'subject') {
    present(ctx, 'miniprogram.appid', miniprogram.appid);
    present(ctx, 'miniprogram.name', miniprogram.name);
  }
  if (scope === 'subject' || (scope === 'miniprogram' && miniprogram.principal.sameAsSubjectPrincipal)) {
    reachable(ctx, 'subject.principal', subject.principal);
  } else if (scope === 'miniprogram') {
    reachable(ctx, 'miniprogram.principal', miniprogram.principal);
  }
}
