/**
 * Separation of duties over HTTP (database/README.md § Who saw what): an admin files an
 * application from their own WeChat account and tries to approve it. The local cloud refuses
 * every decision with FORBIDDEN; another reviewer's queue masks the admin's numbers; the operator
 * may move it on, and is named for it.
 */
import { personalForm } from '../fixtures/forms';
import { ADMIN, ok, cloudForAll, type TestCloud } from './harness';

const SECOND_ADMIN = 'o-admin-2';

let test: TestCloud;

cloudForAll((started) => (test = started));

beforeAll(async () => {
  ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲', mobile: '13900139000' }));
  ok(await test.operator('admin', 'admins.add', { openid: SECOND_ADMIN, name: '审核员乙' }));
});

describe('an admin reviewing their own application, over HTTP', () => {
  it('is refused, while the operator may approve it and is named in the audit trail', async () => {
    const saved = await test.draftWith(ADMIN, personalForm());
    expect(await test.as(SECOND_ADMIN, 'admin', 'filing.get', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const submitted = await test.submitted(ADMIN, saved.id, saved.version, 'self-review-01');
    const seen = { id: submitted.id, version: submitted.version };

    expect(await test.as(ADMIN, 'admin', 'review.approve', seen)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能审核自己提交的申请，请交由其他审核员处理。' },
    });

    const queue = ok(await test.as(SECOND_ADMIN, 'admin', 'queue.list', {}));
    expect(queue.items.find((item) => item.id === seen.id)).toMatchObject({
      principalIdMasked: '110105********1239',
      principalMobileMasked: '138****8000',
    });

    const approved = ok(await test.operator('admin', 'review.approve', seen)).filing;
    expect(approved.state).toBe('sms_verification');
    const review = ok(await test.as(SECOND_ADMIN, 'admin', 'filing.get', { id: seen.id }));
    expect(review.audit[review.audit.length - 1]?.actor).toEqual({ kind: 'operator', name: '值班操作员' });
    expect(review.openings.map((opening) => opening.actor)).toEqual([
      { kind: 'admin', openid: SECOND_ADMIN, name: '审核员乙' },
    ]);
    expect(review.filing.form.subject.principal.mobile).toBe('13800138000');
  });
});
