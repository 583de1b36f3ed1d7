/**
 * Reads across applications on the cloud database: the reviewers' queue (with its name search),
 * the counts, the scheduler's sweeps, WeChat's poll and the stage durations of the stats. Each is
 * a range on one indexed field (database/collections.json), paged 100 at a time.
 */
import { FILING_STATES, REVIEW_STAGES, type FilingState, type StateCounts } from '@beian/core';
import { COLLECTIONS } from '../store/collections';
import { queryTokens } from '../store/search-tokens';
import type { Queues } from '../store/types';
import { toApplication } from './applications';
import type { CloudDatabase, Condition } from './db';
import { readAll, readByKey } from './reads';

export function cloudbaseQueues(db: CloudDatabase): Queues {
  const _ = db.command;
  const applications = () => db.collection(COLLECTIONS.applications);

  return {
    /**
     * One read per page of up to 100: a range on `queueKey` (bucket|due|id, on the state_queueKey
     * index) continues after the cursor, and past 100 after the last key read, never with `skip`.
     * A search asks for every token of the query (an indexed array) and checks the exact substring
     * only on those candidates (database/README.md § Search).
     */
    async queue(filter, limit) {
      const base: Condition = { state: _.in([...filter.states]) };
      if (filter.overdueOnly) base.overdue = true;
      // Stored before channels existed, an application has no `channel`: it is a manual one.
      if (filter.channel) base.channel = filter.channel === 'wechat' ? 'wechat' : _.neq('wechat');
      const parts: object[] = [];
      if (filter.query) {
        const tokens = queryTokens(filter.query);
        if (tokens.length > 0) parts.push({ searchTokens: _.all(tokens) });
        const pattern = db.RegExp({ regexp: escapeRegExp(filter.query), options: 'i' });
        parts.push(_.or({ subjectName: pattern }, { miniprogramName: pattern }));
      }
      const pageAfter = (after: string | null) => {
        const condition: Condition = after === null ? base : { ...base, queueKey: _.gt(after) };
        const where = parts.length > 0 ? _.and(condition, ...parts) : condition;
        return applications().where(where).orderBy('queueKey', 'asc');
      };
      return (await readByKey(pageAfter, filter.after, 'queueKey', limit)).map(toApplication);
    },

    /** One aggregate, grouped by state: a single request however many states there are. */
    async countByState() {
      const { list } = await applications()
        .aggregate()
        .group({ _id: '$state', n: _.aggregate.sum(1) })
        // Without a limit an aggregate answers 20 results at most; there is one per state.
        .limit(FILING_STATES.length)
        .end();
      const counts = Object.fromEntries(FILING_STATES.map((state) => [state, 0])) as StateCounts;
      for (const { _id, n } of list) {
        if (typeof _id === 'string' && _id in counts) counts[_id as FilingState] = Number(n);
      }
      return counts;
    },

    async countOverdue() {
      const { total } = await applications()
        .where({ state: _.in([...REVIEW_STAGES]), overdue: true })
        .count();
      return total;
    },

    async expiredSmsWindows(now, limit) {
      const query = applications()
        .where({ state: 'sms_verification', dueAt: _.lte(now) })
        .orderBy('dueAt', 'asc');
      return (await readAll(query, limit)).map(toApplication);
    },

    async unflaggedOverdueReviews(now, limit) {
      const query = applications()
        .where({ state: _.in([...REVIEW_STAGES]), overdue: false, dueAt: _.lt(now) })
        .orderBy('dueAt', 'asc');
      return (await readAll(query, limit)).map(toApplication);
    },

    async followed(limit) {
      // A string bound leaves out the null keys of what is not followed (comparisons are by type).
      const query = applications()
        .where({ followKey: _.gte('') })
        .orderBy('followKey', 'asc');
      return (await readAll(query, limit)).map(toApplication);
    },

    async followedByAppid(appid) {
      return (await readAll(applications().where({ followAppid: appid }), 10)).map(toApplication);
    },

    async recentStageHours(stage, limit) {
      const query = db.collection(COLLECTIONS.stageExits).where({ stage }).orderBy('leftAt', 'desc');
      return (await readAll(query, limit)).map((doc) => Number(doc.hours));
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
