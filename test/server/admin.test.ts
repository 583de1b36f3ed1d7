/**
 * The admin function as reviewers and operators use it: the queue, a review with everything it
 * needs, each review move with the reviewer in the audit trail, changes and cancellations of
 * filed records (one open at a time), stats, and the operator's own tools.
 */
import { enterpriseForm } from '../fixtures/forms';
import { ADMIN, fileTo, ok, OWNER, STORES, useHarness } from './helpers/harness';
import { fileAt, patchAt, submitAt } from './helpers/calls';

describe.each(STORES)('on %s', (kind) => {
  const h = useHarness(kind);

  const admin = () => h.as('admin');
  const owner = () => h.as('owner');
  const RECORD = '京ICP备2026012345号-1X';

  describe('the queue', () => {
    it('shows overdue reviews first, masks ID numbers, counts every submitted state and pages', async () => {
      const first = await fileTo(h, 'platform_review');
      h.advance(3_600_000);
      const second = await fileTo(h, 'platform_review', enterpriseForm());
      await fileTo(h, 'draft');
      // Past the platform review's 2 working days: the scheduler flags the older one... and both.
      h.setNow('2026-11-10T02:00:00.000Z');
      expect(ok(await h.as('timer').scheduler()).overdueFlagged).toBe(2);
      const queue = ok(await admin().admin('queue.list', { limit: 1 }));
      expect(queue.items.map((i) => i.id)).toEqual([first.id]);
      expect(queue.items[0]).toMatchObject({
        overdue: true,
        principalName: '张三',
        principalIdMasked: expect.stringMatching(/\*{4,}/),
      });
      expect(queue.items[0]?.principalIdMasked).not.toContain('19900307');
      expect(queue.counts).toMatchObject({ platform_review: 2, filed: 0 });
      const next = ok(await admin().admin('queue.list', { limit: 5, cursor: queue.nextCursor }));
      expect(next.items.map((i) => i.id)).toEqual([second.id]);
      expect(next.nextCursor).toBeNull();
      expect(await admin().admin('queue.list', { state: 'draft' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: [{ path: 'state' }] },
      });
      const search = ok(await admin().admin('queue.list', { query: '示例科技' }));
      expect(search.items.map((i) => i.id)).toEqual([second.id]);
    });
  });

  describe('a review', () => {
    it('opens the whole application with its audit trail, file URLs and check result', async () => {
      const filing = await fileTo(h, 'platform_review');
      const review = ok(await admin().admin('filing.get', { id: filing.id }));
      expect(review.filing.owner).toBe(OWNER);
      expect(review.audit.map((a) => a.to)).toEqual(['platform_review']);
      const photo = review.filing.form.subject.principal.certificate.photoFront;
      expect(review.media[photo]).toMatch(/^https:\/\/tmp\.example\//);
      expect(review.check.errors).toEqual([]);
      expect(await admin().admin('filing.get', { id: 'missing-id' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('rejects with reasons per field, and the filer resubmits after editing', async () => {
      const filing = await fileTo(h, 'platform_review');
      const reasons = [
        { field: 'subject.principal.mobile', error: '手机号无法接通', suggest: '请填写本人常用手机号' },
      ];
      const rejected = ok(
        await admin().admin('review.reject', { id: filing.id, version: filing.version, reasons }),
      ).filing;
      expect(rejected).toMatchObject({ state: 'platform_rejected', reasons });
      const audit = await h.store.auditOf(filing.id);
      expect(audit[audit.length - 1]?.actor).toEqual({ kind: 'admin', openid: ADMIN, name: '审核员甲' });
      const none = await admin().admin('review.reject', {
        id: filing.id,
        version: rejected.version,
        reasons: [],
      });
      expect(none).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: [{ path: 'reasons' }] },
      });
      const edited = ok(
        await patchAt(owner(), filing.id, rejected.version, { 'subject.principal.mobile': '13800138009' }),
      ).filing;
      const again = ok(await submitAt(owner(), filing.id, edited.version, 'resubmit-01')).filing;
      expect(again).toMatchObject({ state: 'platform_review', reasons: [] });
    });

    it('records the operator by name when the console approves', async () => {
      const filing = await fileTo(h, 'platform_review');
      ok(await h.as('operator').admin('review.approve', { id: filing.id, version: filing.version }));
      const audit = await h.store.auditOf(filing.id);
      expect(audit[audit.length - 1]?.actor).toEqual({ kind: 'operator', name: '值班操作员' });
    });

    it('refuses a stale version with CONFLICT and an event the state does not allow with INVALID_STATE', async () => {
      const filing = await fileTo(h, 'platform_review');
      expect(
        await admin().admin('review.approve', { id: filing.id, version: filing.version - 1 }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await fileAt(admin(), filing.id, filing.version, RECORD)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE' },
      });
    });

    it('files with a well-formed record number only', async () => {
      const filing = await fileTo(h, 'authority_review');
      const bad = await fileAt(admin(), filing.id, filing.version, 'ICP12345');
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: 'recordNumber' }] },
      });
      const filed = ok(await fileAt(admin(), filing.id, filing.version, RECORD)).filing;
      expect(filed).toMatchObject({ state: 'filed', recordNumber: RECORD });
    });
  });

  describe('changes and cancellations of a filed record', () => {
    it('keeps one open change or cancellation per record, names it, and applies an approved change', async () => {
      const record = await fileTo(h, 'filed');
      const change = ok(await owner().filing('draft.create', { kind: 'change', baseId: record.id })).filing;
      expect(change).toMatchObject({ kind: 'change', baseId: record.id, recordNumber: record.recordNumber });
      const cancel = ok(
        await owner().filing('draft.create', {
          kind: 'cancel',
          cancelScope: 'miniprogram',
          baseId: record.id,
        }),
      ).filing;
      const edited = ok(
        await patchAt(owner(), change.id, change.version, { 'miniprogram.name': '三哥记账本专业版' }),
      ).filing;
      const submitted = ok(await submitAt(owner(), change.id, edited.version, 'change-0001')).filing;
      const blocked = await submitAt(owner(), cancel.id, cancel.version, 'cancel-0001');
      expect(blocked).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('变更申请（平台初审中）') },
      });
      expect((await h.store.getApplication(cancel.id))?.state).toBe('draft');
      const another = await owner().filing('draft.create', { kind: 'change', baseId: record.id });
      expect(another).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      let moved = ok(
        await admin().admin('review.approve', { id: change.id, version: submitted.version }),
      ).filing;
      moved = ok(await admin().admin('sms.record', { id: change.id, version: moved.version })).filing;
      moved = ok(await fileAt(admin(), change.id, moved.version, record.recordNumber)).filing;
      expect(moved.state).toBe('filed');
      const base = await h.store.getApplication(record.id);
      expect(base).toMatchObject({ state: 'filed', recordNumber: record.recordNumber });
      expect(base?.form.miniprogram.name).toBe('三哥记账本专业版');
      // The change has ended: the cancellation may go now.
      const latest = await h.store.getApplication(cancel.id);
      ok(await submitAt(owner(), cancel.id, latest?.version, 'cancel-0002'));
    });

    it("answers another filer's record as not found", async () => {
      const record = await fileTo(h, 'filed');
      const answer = await h.as('other').filing('draft.create', { kind: 'change', baseId: record.id });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('cancels the record when a cancellation is approved', async () => {
      const record = await fileTo(h, 'filed');
      const cancel = ok(
        await owner().filing('draft.create', { kind: 'cancel', cancelScope: 'subject', baseId: record.id }),
      ).filing;
      let moved = ok(await submitAt(owner(), cancel.id, cancel.version, 'cancel-0003')).filing;
      const withdraw = await owner().filing('filing.withdraw', { id: cancel.id, version: moved.version });
      expect(withdraw).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      let full = ok(await admin().admin('review.approve', { id: cancel.id, version: moved.version })).filing;
      full = ok(await admin().admin('sms.record', { id: cancel.id, version: full.version })).filing;
      const cancelled = ok(await fileAt(admin(), cancel.id, full.version, record.recordNumber)).filing;
      expect(cancelled).toMatchObject({ state: 'cancelled', recordNumber: record.recordNumber });
      moved = ok(await owner().filing('filing.get', { id: cancel.id })).filing;
      expect(moved.state).toBe('cancelled');
      expect((await h.store.getApplication(record.id))?.state).toBe('cancelled');
      expect(await h.store.lockHolder(record.id)).toBeNull();
    });
  });

  describe('stats and the operator', () => {
    it('counts states, overdue reviews and the median hours per stage', async () => {
      const a = await fileTo(h, 'platform_review');
      h.advance(4 * 3_600_000);
      ok(await admin().admin('review.approve', { id: a.id, version: a.version }));
      const stats = ok(await admin().admin('stats.get'));
      expect(stats.counts.sms_verification).toBe(1);
      expect(stats.overdue).toBe(0);
      expect(stats.medianHours).toEqual({
        pre_review: null,
        platform_review: 4,
        sms_verification: null,
        authority_review: null,
      });
    });

    it('lets only the operator manage admins and run the setup', async () => {
      const operator = h.as('operator');
      const added = ok(await operator.admin('admins.add', { openid: 'o-new-admin', name: '审核员乙' })).admin;
      expect(added).toMatchObject({ openid: 'o-new-admin', name: '审核员乙' });
      expect(ok(await operator.admin('admins.list')).admins.map((a) => a.openid)).toEqual([
        ADMIN,
        'o-new-admin',
      ]);
      expect(await admin().admin('admins.add', { openid: 'o-sneaky1', name: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(ok(await operator.admin('admins.remove', { openid: 'o-new-admin' }))).toEqual({ removed: true });
      expect(ok(await operator.admin('setup.run'))).toEqual({
        created: [],
        wechat: { configured: false, missingVariables: [], message: expect.stringContaining('人工渠道') },
      });
    });
  });
});
