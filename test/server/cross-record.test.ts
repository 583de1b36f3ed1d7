/**
 * The rules across applications at submit, on both stores (docs/domain.md § Checks across fields
 * and records): a mobile another subject uses, a second province, the quota, one open order per
 * AppID. Each refusal is VALIDATION on its field, in Chinese, names nothing of another filer's,
 * and writes nothing; `filing.check` shows the same finding before, as a warning.
 */
import type { FilingForm } from '@beian/core';
import { anotherMiniprogram, enterpriseForm, personalForm } from '../fixtures/forms';
import { draftOf, holding, submit } from './helpers/cross-record';
import { fileTo, ok, OWNER, STORES, useHarness } from './helpers/harness';

const withMobile = (form: FilingForm, mobile: string): FilingForm => ({
  ...form,
  subject: { ...form.subject, principal: { ...form.subject.principal, mobile } },
});

const inProvince = (form: FilingForm, province: string): FilingForm => ({
  ...form,
  subject: { ...form.subject, region: { ...form.subject.region, province } },
});

describe.each(STORES)('cross-record rules on %s', (kind) => {
  const h = useHarness(kind);

  /** Submits the owner's draft of `form`: refused on `path`, nothing written, and warned of first. */
  async function refusedOn(form: FilingForm, path: string, code: string): Promise<string> {
    const draft = await draftOf(h, 'owner', form);
    const report = ok(await h.as('owner').filing('filing.check', { id: draft.id }));
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => `${w.path} ${w.code}`)).toContain(`${path} ${code}`);
    const before = h.snapshot();
    const answer = await submit(h, 'owner', draft);
    if (answer.ok) throw new Error(`submitted, expected a refusal on ${path}`);
    expect(answer.error.code).toBe('VALIDATION');
    expect(answer.error.fields?.map((f) => `${f.path} ${f.code}`)).toEqual([`${path} ${code}`]);
    expect(h.snapshot()).toBe(before);
    return answer.error.message;
  }

  it("refuses a subject principal's mobile that another subject's filing uses", async () => {
    await holding(h, enterpriseForm(), 'platform_review');
    const message = await refusedOn(
      withMobile(personalForm(), enterpriseForm().subject.principal.mobile),
      'subject.principal.mobile',
      'mobile.other_subject',
    );
    expect(message).toContain('已用于其他主体的备案');
    for (const secret of ['91110108551385082Q', enterpriseForm().subject.name, '李', '13700137000'])
      expect(message).not.toContain(secret);
  });

  it("refuses a mini-program principal's mobile that another subject uses", async () => {
    await holding(h, withMobile(personalForm(), enterpriseForm().miniprogram.principal.mobile));
    await refusedOn(enterpriseForm(), 'miniprogram.principal.mobile', 'mobile.other_subject');
  });

  it('lets a mobile go once the other filing is withdrawn, and lets one subject reuse its own', async () => {
    await holding(h, enterpriseForm(), 'withdrawn');
    await holding(h, anotherMiniprogram(), 'filed', OWNER);
    const draft = await draftOf(h, 'owner', withMobile(personalForm(), '13700137000'));
    expect(ok(await submit(h, 'owner', draft)).filing.state).toBe('platform_review');
  });

  it('refuses a subject filed in one province filing in another, naming that province', async () => {
    await holding(h, inProvince(anotherMiniprogram(), '440000'));
    const message = await refusedOn(personalForm(), 'subject.region.province', 'subject.other_province');
    expect(message).toContain('该主体已在广东省备案');
  });

  it('holds a person to 5 mini-programs, filed or open', async () => {
    for (const state of ['filed', 'filed', 'platform_review', 'authority_review'] as const)
      await holding(h, anotherMiniprogram(), state);
    await holding(h, anotherMiniprogram(), 'withdrawn');
    // Four held and a withdrawn one: the fifth passes.
    ok(await submit(h, 'owner', await draftOf(h, 'owner', anotherMiniprogram())));
    const message = await refusedOn(anotherMiniprogram(), 'miniprogram.appid', 'subject.quota');
    expect(message).toContain('最多备案 5 个');
  });

  it('holds an organisation to 50', async () => {
    for (let i = 0; i < 50; i += 1) await holding(h, anotherMiniprogram(enterpriseForm()));
    const message = await refusedOn(enterpriseForm(), 'miniprogram.appid', 'subject.quota');
    expect(message).toContain('最多备案 50 个');
  });

  it("allows one open application per AppID, saying when it is the filer's own", async () => {
    await fileTo(h, 'platform_review');
    const own = await refusedOn(personalForm(), 'miniprogram.appid', 'miniprogram.open_order');
    expect(own).toContain('你已有一条该小程序的申请「平台初审中」');
  });

  it("refuses a second open application of someone else's, naming its state only", async () => {
    await holding(h, personalForm(), 'sms_verification');
    const message = await refusedOn(personalForm(), 'miniprogram.appid', 'miniprogram.open_order');
    expect(message).toContain('他人提交的进行中申请「待工信部短信核验」');
    expect(message).not.toContain('张三');
  });

  it('counts a change as the record it changes, and never refuses a cancellation by quota or province', async () => {
    const record = await fileTo(h, 'filed');
    for (let i = 0; i < 4; i += 1) await holding(h, anotherMiniprogram(), 'filed', OWNER);
    const change = ok(
      await h.as('owner').filing('draft.create', { kind: 'change', baseId: record.id }),
    ).filing;
    expect(ok(await submit(h, 'owner', change)).filing.state).toBe('platform_review');
    ok(await h.as('owner').filing('filing.withdraw', { id: change.id, version: change.version + 1 }));

    await holding(h, inProvince(anotherMiniprogram(), '440000'), 'filed', OWNER);
    const cancel = ok(
      await h
        .as('owner')
        .filing('draft.create', { kind: 'cancel', cancelScope: 'miniprogram', baseId: record.id }),
    ).filing;
    expect(ok(await submit(h, 'owner', cancel)).filing.state).toBe('platform_review');
  });
});
