/**
 * The Store's part in the cross-record rules, asserted identically on every adapter: the filed and
 * open applications sharing a subject, a principal's mobile or an AppID, and the key revisions a
 * submit's commit checks and bumps (store/types.ts KeyGuard).
 */
import { relatedKeys, type Application } from '@beian/core';
import type { Store } from '../../server/store/types';
import { openStoreEach } from './helpers/store-each';
import { anotherMiniprogram, enterpriseForm, personalForm } from '../fixtures/forms';
import { application, commitOf, next } from './helpers/applications';
import type { StoreHarness } from './store.contract';

export function describeRelatedContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract, related filings: ${name}`, () => {
    let store: Store;
    openStoreEach(open, (opened) => (store = opened.store));

    const ids = (apps: readonly Application[]) => apps.map((app) => app.id).sort();

    it('finds filed and open applications by subject, either mobile or AppID, never drafts or closed ones', async () => {
      const sameSubject = application({ state: 'filed', form: anotherMiniprogram() });
      const sameApp = application({ state: 'platform_review', form: enterpriseForm() });
      sameApp.form.miniprogram.appid = personalForm().miniprogram.appid;
      const sharesMobile = application({ state: 'authority_rejected', form: enterpriseForm() });
      sharesMobile.form.miniprogram.principal.mobile = personalForm().subject.principal.mobile;
      const draft = application({ state: 'draft' });
      const withdrawn = application({ state: 'withdrawn' });
      const stranger = application({ state: 'filed', form: anotherMiniprogram(enterpriseForm()) });
      stranger.form.subject.principal.mobile = '13600136000';
      stranger.form.miniprogram.principal.mobile = '13400134000';
      for (const app of [sameSubject, sameApp, sharesMobile, draft, withdrawn, stranger])
        await store.insertApplication(app);

      const found = await store.relatedFilings(relatedKeys(personalForm()), 100);
      expect(ids(found.applications)).toEqual(ids([sameSubject, sameApp, sharesMobile]));
      expect(found.guards.map((g) => g.rev)).toEqual([0, 0, 0]);
    });

    it('follows a rewrite: an application found by its old keys is found by its new ones', async () => {
      const app = application({ state: 'platform_review', form: anotherMiniprogram() });
      await store.insertApplication(app);
      const moved = next(app, { form: anotherMiniprogram(enterpriseForm()) });
      expect(await store.commit(commitOf(moved, app.version))).toEqual({ ok: true });
      expect((await store.relatedFilings(relatedKeys(app.form), 10)).applications).toEqual([]);
      const found = await store.relatedFilings(relatedKeys(moved.form), 10);
      expect(found.applications).toEqual([moved]);
    });

    it('bumps the keys a commit was checked against, and refuses one that read them stale', async () => {
      const keys = relatedKeys(personalForm());
      const a = application();
      const b = application();
      await store.insertApplication(a);
      await store.insertApplication(b);
      const { guards } = await store.relatedFilings(keys, 10);
      const submitted = next(a, { state: 'platform_review' });
      expect(await store.commit(commitOf(submitted, a.version, { guards }))).toEqual({ ok: true });
      expect((await store.relatedFilings(keys, 10)).guards.map((g) => g.rev)).toEqual([1, 1, 1]);

      // b read the same revisions before a landed: its commit is refused and writes nothing.
      const late = next(b, { state: 'platform_review' });
      expect(await store.commit(commitOf(late, b.version, { guards }))).toEqual({
        ok: false,
        reason: 'related_changed',
      });
      expect(await store.getApplication(b.id)).toEqual(b);
      const fresh = await store.relatedFilings(keys, 10);
      expect(ids(fresh.applications)).toEqual([a.id]);
      expect(await store.commit(commitOf(late, b.version, { guards: fresh.guards }))).toEqual({ ok: true });
    });
  });
}
