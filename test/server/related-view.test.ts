/**
 * The review page's view of the subject's other filings (admin `filing.get` → `related`): filed
 * and open ones, the quota used, and another filer's principal masked.
 */
import { anotherMiniprogram } from '../fixtures/forms';
import { holding } from './helpers/cross-record';
import { fileTo, ok, OWNER, STORES, useHarness } from './helpers/harness';

describe.each(STORES)('related filings on the review page, %s', (kind) => {
  const h = useHarness(kind);

  it('lists the same subject’s open and filed applications with the quota used, masking other filers', async () => {
    const reviewed = await fileTo(h, 'platform_review');
    const own = await holding(h, anotherMiniprogram(), 'filed', OWNER);
    const theirs = await holding(h, anotherMiniprogram(), 'authority_review');
    await holding(h, anotherMiniprogram(), 'withdrawn');
    await holding(h, anotherMiniprogram(), 'draft');

    const { related } = ok(await h.as('admin').admin('filing.get', { id: reviewed.id }));
    expect(related.quota).toEqual({ used: 3, limit: 5 });
    expect(related.items.map((item) => [item.id, item.state, item.sameFiler])).toEqual([
      [theirs.id, 'authority_review', false],
      [own.id, 'filed', true],
    ]);
    expect(related.items[0]).toMatchObject({ principalName: '张*', principalMobile: '138****8000' });
    expect(related.items[1]).toMatchObject({ principalName: '张三', principalMobile: '13800138000' });
    expect(related.items[1]?.appid).toBe(own.form.miniprogram.appid);
  });

  it('shows an empty list when the subject has nothing else', async () => {
    const reviewed = await fileTo(h, 'platform_review');
    const { related } = ok(await h.as('operator').admin('filing.get', { id: reviewed.id }));
    expect(related).toEqual({ items: [], quota: { used: 1, limit: 5 } });
  });
});
