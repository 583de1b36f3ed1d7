import 'miniprogram-simulate';
import { emptyForm } from '@beian/core';
import { enterpriseForm, personalForm } from '../fixtures/forms';
import { blur, fieldText, leaveForms, openDraft, settle, type } from './components/helpers';
import { tap } from '../helpers/simulate';

describe('填写备案信息: rendering and checking as you go', () => {
  afterEach(leaveForms);

  it('renders the draft it opens, at the step the filer was on', async () => {
    const { page } = await openDraft(personalForm(), { step: 2 });
    expect(page.instance.data.active).toBe(2);
    const text = page.dom?.textContent ?? '';
    expect(text).toContain('新增备案');
    expect(text).toContain('小程序信息');
    expect(page.instance.data.form.miniprogram.appid).toBe('wx1234567890abcdef');
    // The chosen service type is shown by its two-level name, and 以上都不涉及 is ticked.
    expect(fieldText(page, 'miniprogram.serviceTypes')).toContain('软件开发');
    expect(text).toContain('以上都不涉及');
  });

  it('shows the subject of a personal filing as a person, from the saved values', async () => {
    const { page } = await openDraft(personalForm());
    expect(page.instance.data.active).toBe(0);
    expect(fieldText(page, 'subject.type')).toContain('个人');
    expect(fieldText(page, 'subject.name')).toContain('姓名');
    expect(fieldText(page, 'subject.region')).toContain('北京市 / 北京市 / 朝阳区');
    // A personal subject's ID is entered once, with the principal: no licence photo is asked here.
    expect(page.querySelector('#section >>> #f-subject-certificate-photo')).toBeFalsy();
  });

  it("shows a field's error at the field when the filer leaves it, and clears it once fixed", async () => {
    const form = enterpriseForm();
    form.subject.certificate.number = '91110108551385082A';
    const { page } = await openDraft(form);
    expect(fieldText(page, 'subject.certificate.number')).not.toContain('校验位不正确');
    blur(page, 'subject.certificate.number');
    await settle();
    expect(fieldText(page, 'subject.certificate.number')).toContain('主办单位证件号码校验位不正确');
    type(page, 'subject.certificate.number', '91110108551385082Q');
    await settle();
    expect(fieldText(page, 'subject.certificate.number')).not.toContain('校验位不正确');
  });

  it('下一步 stays on a step with errors, showing them at their fields', async () => {
    const showToast = jest.spyOn(wx, 'showToast');
    const { page } = await openDraft(emptyForm());
    tap(page, '#next');
    await settle();
    expect(page.instance.data.active).toBe(0);
    expect(fieldText(page, 'subject.type')).toContain('请选择主办单位性质');
    expect(fieldText(page, 'subject.name')).toContain('请填写主办单位名称');
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: expect.stringMatching(/还有 \d+ 项需要修改/) }),
    );
    // The first problem is marked, so the filer sees where to start.
    expect(page.instance.data.focusPath).toBe('subject.type');
  });

  it('下一步 moves on when the step is clean, and carries a personal filer’s name to the principal', async () => {
    const form = personalForm();
    form.subject.principal.name = '';
    const { page, cloud } = await openDraft(form);
    tap(page, '#next');
    await settle();
    expect(page.instance.data.active).toBe(1);
    expect(page.instance.data.form.subject.principal.name).toBe('张三');
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([
      { id: 'app-1', version: 1, patch: { 'subject.principal.name': '张三' } },
    ]);
    expect(page.dom?.textContent).toContain('主体负责人');
  });

  it('a warning shows in the step notice with its reason, and does not block 下一步', async () => {
    const { page } = await openDraft(personalForm(), { step: 2 });
    expect(page.querySelector('#step-warnings')).toBeFalsy();
    type(
      page,
      'miniprogram.comment',
      '这是一个用于在线问诊和购买药品的小程序，提供医生咨询和处方药配送服务。',
    );
    blur(page, 'miniprogram.comment');
    await settle();
    const notice = page.querySelector('#step-warnings')?.dom?.textContent ?? '';
    expect(notice).toContain('可能导致驳回');
    expect(notice).toContain('前置审批项');
    expect(notice).toContain('医疗保健');
    tap(page, '#next');
    await settle();
    expect(page.instance.data.active).toBe(3);
  });

  it('the mini-program principal is the subject principal by default; switching that off asks for the person', async () => {
    const { page, cloud } = await openDraft(personalForm(), { step: 3 });
    const text = page.dom?.textContent ?? '';
    expect(text).toContain('与主体负责人为同一人');
    expect(text).toContain('张三');
    expect(text).toContain('白色或浅色纯色背景');
    expect(page.querySelector('#section >>> #f-miniprogram-principal-name')).toBeFalsy();
    page.querySelector('#section >>> .van-switch')?.dispatchEvent('tap');
    await settle();
    expect(page.instance.data.form.miniprogram.principal.sameAsSubjectPrincipal).toBe(false);
    expect(page.querySelector('#section >>> #f-miniprogram-principal-name')).toBeTruthy();
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([
      { id: 'app-1', version: 1, patch: { 'miniprogram.principal.sameAsSubjectPrincipal': false } },
    ]);
  });

  it('a principal who is not the legal representative needs the legal representative and a letter', async () => {
    const { page } = await openDraft(enterpriseForm(), { step: 1 });
    expect(page.querySelector('#section >>> #f-subject-legalPerson-name')).toBeFalsy();
    const switches = page.querySelectorAll('#section >>> .van-switch');
    switches[0]?.dispatchEvent('tap');
    await settle();
    expect(page.instance.data.form.subject.principal.isLegalRepresentative).toBe(false);
    tap(page, '#next');
    await settle();
    expect(page.instance.data.active).toBe(1);
    expect(fieldText(page, 'subject.legalPerson.name')).toContain('请填写法定代表人姓名');
    const letterError = (
      page.instance.data.errors as { subject: { principal: { authorizationLetter: string } } }
    ).subject.principal.authorizationLetter;
    expect(letterError).toContain('授权书');
    expect(fieldText(page, 'subject.principal.authorizationLetter')).toContain(letterError);
  });

  it('choosing another subject type clears a certificate type that type does not allow', async () => {
    const { page, cloud } = await openDraft(enterpriseForm());
    page.querySelector('#section >>> #f-subject-type >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    const items = page.querySelectorAll('#section >>> #f-subject-type >>> .van-action-sheet__item');
    // 事业单位 (3): a 营业执照 is not one of its certificates.
    items.find((item) => item.dom?.textContent?.includes('事业单位'))?.dispatchEvent('tap');
    await settle();
    expect(page.instance.data.form.subject.type).toBe(3);
    expect(page.instance.data.form.subject.certificate.type).toBeNull();
    expect(fieldText(page, 'subject.certificate.type')).toContain('请选择');
    (page.instance as unknown as { onHide(): void }).onHide();
    await settle();
    expect(cloud.callsOf('filing', 'draft.save')).toEqual([
      { id: 'app-1', version: 1, patch: { 'subject.type': 3, 'subject.certificate.type': null } },
    ]);
  });
});
