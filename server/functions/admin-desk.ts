/**
 * The reviewers' desk (the queue and the stats) and the operator's tools (admins, setup).
 */
import { DUE_STAGES, SUBMITTED_STATES, type DueStage } from '@beian/core';
import { queueItemOf } from '../app/views';
import { refuse } from '../errors';
import { adminParams } from '../schemas/params';
import { queueKey } from '../store/keys';
import type { AdminAction } from './callers';
import { afterKey, DEFAULT_PAGE, pageOf } from './paging';

const DRAFTS_REFUSED = '审核台只显示已提交的申请，填写中的草稿不能查看。';

export const listQueue: AdminAction<'queue.list'> = {
  params: adminParams['queue.list'],
  async run({ state, overdue, query, channel, cursor, limit = DEFAULT_PAGE }, { deps }) {
    // BAD_REQUEST, not FORBIDDEN: the queue holds submitted applications only, for every caller
    // (the operator too), so asking it for drafts is a malformed request rather than one that
    // someone else would be allowed to make.
    if (state === 'draft')
      throw refuse.badRequest(DRAFTS_REFUSED, [
        { path: 'state', code: 'state.draft', message: DRAFTS_REFUSED },
      ]);
    const filter = {
      // Without a state filter: everything but drafts (a filer's unsent work).
      states: state ? [state] : SUBMITTED_STATES,
      overdueOnly: overdue === true,
      query: query?.trim() || null,
      channel: channel ?? null,
      after: afterKey(cursor),
    };
    const [found, counts] = await Promise.all([
      deps.store.queue(filter, limit + 1),
      deps.store.countByState(),
    ]);
    const now = deps.clock.now();
    return { ...pageOf(found, limit, (application) => queueItemOf(application, now), queueKey), counts };
  },
};

/** How many recent stage exits the medians are taken over: recent enough to show today's pace. */
export const MEDIAN_WINDOW = 500;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

export const getStats: AdminAction<'stats.get'> = {
  params: adminParams['stats.get'],
  async run(_params, { deps }) {
    const [counts, overdue, ...hours] = await Promise.all([
      deps.store.countByState(),
      deps.store.countOverdue(),
      ...DUE_STAGES.map((stage) => deps.store.recentStageHours(stage, MEDIAN_WINDOW)),
    ]);
    const medianHours = Object.fromEntries(DUE_STAGES.map((stage, i) => [stage, median(hours[i] ?? [])]));
    return {
      counts,
      overdue,
      medianHours: medianHours as Record<DueStage, number | null>,
    };
  },
};

export const addAdmin: AdminAction<'admins.add'> = {
  params: adminParams['admins.add'],
  async run({ openid, name, mobile }, { deps }) {
    const addedAt = deps.clock.now().toISOString();
    await deps.store.putAdmin(
      mobile === undefined ? { openid, name, addedAt } : { openid, name, addedAt, mobile },
    );
    const admin = await deps.store.getAdmin(openid);
    if (!admin) throw new Error(`admin ${openid} was not stored`);
    return { admin };
  },
};

export const removeAdmin: AdminAction<'admins.remove'> = {
  params: adminParams['admins.remove'],
  async run({ openid }, { deps }) {
    return { removed: await deps.store.removeAdmin(openid) };
  },
};

export const listAdmins: AdminAction<'admins.list'> = {
  params: adminParams['admins.list'],
  async run(_params, { deps }) {
    return { admins: await deps.store.listAdmins() };
  },
};

export const runSetup: AdminAction<'setup.run'> = {
  params: adminParams['setup.run'],
  async run(_params, { deps }) {
    const created = [...(await deps.store.setup()), ...(await deps.files.setup())];
    return { created, wechat: deps.wechat.status };
  },
};
