/**
 * Who acts in each function once the platform's caller has been resolved (action-map.ts), and how
 * they appear in the audit trail.
 */
import type { ActionName, DataOf, ParamsOf, ReviewerActor } from '@beian/core';
import type { ActionSpec } from '../action-map';
import type { ServerDeps } from '../deps';

/** A filer is whoever the WeChat context says is calling; they act only on their own applications. */
export interface Filer {
  kind: 'filer';
  openid: string;
}

/**
 * A reviewer: an OPENID on the admins list (with the mobile they registered, if any: see
 * app/duties.ts), or an operator call from the console.
 */
export type Reviewer =
  { kind: 'admin'; openid: string; name: string; mobile: string | null } | { kind: 'operator'; name: string };

/** The scheduler runs for its timer trigger (the system) or an operator, never for a user. */
export type SchedulerCaller = { kind: 'system' } | { kind: 'operator'; name: string };

export function reviewerActor(reviewer: Reviewer): ReviewerActor {
  return reviewer.kind === 'admin'
    ? { kind: 'admin', openid: reviewer.openid, name: reviewer.name }
    : { kind: 'operator', name: reviewer.name };
}

/** One action of the `filing` function, typed from the contract. */
export type FilingAction<A extends ActionName<'filing'>> = ActionSpec<
  ParamsOf<'filing', A>,
  DataOf<'filing', A>,
  Filer,
  ServerDeps
>;

/** One action of the `admin` function, typed from the contract. */
export type AdminAction<A extends ActionName<'admin'>> = ActionSpec<
  ParamsOf<'admin', A>,
  DataOf<'admin', A>,
  Reviewer,
  ServerDeps
>;
