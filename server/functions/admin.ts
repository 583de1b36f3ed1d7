/**
 * The `admin` function: reviewers (OPENIDs on the admins list) and operator calls (no OPENID,
 * `operator: { name, key }` matching BEIAN_OPERATOR_KEY). Managing admins and running the setup
 * are the operator's alone: an admin cannot make more admins.
 */
import type { ActionName } from '@beian/core';
import { defineFunction } from '../action-map';
import type { ServerDeps } from '../deps';
import { refuse } from '../errors';
import { addAdmin, getStats, listAdmins, listQueue, removeAdmin, runSetup } from './admin-desk';
import {
  approveAuthority,
  approveReview,
  getForReview,
  recordSms,
  rejectAuthority,
  rejectReview,
} from './admin-reviews';
import { retrySend } from './admin-channel';
import type { Reviewer } from './callers';

export type { Reviewer };

export const OPERATOR_ONLY: readonly ActionName<'admin'>[] = [
  'admins.add',
  'admins.remove',
  'admins.list',
  'setup.run',
];

export const admin = defineFunction<'admin', Reviewer, ServerDeps>({
  name: 'admin',
  actions: {
    'queue.list': listQueue,
    'filing.get': getForReview,
    'review.approve': approveReview,
    'wechat.retry': retrySend,
    'review.reject': rejectReview,
    'sms.record': recordSms,
    'authority.approve': approveAuthority,
    'authority.reject': rejectAuthority,
    'stats.get': getStats,
    'admins.add': addAdmin,
    'admins.remove': removeAdmin,
    'admins.list': listAdmins,
    'setup.run': runSetup,
  },
  async identify(caller, action, deps) {
    if (caller.kind === 'operator') return { kind: 'operator', name: caller.name };
    if (caller.kind !== 'user') throw refuse.unauthenticated();
    const record = await deps.store.getAdmin(caller.openid);
    if (!record) throw refuse.forbidden('你不是审核员，无法使用审核台。');
    if (OPERATOR_ONLY.includes(action)) throw refuse.forbidden('只有操作员（云开发控制台）可以进行此操作。');
    return { kind: 'admin', openid: record.openid, name: record.name, mobile: record.mobile ?? null };
  },
});
