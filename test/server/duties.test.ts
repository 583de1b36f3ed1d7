/**
 * Separation of duties, on both stores: an admin decides no application of their own (filed from
 * their account, or with their registered mobile on either principal) while the operator may, in
 * the audit trail's words; reviewers see no drafts; lists mask ID numbers and mobiles, and the
 * review page shows them in full and records who opened it.
 */
import { OWN_APPLICATION, OWN_MOBILE } from '../../server/app/duties';
import { personalForm } from '../fixtures/forms';
import { CONFLICTS, conflicted, DECISIONS } from './helpers/conflicts';
import { ADMIN, fileTo, ok, STORES, useHarness } from './helpers/harness';

const ID_NUMBER = personalForm().subject.principal.certificate.number;
const MOBILE = personalForm().subject.principal.mobile;

describe.each(STORES)('on %s', (kind) => {
  const h = useHarness(kind);

  const admin = () => h.as('admin');
  const operator = () => h.as('operator');

  describe('an admin and their own applications', () => {
    const cases = CONFLICTS.flatMap((conflict) =>
      DECISIONS.map((decision) => [decision.action, conflict, decision] as const),
    );

    it.each(cases)(
      'refuses %s when the conflict is %s; the operator may, and is named',
      async (action, conflict, decision) => {
        const filing = await conflicted(h, conflict, decision.stage);
        const before = h.snapshot();
        const refused = await admin().admin(action, decision.params(filing));
        expect(refused).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: conflict === 'owner' ? OWN_APPLICATION : OWN_MOBILE },
        });
        expect(h.snapshot()).toEqual(before);
        ok(await operator().admin(action, decision.params(filing)));
        const audit = await h.store.auditOf(filing.id);
        expect(audit[audit.length - 1]?.actor).toEqual({ kind: 'operator', name: '值班操作员' });
      },
    );

    it('still lets the admin open their own application and decide anyone else’s', async () => {
      const own = await conflicted(h, 'subject', 'platform_review');
      ok(await admin().admin('filing.get', { id: own.id }));
      const another = await fileTo(h, 'platform_review');
      ok(await admin().admin('review.approve', { id: another.id, version: another.version }));
    });

    it('registers only a mainland mobile, shown to the operator', async () => {
      const bad = await operator().admin('admins.add', {
        openid: 'o-admin-2',
        name: '乙',
        mobile: '2800138000',
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: [{ path: 'mobile' }] } });
      const added = ok(
        await operator().admin('admins.add', { openid: 'o-admin-2', name: '乙', mobile: MOBILE }),
      );
      expect(added.admin).toMatchObject({ openid: 'o-admin-2', mobile: MOBILE });
      expect(
        ok(await operator().admin('admins.list')).admins.find((a) => a.openid === 'o-admin-2'),
      ).toMatchObject({
        mobile: MOBILE,
      });
    });
  });

  describe('drafts', () => {
    it('are refused by the queue, left out of lists and counts, and answer like a missing application', async () => {
      const draft = await fileTo(h, 'draft');
      const submitted = await fileTo(h, 'platform_review');
      const before = h.snapshot();
      expect(await admin().admin('queue.list', { state: 'draft' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining('草稿'), fields: [{ path: 'state' }] },
      });
      const queue = ok(await admin().admin('queue.list'));
      expect(queue.items.map((item) => item.id)).toEqual([submitted.id]);
      expect(ok(await admin().admin('queue.list', { query: '记账' })).items.map((i) => i.id)).not.toContain(
        draft.id,
      );
      const missing = await admin().admin('filing.get', { id: 'no-such-id' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await admin().admin('filing.get', { id: draft.id })).toEqual(missing);
      expect(await operator().admin('filing.get', { id: draft.id })).toEqual(missing);
      expect(await admin().admin('review.approve', { id: draft.id, version: draft.version })).toEqual(
        missing,
      );
      expect(h.snapshot()).toEqual(before);
    });
  });

  describe('personal numbers', () => {
    it('are masked in the queue and absent from the stats', async () => {
      await fileTo(h, 'platform_review');
      const queue = ok(await admin().admin('queue.list'));
      expect(queue.items[0]).toMatchObject({
        principalIdMasked: '110105********1239',
        principalMobileMasked: '138****8000',
      });
      for (const answer of [queue, ok(await admin().admin('stats.get'))]) {
        expect(JSON.stringify(answer)).not.toContain(ID_NUMBER);
        expect(JSON.stringify(answer)).not.toContain(MOBILE);
      }
    });

    it('show in full on the review page, and each opening is recorded without a new version', async () => {
      const filing = await fileTo(h, 'platform_review');
      const stored = await h.store.getApplication(filing.id);
      const audit = await h.store.auditOf(filing.id);
      const review = ok(await admin().admin('filing.get', { id: filing.id }));
      expect(review.filing.form.subject.principal.certificate.number).toBe(ID_NUMBER);
      expect(review.filing.form.subject.principal.mobile).toBe(MOBILE);
      const opened = {
        type: 'opened',
        applicationId: filing.id,
        at: h.deps.clock.now().toISOString(),
        actor: { kind: 'admin', openid: ADMIN, name: '审核员甲' },
        state: 'platform_review',
        version: filing.version,
      };
      expect(review.openings).toEqual([opened]);
      h.advance(60_000);
      const again = ok(await operator().admin('filing.get', { id: filing.id }));
      expect(again.openings).toEqual([
        opened,
        { ...opened, at: h.deps.clock.now().toISOString(), actor: { kind: 'operator', name: '值班操作员' } },
      ]);
      expect(await h.store.openingsOf(filing.id)).toEqual(again.openings);
      expect(await h.store.getApplication(filing.id)).toEqual(stored);
      expect(await h.store.auditOf(filing.id)).toEqual(audit);
      expect(again.audit).toEqual(audit);
    });
  });
});
