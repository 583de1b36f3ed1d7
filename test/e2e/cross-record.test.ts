/**
 * The rules across applications over HTTP (docs/domain.md § Checks across fields and records):
 * filer A submits; filer B, a different subject, drafts the same mini-program with A's mobile.
 * B's check warns of both, B's submit is refused on both fields without a word of A's data, two
 * of B's submits at once cannot both pass, and the reviewer sees A's subject's filings.
 */
import type { FilingForm } from '@beian/core';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, OTHER_FILER, cloudForAll, type TestCloud } from './harness';

let test: TestCloud;

cloudForAll((started) => (test = started));

describe('cross-record rules over HTTP', () => {
  it('warns, then refuses, a second subject on the same AppID and mobile, naming nothing of the first', async () => {
    const first = await test.draftWith(FILER, personalForm());
    const submitted = await test.submitted(FILER, first.id, first.version, 'cross-record-x-01');
    expect(submitted.state).toBe('platform_review');

    const enterprise = enterpriseForm();
    const clashing: FilingForm = {
      ...enterprise,
      miniprogram: {
        ...enterprise.miniprogram,
        appid: personalForm().miniprogram.appid,
        principal: { ...enterprise.miniprogram.principal, mobile: personalForm().subject.principal.mobile },
      },
    };
    const second = await test.draftWith(OTHER_FILER, clashing);
    const report = ok(await test.as(OTHER_FILER, 'filing', 'filing.check', { id: second.id }));
    const found = [
      'miniprogram.principal.mobile mobile.other_subject',
      'miniprogram.appid miniprogram.open_order',
    ];
    expect(report.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(expect.arrayContaining(found));

    const answers = await Promise.all(
      ['cross-record-x-02', 'cross-record-x-03'].map((requestId) =>
        test.as(OTHER_FILER, 'filing', 'filing.submit', {
          id: second.id,
          version: second.version,
          requestId,
        }),
      ),
    );
    for (const answer of answers) {
      if (answer.ok) throw new Error('a clashing submit passed');
      expect(answer.error.code).toBe('VALIDATION');
      expect(answer.error.message).toBe('与已有的备案有 2 处冲突，请按各项提示修改后再提交。');
      expect(answer.error.fields?.map((f) => `${f.path} ${f.code}`).sort()).toEqual([...found].sort());
      const said = JSON.stringify(answer.error);
      for (const secret of ['张三', '110105199003071239', '13800138000', first.id])
        expect(said).not.toContain(secret);
    }

    ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
    const review = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: first.id }));
    expect(review.related).toEqual({ items: [], quota: { used: 1, limit: 5 } });
  });

  it('lets one of two filers take an AppID when both submit at once', async () => {
    const appid = 'wx00000000c0ffee01';
    const mine = personalForm();
    const theirs = enterpriseForm();
    const a = await test.draftWith(FILER, { ...mine, miniprogram: { ...mine.miniprogram, appid } });
    const b = await test.draftWith(OTHER_FILER, { ...theirs, miniprogram: { ...theirs.miniprogram, appid } });
    const answers = await Promise.all([
      test.as(FILER, 'filing', 'filing.submit', {
        id: a.id,
        version: a.version,
        requestId: 'cross-record-y-01',
      }),
      test.as(OTHER_FILER, 'filing', 'filing.submit', {
        id: b.id,
        version: b.version,
        requestId: 'cross-record-y-02',
      }),
    ]);
    const outcomes = answers.map((answer) => (answer.ok ? 'ok' : answer.error.fields?.[0]?.code)).sort();
    expect(outcomes).toEqual(['miniprogram.open_order', 'ok']);
  });
});
