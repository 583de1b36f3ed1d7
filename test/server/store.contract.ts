/**
 * The Store contract: what the action maps rely on, asserted identically against every adapter
 * (sqlite on a real file, cloudbase on the wx-server-sdk database double).
 */
import { FILING_STATES, type Application } from '@beian/core';
import { COLLECTION_NAMES } from '../../server/store/collections';
import { listKey, queueKey } from '../../server/store/keys';
import type { Store } from '../../server/store/types';
import { openStoreEach } from './helpers/store-each';
import { application, auditOf, commitOf, message, next } from './helpers/applications';

export interface StoreHarness {
  store: Store;
  /** The largest page one read asked the database for, where the adapter can tell. */
  maxPage?: () => number;
  cleanup(): Promise<void>;
}

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    openStoreEach(open, (opened) => {
      harness = opened;
      store = opened.store;
    });

    it('creates every collection once: a second setup creates nothing', async () => {
      const fresh = await open();
      try {
        expect((await fresh.store.setup()).sort()).toEqual([...COLLECTION_NAMES].sort());
        expect(await fresh.store.setup()).toEqual([]);
      } finally {
        await fresh.store.close();
        await fresh.cleanup();
      }
    });

    it('keeps an application exactly as written, and answers null for an unknown id', async () => {
      const app = application({
        state: 'platform_review',
        due: { stage: 'platform_review', at: '2026-11-04T15:59:59.999Z' },
      });
      await store.insertApplication(app);
      expect(await store.getApplication(app.id)).toEqual(app);
      expect(await store.getApplication('nope-404')).toBeNull();
    });

    it('commits conditionally on the version: a stale writer gets conflict and writes nothing', async () => {
      const app = application();
      await store.insertApplication(app);
      const submitted = next(app, { state: 'platform_review' });
      const audit = auditOf(app, 'draft', 'platform_review', '2026-11-02T00:00:00.000Z');
      expect(await store.commit(commitOf(submitted, 1, { audit, outbox: [message(app)] }))).toEqual({
        ok: true,
      });
      expect(await store.getApplication(app.id)).toEqual(submitted);
      expect(await store.auditOf(app.id)).toEqual([audit]);

      const stale = next(app, { state: 'withdrawn' });
      const lost = await store.commit(
        commitOf(stale, 1, { audit: auditOf(app, 'draft', 'withdrawn', 'x'), outbox: [message(app)] }),
      );
      expect(lost).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.getApplication(app.id)).toEqual(submitted);
      expect(await store.auditOf(app.id)).toHaveLength(1);
      expect(await store.outboxOf(app.id)).toHaveLength(1);
    });

    it('writes a transition and its base together or not at all', async () => {
      const base = application({ state: 'filed', recordNumber: '京ICP备2026000001号-1X' });
      const change = application({ kind: 'change', baseId: base.id, state: 'authority_review' });
      await store.insertApplication(base);
      await store.insertApplication(change);
      const filed = next(change, { state: 'filed' });
      const staleBase = { application: next(base), expectedVersion: 7 };
      expect(await store.commit(commitOf(filed, 1, { base: staleBase, outbox: [message(change)] }))).toEqual({
        ok: false,
        reason: 'conflict',
      });
      expect((await store.getApplication(change.id))?.state).toBe('authority_review');
      expect(await store.outboxOf(change.id)).toEqual([]);

      const rewritten = next(base, { form: change.form });
      expect(
        await store.commit(commitOf(filed, 1, { base: { application: rewritten, expectedVersion: 1 } })),
      ).toEqual({
        ok: true,
      });
      expect(await store.getApplication(base.id)).toEqual(rewritten);
    });

    it('stores the first answer of a request key and refuses a second commit with it', async () => {
      const app = application();
      await store.insertApplication(app);
      const request = {
        key: 'k-1',
        owner: app.owner,
        applicationId: app.id,
        fingerprint: 'f-1',
        answer: '{"n":1}',
        at: 'now',
      };
      expect(await store.commit(commitOf(next(app), 1, { request }))).toEqual({ ok: true });
      const again = { ...request, answer: '{"n":2}' };
      expect(await store.commit(commitOf(next(next(app)), 2, { request: again }))).toEqual({
        ok: false,
        reason: 'conflict',
      });
      expect(await store.getRequest('k-1')).toEqual(request);
      expect((await store.getApplication(app.id))?.version).toBe(2);
      expect(await store.getRequest('k-2')).toBeNull();
    });

    it('lets one open change or cancellation hold a filed record at a time', async () => {
      const a = application({ kind: 'change', baseId: 'base-1' });
      const b = application({ kind: 'cancel', cancelScope: 'subject', baseId: 'base-1' });
      await store.insertApplication(a);
      await store.insertApplication(b);
      const acquire = (app: Application) => ({
        baseId: 'base-1',
        holder: app.id,
        action: 'acquire' as const,
      });
      expect(await store.commit(commitOf(next(a), 1, { lock: acquire(a) }))).toEqual({ ok: true });
      expect(await store.lockHolder('base-1')).toBe(a.id);
      expect(await store.commit(commitOf(next(b), 1, { lock: acquire(b) }))).toEqual({
        ok: false,
        reason: 'base_busy',
        holder: a.id,
      });
      expect((await store.getApplication(b.id))?.version).toBe(1);
      // Re-acquiring by the holder (a resubmission) is fine; releasing by another is a no-op.
      expect(await store.commit(commitOf(next(next(a)), 2, { lock: acquire(a) }))).toEqual({ ok: true });
      const release = (app: Application) => ({
        baseId: 'base-1',
        holder: app.id,
        action: 'release' as const,
      });
      await store.commit(commitOf(next(b), 1, { lock: release(b) }));
      expect(await store.lockHolder('base-1')).toBe(a.id);
      await store.commit(commitOf(next(next(next(a))), 3, { lock: release(a) }));
      expect(await store.lockHolder('base-1')).toBeNull();
      expect(await store.commit(commitOf(next(next(b)), 2, { lock: acquire(b) }))).toEqual({ ok: true });
    });

    it('admits a draft within its owner’s cap, counting only that owner’s open drafts', async () => {
      await store.insertApplication(application({ state: 'platform_review' }));
      await store.insertApplication(application({ owner: 'o-filer-b' }));
      expect(await store.insertDraft(application(), 2)).toBe(true);
      expect(await store.insertDraft(application(), 2)).toBe(true);
      const refused = application();
      expect(await store.insertDraft(refused, 2)).toBe(false);
      expect(await store.getApplication(refused.id)).toBeNull();
      expect(await store.insertDraft(application({ owner: 'o-filer-b' }), 2)).toBe(true);
    });

    it('never admits more drafts than the cap when many are inserted at once', async () => {
      const cap = 20;
      const drafts = Array.from({ length: 2 * cap }, () => application());
      const admitted = await Promise.all(drafts.map((draft) => store.insertDraft(draft, cap)));
      expect(admitted.filter(Boolean)).toHaveLength(cap);
      const kept = await store.listByOwner('o-filer-a', null, 100);
      expect(kept.map((a) => a.id).sort()).toEqual(
        drafts
          .filter((_, i) => admitted[i])
          .map((a) => a.id)
          .sort(),
      );
    });

    it("lists a filer's own applications, most recently updated first, page by page", async () => {
      const mine = Array.from({ length: 7 }, (_, i) =>
        application({ updatedAt: `2026-11-0${i + 1}T00:00:00.000Z` }),
      );
      for (const app of [...mine, application({ owner: 'o-other' })]) await store.insertApplication(app);
      const first = await store.listByOwner('o-filer-a', null, 3);
      expect(first.map((a) => a.id)).toEqual([mine[6], mine[5], mine[4]].map((a) => a?.id));
      const second = await store.listByOwner('o-filer-a', listKey(first[2] as Application), 10);
      expect(second.map((a) => a.id)).toEqual([3, 2, 1, 0].map((i) => mine[i]?.id));
      expect(await store.listByOwner('o-nobody', null, 10)).toEqual([]);
    });

    it('orders the queue overdue first, then by due time, and filters by state, overdue and name', async () => {
      const due = (at: string) => ({ stage: 'platform_review' as const, at });
      const late = application({
        state: 'platform_review',
        due: due('2026-11-03T00:00:00.000Z'),
        overdueSince: '2026-11-03T00:01:00.000Z',
      });
      const soon = application({ state: 'platform_review', due: due('2026-11-04T00:00:00.000Z') });
      const later = application({
        state: 'authority_review',
        due: { stage: 'authority_review', at: '2026-12-01T00:00:00.000Z' },
      });
      const filed = application({ state: 'filed' });
      const named = application({ state: 'platform_review', due: due('2026-11-05T00:00:00.000Z') });
      named.form.miniprogram.name = 'Blue 记账 Pro';
      for (const app of [soon, filed, later, named, late]) await store.insertApplication(app);
      const all = await store.queue(
        {
          states: ['platform_review', 'authority_review', 'filed'],
          overdueOnly: false,
          query: null,
          after: null,
        },
        10,
      );
      expect(all.map((a) => a.id)).toEqual([late.id, soon.id, named.id, later.id, filed.id]);
      const page2 = await store.queue(
        { states: ['platform_review'], overdueOnly: false, query: null, after: queueKey(soon) },
        10,
      );
      expect(page2.map((a) => a.id)).toEqual([named.id]);
      const overdue = await store.queue(
        { states: ['platform_review'], overdueOnly: true, query: null, after: null },
        10,
      );
      expect(overdue.map((a) => a.id)).toEqual([late.id]);
      const search = await store.queue(
        { states: ['platform_review'], overdueOnly: false, query: 'blue 记账', after: null },
        10,
      );
      expect(search.map((a) => a.id)).toEqual([named.id]);
      const literal = await store.queue(
        { states: ['platform_review'], overdueOnly: false, query: '%', after: null },
        10,
      );
      expect(literal).toEqual([]);
    });

    it('filters the queue by channel, reading an application stored without one as manual', async () => {
      const review = { states: ['platform_review' as const], overdueOnly: false, query: null, after: null };
      const byWeChat = application({
        state: 'platform_review',
        channel: { kind: 'wechat', reason: '已授权' },
      });
      const byHand = application({ state: 'platform_review', channel: { kind: 'manual', reason: '未授权' } });
      const before = application({ state: 'platform_review' });
      for (const app of [byWeChat, byHand, before]) await store.insertApplication(app);
      const ids = async (channel: 'wechat' | 'manual' | null) =>
        (await store.queue({ ...review, channel }, 10)).map((a) => a.id).sort();
      expect(await ids('wechat')).toEqual([byWeChat.id]);
      expect(await ids('manual')).toEqual([byHand.id, before.id].sort());
      expect(await ids(null)).toHaveLength(3);
    });

    it('lists the followed WeChat applications checked longest ago first, and finds them by appid', async () => {
      const track = (checkedAt: string | null) => ({
        face: null,
        media: [],
        send: null,
        status: null,
        checkedAt,
      });
      const wechat = { kind: 'wechat' as const, reason: '已授权' };
      const old = application({
        state: 'platform_review',
        channel: wechat,
        wechat: track('2026-11-02T01:00:00.000Z'),
      });
      const fresh = application({
        state: 'authority_review',
        channel: wechat,
        wechat: track('2026-11-02T03:00:00.000Z'),
      });
      const never = application({ state: 'face_verification', channel: wechat, wechat: track(null) });
      const done = application({ state: 'filed', channel: wechat, wechat: track(null) });
      const manual = application({ state: 'platform_review' });
      for (const app of [fresh, old, never, done, manual]) await store.insertApplication(app);
      expect((await store.followed(10)).map((a) => a.id)).toEqual([never.id, old.id, fresh.id]);
      expect((await store.followed(2)).map((a) => a.id)).toEqual([never.id, old.id]);
      const appid = old.form.miniprogram.appid;
      expect((await store.followedByAppid(appid)).map((a) => a.id).sort()).toEqual(
        [never.id, old.id, fresh.id].sort(),
      );
      expect(await store.followedByAppid('wx0000000000000000')).toEqual([]);
      // Checked again: to the back of the line.
      const checked = next(old, { wechat: track('2026-11-02T05:00:00.000Z') });
      expect(await store.commit(commitOf(checked, old.version))).toEqual({ ok: true });
      expect((await store.followed(10)).map((a) => a.id)).toEqual([never.id, fresh.id, old.id]);
    });

    it('finds a reviewer’s search by one, two or more characters of either name, and follows renames', async () => {
      const review = { states: ['platform_review' as const], overdueOnly: false, after: null };
      const ledger = application({ state: 'platform_review' });
      ledger.form.subject.name = '星河科技有限公司';
      ledger.form.miniprogram.name = '星河记账';
      const maps = application({ state: 'platform_review' });
      maps.form.subject.name = '北辰测绘';
      maps.form.miniprogram.name = '北辰地图 Pro';
      for (const app of [ledger, maps]) await store.insertApplication(app);
      const ids = async (query: string) =>
        (await store.queue({ ...review, query }, 10)).map((a) => a.id).sort();
      expect(await ids('记')).toEqual([ledger.id]);
      expect(await ids('测绘')).toEqual([maps.id]);
      expect(await ids('科技有限')).toEqual([ledger.id]);
      expect(await ids('pro')).toEqual([maps.id]);
      expect(await ids('地图 pro')).toEqual([maps.id]);
      // The end of one name and the start of the other are not a substring of either.
      expect(await ids('公司星河')).toEqual([]);
      expect(await ids('星河')).toEqual([ledger.id]);
      const renamed = next(ledger, {
        form: { ...ledger.form, miniprogram: { ...ledger.form.miniprogram, name: '云朵账簿' } },
      });
      expect(await store.commit(commitOf(renamed, ledger.version))).toEqual({ ok: true });
      expect(await ids('记账')).toEqual([]);
      expect(await ids('账簿')).toEqual([ledger.id]);
    });

    it('reads more than one page of 100 without asking the database for more than 100 at once', async () => {
      const apps = Array.from({ length: 130 }, () =>
        application({
          state: 'platform_review',
          due: { stage: 'platform_review', at: '2026-11-04T00:00:00.000Z' },
        }),
      );
      for (const app of apps) await store.insertApplication(app);
      const page = await store.queue(
        { states: ['platform_review'], overdueOnly: false, query: null, after: null },
        120,
      );
      expect(page).toHaveLength(120);
      expect(new Set(page.map((a) => a.id)).size).toBe(120);
      if (harness.maxPage) expect(harness.maxPage()).toBeLessThanOrEqual(100);
    });

    it('counts applications per state and the overdue reviews', async () => {
      const late = {
        due: { stage: 'platform_review' as const, at: '2026-11-01T00:00:00.000Z' },
        overdueSince: '2026-11-02T00:00:00.000Z',
      };
      await store.insertApplication(application({ state: 'platform_review', ...late }));
      await store.insertApplication(application({ state: 'platform_review' }));
      await store.insertApplication(application({ state: 'filed' }));
      const counts = await store.countByState();
      expect(Object.keys(counts).sort()).toEqual([...FILING_STATES].sort());
      expect(counts).toMatchObject({ platform_review: 2, filed: 1, draft: 0 });
      expect(await store.countOverdue()).toBe(1);
    });

    it('finds closed SMS windows and unflagged overdue reviews by due time', async () => {
      const sms = (at: string) =>
        application({ state: 'sms_verification', due: { stage: 'sms_verification', at } });
      const closed = sms('2026-11-02T00:00:00.000Z');
      const open = sms('2026-11-03T00:00:00.000Z');
      const review = (at: string, overdueSince: string | null = null) =>
        application({ state: 'authority_review', due: { stage: 'authority_review', at }, overdueSince });
      const pastDue = review('2026-11-01T00:00:00.000Z');
      const flagged = review('2026-11-01T00:00:00.000Z', '2026-11-01T00:01:00.000Z');
      const notYet = review('2026-11-09T00:00:00.000Z');
      for (const app of [closed, open, pastDue, flagged, notYet]) await store.insertApplication(app);
      const now = '2026-11-02T00:00:00.000Z';
      expect((await store.expiredSmsWindows(now, 10)).map((a) => a.id)).toEqual([closed.id]);
      expect((await store.unflaggedOverdueReviews(now, 10)).map((a) => a.id)).toEqual([pastDue.id]);
    });

    it('keeps the audit trail in order and the latest stage durations first', async () => {
      let app = application();
      await store.insertApplication(app);
      const events = [];
      for (let i = 0; i < 105; i += 1) {
        const audit = auditOf(app, 'draft', 'platform_review', '2026-11-02T00:00:00.000Z');
        events.push(audit);
        const written = next(app);
        const leftAt = new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString();
        const stageExit = { applicationId: app.id, stage: 'platform_review' as const, leftAt, hours: i };
        expect(await store.commit(commitOf(written, app.version, { audit, stageExit }))).toEqual({
          ok: true,
        });
        app = written;
      }
      expect(await store.auditOf(app.id)).toEqual(events);
      expect(await store.recentStageHours('platform_review', 3)).toEqual([104, 103, 102]);
      expect(await store.recentStageHours('authority_review', 3)).toEqual([]);
    });

    it('hands out due outbox messages and lets only the holder of the current rev write one', async () => {
      const app = application();
      await store.insertApplication(app);
      const due = message(app, { nextAttemptAt: '2026-11-02T00:00:00.000Z' });
      const later = message(app, { nextAttemptAt: '2026-11-09T00:00:00.000Z' });
      const leased = message(app, { status: 'sending', nextAttemptAt: '2026-11-01T00:00:00.000Z' });
      const done = message(app, { status: 'sent', nextAttemptAt: '2026-11-01T00:00:00.000Z' });
      expect(await store.commit(commitOf(next(app), 1, { outbox: [due, later, leased, done] }))).toEqual({
        ok: true,
      });
      const found = await store.dueMessages('2026-11-02T00:00:00.000Z', 10);
      expect(found.map((m) => m.id)).toEqual([leased.id, due.id]);
      expect(found[1]).toEqual(due);

      const claimed = {
        ...due,
        status: 'sending' as const,
        rev: 2,
        leaseUntil: '2026-11-02T00:10:00.000Z',
        nextAttemptAt: '2026-11-02T00:10:00.000Z',
      };
      expect(await store.updateMessage(claimed, 1)).toBe(true);
      expect(await store.updateMessage({ ...claimed, rev: 2 }, 1)).toBe(false);
      const sent = { ...claimed, status: 'sent' as const, rev: 3, attempts: 1, leaseUntil: null };
      expect(await store.updateMessage(sent, 2)).toBe(true);
      const stored = await store.outboxOf(app.id);
      expect(stored.find((m) => m.id === due.id)).toEqual(sent);
      expect(stored).toHaveLength(4);
    });

    it('counts subscription credits per filer and template, never below zero', async () => {
      await store.addCredits('o-a', ['t1', 't1', 't2'], 50);
      await store.addCredits('o-b', ['t1'], 50);
      expect(await store.creditsOf('o-a')).toEqual({ t1: 2, t2: 1 });
      expect(await store.takeCredit('o-a', 't2')).toBe(true);
      expect(await store.takeCredit('o-a', 't2')).toBe(false);
      expect(await store.takeCredit('o-a', 't9')).toBe(false);
      await store.returnCredit('o-a', 't2', 50);
      await store.clearCredit('o-a', 't1');
      expect(await store.creditsOf('o-a')).toEqual({ t1: 0, t2: 1 });
      expect(await store.creditsOf('o-b')).toEqual({ t1: 1 });
      const takes = await Promise.all(Array.from({ length: 5 }, () => store.takeCredit('o-b', 't1')));
      expect(takes.filter(Boolean)).toHaveLength(1);
    });

    it('keeps each credit count at its cap, for grants and for credits given back', async () => {
      await store.addCredits('o-a', ['t1', 't1', 't1', 't1'], 3);
      expect(await store.creditsOf('o-a')).toEqual({ t1: 3 });
      await store.returnCredit('o-a', 't1', 3);
      expect(await store.creditsOf('o-a')).toEqual({ t1: 3 });
      expect(await store.takeCredit('o-a', 't1')).toBe(true);
      await store.returnCredit('o-a', 't1', 3);
      expect(await store.creditsOf('o-a')).toEqual({ t1: 3 });
    });

    it('keeps admins: add, rename without losing when they were added, remove, list', async () => {
      await store.putAdmin({ openid: 'o-admin', name: '审核员甲', addedAt: '2026-11-01T00:00:00.000Z' });
      await store.putAdmin({ openid: 'o-admin', name: '审核员乙', addedAt: '2026-11-05T00:00:00.000Z' });
      await store.putAdmin({ openid: 'o-admin-2', name: '审核员丙', addedAt: '2026-11-02T00:00:00.000Z' });
      expect(await store.getAdmin('o-admin')).toEqual({
        openid: 'o-admin',
        name: '审核员乙',
        addedAt: '2026-11-01T00:00:00.000Z',
      });
      expect((await store.listAdmins()).map((a) => a.openid)).toEqual(['o-admin', 'o-admin-2']);
      expect(await store.removeAdmin('o-admin')).toBe(true);
      expect(await store.removeAdmin('o-admin')).toBe(false);
      expect(await store.getAdmin('o-admin')).toBeNull();
    });

    it("keeps an admin's registered mobile: replaced by another, kept by a re-add without one", async () => {
      const addedAt = '2026-11-01T00:00:00.000Z';
      await store.putAdmin({ openid: 'o-admin', name: '审核员甲', addedAt, mobile: '13900139000' });
      await store.putAdmin({ openid: 'o-admin', name: '审核员乙', addedAt });
      expect(await store.getAdmin('o-admin')).toEqual({
        openid: 'o-admin',
        name: '审核员乙',
        addedAt,
        mobile: '13900139000',
      });
      await store.putAdmin({ openid: 'o-admin', name: '审核员乙', addedAt, mobile: '13700137000' });
      expect((await store.listAdmins())[0]?.mobile).toBe('13700137000');
    });

    it('appends openings per application, oldest first, without touching the application', async () => {
      const app = application({ id: 'app-open' });
      await store.insertApplication(app);
      const opening = (at: string, name: string) => ({
        type: 'opened' as const,
        applicationId: app.id,
        at,
        actor: { kind: 'admin' as const, openid: 'o-admin', name },
        state: app.state,
        version: app.version,
      });
      await store.recordOpening(opening('2026-11-02T02:00:00.000Z', '甲'));
      await store.recordOpening(opening('2026-11-02T03:00:00.000Z', '乙'));
      await store.recordOpening({ ...opening('2026-11-02T04:00:00.000Z', '丙'), applicationId: 'other' });
      expect(await store.openingsOf(app.id)).toEqual([
        opening('2026-11-02T02:00:00.000Z', '甲'),
        opening('2026-11-02T03:00:00.000Z', '乙'),
      ]);
      expect(await store.getApplication(app.id)).toEqual(app);
      expect(await store.auditOf(app.id)).toEqual([]);
    });
  });
}
