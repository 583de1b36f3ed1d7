/**
 * Who acts in each function once the platform's caller has been resolved (action-map.ts), and how
 * they appear in the audit trail.
 */
import type { Actor } from '@beian/core';

/** A filer is whoever the WeChat context says is calling; they act only on their own applications. */
export interface Filer {
  kind: 'filer';
  openid: string;
}

/** A reviewer: an OPENID on the admins list, or an operator call from the console. */
export type Reviewer = { kind: 'admin'; openid: string; name: string } | { kind: 'operator'; name: string };

/** The scheduler runs for its timer trigger (the system) or an operator, never for a user. */
export type SchedulerCaller = { kind: 'system' } | { kind: 'operator'; name: string };

export function reviewerActor(reviewer: Reviewer): Actor {
  return reviewer.kind === 'admin'
    ? { kind: 'admin', openid: reviewer.openid, name: reviewer.name }
    : { kind: 'operator', name: reviewer.name };
}
