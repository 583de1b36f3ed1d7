/**
 * The filing function as a filer uses it, on both stores: drafts, saving by path, the checks
 * at the boundary, submission (idempotent), the SMS check, and reading their own applications.
 */
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { fileTo, ok, OWNER, STORES, useHarness } from './helpers/harness';
import { patchAt, submitAt } from './helpers/calls';

describe.each(STORES)('on %s', (kind) => {
  const h = useHarness(kind);

  const owner = () => h.as('owner');

  describe('drafts', () => {
    it('creates an empty draft owned by the caller and lets them save it whole or by path', async () => {
      const { filing } = ok(await owner().filing('draft.create', { kind: 'new' }));
      expect(filing).toMatchObject({ kind: 'new', state: 'draft', version: 1, baseId: null });
      expect(filing).not.toHaveProperty('owner');
      const saved = ok(
        await owner().filing('draft.save', { id: filing.id, version: 1, form: personalForm() }),
      ).filing;
      expect(saved.version).toBe(2);
      const patched = ok(
        await patchAt(owner(), filing.id, 2, {
          'subject.principal.mobile': ' 138-0013-8001 ',
          'miniprogram.preApprovals.0.code': '',
        }),
      ).filing;
      expect(patched.version).toBe(3);
      // The server normalises what it stores (core's normalizeForm): the mobile is compacted.
      expect(patched.form.subject.principal.mobile).toBe('13800138001');
      expect((await h.store.getApplication(filing.id))?.owner).toBe(OWNER);
    });

    it('refuses a save on a stale version with CONFLICT and keeps the stored form', async () => {
      const draft = await fileTo(h, 'draft');
      const stale = await patchAt(owner(), draft.id, 1, { 'subject.name': '李四' });
      expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((await h.store.getApplication(draft.id))?.form.subject.name).toBe('张三');
    });

    it('answers bad form content with VALIDATION on the field path, in Chinese, naming the field', async () => {
      const draft = await fileTo(h, 'draft');
      const long = await patchAt(owner(), draft.id, draft.version, { 'subject.name': '名'.repeat(101) });
      expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!long.ok)
        expect(long.error.fields).toEqual([
          { path: 'subject.name', code: 'too_big', message: '主办单位名称最多 100 个字。' },
        ]);
      const wrongType = await patchAt(owner(), draft.id, draft.version, { 'subject.type': '5' });
      if (!wrongType.ok)
        expect(wrongType.error.fields?.[0]).toMatchObject({
          path: 'subject.type',
          message: '主办单位性质格式不正确：应为数字。',
        });
      const unknown = await patchAt(owner(), draft.id, draft.version, { 'subject.nickname': 'x' });
      expect(unknown).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: 'subject.nickname' }] },
      });
      const hole = await patchAt(owner(), draft.id, draft.version, {
        'miniprogram.preApprovals.5.code': 'x',
      });
      expect(hole).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: 'miniprogram.preApprovals.5.code' }] },
      });
      const extra = await owner().filing('draft.save', {
        id: draft.id,
        version: draft.version,
        form: { ...personalForm(), extra: 1 },
      });
      expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: '(root)' }] } });
      expect((await h.store.getApplication(draft.id))?.version).toBe(draft.version);
    });

    it("refuses files outside the filer's own storage prefix at their path", async () => {
      const draft = await fileTo(h, 'draft');
      const foreign = 'cloud://env-test.7465-env-test/filings/o-filer-b/id-front.jpg';
      const answer = await owner().filing('draft.save', {
        id: draft.id,
        version: draft.version,
        patch: {
          'subject.principal.certificate.photoFront': foreign,
          'materials.commitmentLetter': ['https://evil.example/x.jpg'],
        },
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!answer.ok) {
        expect(answer.error.fields?.map((f) => f.path).sort()).toEqual([
          'materials.commitmentLetter.0',
          'subject.principal.certificate.photoFront',
        ]);
      }
    });

    it('grows a list by one item at its end', async () => {
      const draft = await fileTo(h, 'draft', enterpriseForm());
      const item = { type: 1, code: '粤-12345号', media: `cloud://env/filings/${OWNER}/approval.jpg` };
      const saved = ok(
        await patchAt(owner(), draft.id, draft.version, { 'miniprogram.preApprovals.1': item }),
      );
      expect(saved.filing.form.miniprogram.preApprovals).toHaveLength(2);
    });

    it('wants exactly one of form and patch', async () => {
      const draft = await fileTo(h, 'draft');
      const neither = await owner().filing('draft.save', { id: draft.id, version: draft.version });
      expect(neither).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const both = await owner().filing('draft.save', {
        id: draft.id,
        version: draft.version,
        form: personalForm(),
        patch: { 'subject.name': 'x' },
      });
      expect(both).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });

    it('does not let a submitted application be edited', async () => {
      const filing = await fileTo(h, 'platform_review');
      const answer = await patchAt(owner(), filing.id, filing.version, { 'subject.name': '李四' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    });

    it('checks a draft and lists the materials it needs', async () => {
      const draft = await fileTo(h, 'draft');
      const report = ok(await owner().filing('filing.check', { id: draft.id }));
      expect(report.errors).toEqual([]);
      expect(report.materials.length).toBeGreaterThan(0);
    });
  });

  describe('submission', () => {
    it('submits once per requestId: a retry answers the first answer, another application is BAD_REQUEST', async () => {
      const draft = await fileTo(h, 'draft');
      const params = { id: draft.id, version: draft.version, requestId: 'submit-0001' };
      const first = ok(await owner().filing('filing.submit', params));
      expect(first.filing).toMatchObject({ state: 'platform_review', version: draft.version + 1 });
      h.advance(60_000);
      const retry = ok(await owner().filing('filing.submit', params));
      expect(retry).toEqual(first);
      expect(await h.store.auditOf(draft.id)).toEqual([
        expect.objectContaining({
          from: 'draft',
          to: 'platform_review',
          requestId: 'submit-0001',
          actor: { kind: 'filer', openid: OWNER },
        }),
      ]);
      const other = await fileTo(h, 'draft');
      const reused = await submitAt(owner(), other.id, other.version, 'submit-0001');
      expect(reused).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: [{ path: 'requestId' }] },
      });
      expect((await h.store.getApplication(other.id))?.state).toBe('draft');
    });

    it('re-checks the form on submission: an incomplete one is VALIDATION at its fields and stays a draft', async () => {
      const { filing } = ok(await owner().filing('draft.create', { kind: 'new' }));
      const report = ok(await owner().filing('filing.check', { id: filing.id }));
      expect(report.errors.length).toBeGreaterThan(0);
      const before = h.snapshot();
      const answer = await submitAt(owner(), filing.id, 1, 'empty-0001');
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!answer.ok) expect(answer.error.fields?.map((f) => f.path)).toContain('subject.name');
      expect(h.snapshot()).toEqual(before);
    });

    it('writes the notices of a transition to the outbox in the same commit', async () => {
      const filing = await fileTo(h, 'platform_review');
      const outbox = await h.store.outboxOf(filing.id);
      expect(outbox.length).toBeGreaterThan(0);
      expect(outbox[0]).toMatchObject({ status: 'pending', attempts: 0, message: { touser: OWNER } });
    });

    it('lets the filer withdraw during the platform review only', async () => {
      const filing = await fileTo(h, 'platform_review');
      const withdrawn = ok(
        await owner().filing('filing.withdraw', { id: filing.id, version: filing.version }),
      ).filing;
      expect(withdrawn.state).toBe('withdrawn');
      const again = await owner().filing('filing.withdraw', { id: filing.id, version: withdrawn.version });
      expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    });
  });

  describe('the SMS check', () => {
    it('allows one resend, then confirms', async () => {
      const filing = await fileTo(h, 'sms_verification');
      const resent = ok(
        await owner().filing('sms.resend', { id: filing.id, version: filing.version }),
      ).filing;
      expect(resent.sms?.resends).toBe(1);
      const twice = await owner().filing('sms.resend', { id: filing.id, version: resent.version });
      expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      const confirmed = ok(
        await owner().filing('sms.confirm', { id: filing.id, version: resent.version }),
      ).filing;
      expect(confirmed.state).toBe('authority_review');
    });

    it('times out after 24 hours on the scheduler, and the filer can submit again', async () => {
      const filing = await fileTo(h, 'sms_verification');
      h.advance(23 * 3_600_000);
      expect(ok(await h.as('timer').scheduler()).timedOut).toBe(0);
      h.advance(3_600_000);
      expect(ok(await h.as('timer').scheduler()).timedOut).toBe(1);
      const { filing: timedOut, todo } = ok(await owner().filing('filing.get', { id: filing.id }));
      expect(timedOut.state).toBe('sms_timeout');
      expect(todo.actions).toContain('submit');
      const again = ok(await submitAt(owner(), filing.id, timedOut.version, 'again-0001'));
      expect(again.filing.state).toBe('platform_review');
    });
  });

  describe('reading', () => {
    it('shows the filer their application with its timeline, ETA and what to do now', async () => {
      const filing = await fileTo(h, 'platform_review');
      const view = ok(await owner().filing('filing.get', { id: filing.id }));
      expect(view.timeline.map((t) => t.state)).toEqual(['draft', 'platform_review']);
      expect(view.eta).toMatchObject({ stage: 'platform_review' });
      expect(view.todo.actions).toContain('withdraw');
    });

    it('lists only their own applications, newest first, with a cursor', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push((await fileTo(h, 'draft')).id);
        h.advance(1000);
      }
      await h.as('other').filing('draft.create', { kind: 'new' });
      const first = ok(await owner().filing('filing.list', { limit: 2 }));
      expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
      expect(first.items[0]).not.toHaveProperty('form');
      const rest = ok(await owner().filing('filing.list', { limit: 10, cursor: first.nextCursor }));
      expect(rest.items.map((i) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(rest.nextCursor).toBeNull();
      const forged = await owner().filing('filing.list', { cursor: 'not-a-cursor' });
      expect(forged).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: [{ path: 'cursor' }] },
      });
    });

    it('tells a filer and an admin apart', async () => {
      expect(ok(await owner().filing('session.get'))).toEqual({
        openid: OWNER,
        role: 'filer',
        name: null,
        // The ids the server sends with, so the client asks consent for exactly these.
        templateIds: ['REPLACE-ME-progress', 'REPLACE-ME-result', 'REPLACE-ME-todo'],
      });
      expect(ok(await h.as('admin').filing('session.get'))).toMatchObject({
        role: 'admin',
        name: '审核员甲',
      });
    });

    it('signs URLs only for files under the filer’s own prefix', async () => {
      const own = `cloud://env-test.7465-env-test/filings/${OWNER}/id-front.jpg`;
      const urls = ok(await owner().filing('media.url', { fileIds: [own] })).urls;
      expect(Object.keys(urls)).toEqual([own]);
      const foreign = await owner().filing('media.url', {
        fileIds: [own, 'cloud://env/filings/o-filer-b/x.jpg'],
      });
      expect(foreign).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ path: 'fileIds.1' }] },
      });
    });

    it('keeps one credit per accepted template, ignoring templates it does not use', async () => {
      const { templates } = h.deps;
      const answer = ok(
        await owner().filing('subscription.record', {
          results: {
            [templates.progress.templateId]: 'accept',
            [templates.result.templateId]: 'reject',
            unknown: 'accept',
          },
        }),
      );
      expect(answer.credits).toEqual({
        [templates.progress.templateId]: 1,
        [templates.result.templateId]: 0,
        [templates.todo.templateId]: 0,
      });
      const twice = ok(
        await owner().filing('subscription.record', {
          results: { [templates.progress.templateId]: 'accept' },
        }),
      );
      expect(twice.credits[templates.progress.templateId]).toBe(2);
    });
  });
});
