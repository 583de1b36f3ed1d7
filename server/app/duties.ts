/**
 * Separation of duties: a reviewer decides no application of their own. An admin may not review,
 * record the SMS check for, or decide the authority result of an application they filed, nor one
 * whose subject or mini-program principal has the mobile the admin registered (a filing made for
 * them under another WeChat account). The operator is not held to this: it is the console's way
 * out when no other reviewer is free, and the audit trail names the operator as the actor.
 */
import type { Application } from '@beian/core';
import { refuse } from '../errors';

/** The admin deciding: their OPENID and the mobile on their admins record, if any. */
export interface Decider {
  openid: string;
  mobile: string | null;
}

export const OWN_APPLICATION = '不能审核自己提交的申请，请交由其他审核员处理。';
export const OWN_MOBILE = '这条申请的负责人手机号与你登记的手机号相同，不能由你审核，请交由其他审核员处理。';

/** Why this admin must stay out of this application, or null when they may decide it. */
export function conflictOf(admin: Decider, application: Application): string | null {
  if (application.owner === admin.openid) return OWN_APPLICATION;
  const { subject, miniprogram } = application.form;
  const mobiles = [subject.principal.mobile, miniprogram.principal.mobile].map((m) => m.trim());
  if (admin.mobile !== null && mobiles.includes(admin.mobile)) return OWN_MOBILE;
  return null;
}

/** Refuses (FORBIDDEN) an admin with a conflict of interest; see `conflictOf`. */
export function assertMayDecide(admin: Decider, application: Application): void {
  const conflict = conflictOf(admin, application);
  if (conflict !== null) throw refuse.forbidden(conflict);
}
