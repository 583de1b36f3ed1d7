import fc from 'fast-check';
import { check, materialsChecklist, type FilingForm, type MaterialRequirement } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';
import { TODAY, target } from './helpers';

const byPath = (items: MaterialRequirement[]) => new Map(items.map((item) => [item.path, item]));

describe('materials checklist', () => {
  it('lists what a personal filing needs, with the counts', () => {
    const items = byPath(materialsChecklist(target(personalForm())));
    expect(items.get('subject.principal.certificate.photoFront')).toMatchObject({
      required: true,
      max: 1,
      provided: 1,
    });
    expect(items.get('subject.principal.certificate.photoFront')?.reason).toMatch(/人像面/);
    expect(items.get('miniprogram.principal.faceVerification.photo')).toMatchObject({
      required: true,
      provided: 1,
    });
    expect(items.has('subject.certificate.photo')).toBe(false);
    expect(items.has('subject.principal.authorizationLetter')).toBe(false);
    expect(items.get('materials.commitmentLetter')).toMatchObject({ required: false, max: 1, provided: 1 });
    expect(items.get('materials.subjectOtherMaterials')).toMatchObject({
      required: false,
      max: 10,
      provided: 0,
    });
  });

  it('asks an organisation for its certificate photo and both principals’ documents', () => {
    const items = byPath(materialsChecklist(target(enterpriseForm())));
    expect(items.get('subject.certificate.photo')).toMatchObject({
      required: true,
      label: '主办单位证件照片',
    });
    expect(items.get('subject.certificate.photo')?.reason).toMatch(/营业执照/);
    expect(items.get('miniprogram.principal.certificate.photoBack')).toMatchObject({ required: true });
  });

  it('adds the authorization letter when the principal is not the legal representative, and says why', () => {
    const form = enterpriseForm();
    form.subject.principal.isLegalRepresentative = false;
    const letter = byPath(materialsChecklist(target(form))).get('subject.principal.authorizationLetter');
    expect(letter).toMatchObject({ required: true, provided: 0, label: '主体负责人授权书' });
    expect(letter?.reason).toMatch(/不是法定代表人.*1个月内/);
  });

  it('adds a scan for each real pre-approval item', () => {
    const form = enterpriseForm();
    form.miniprogram.preApprovals = [
      { type: 3, code: '京教-1号', media: '' },
      { type: 24, code: '', media: '' },
    ];
    const items = byPath(materialsChecklist(target(form)));
    expect(items.get('miniprogram.preApprovals.0.media')).toMatchObject({
      required: true,
      provided: 0,
      label: '前置审批文件（第1项）',
    });
    expect(items.has('miniprogram.preApprovals.1.media')).toBe(false);
  });

  it('adds the residence proof for a personal filer from another province', () => {
    const form = personalForm();
    form.subject.certificate.address = '广东省深圳市南山区科技园1号';
    expect(byPath(materialsChecklist(target(form))).get('subject.residencePermit')).toMatchObject({
      required: true,
      provided: 0,
    });
  });

  it('suggests the 不涉及前置审批 commitment when keywords hit but 以上都不涉及 is chosen', () => {
    const form = enterpriseForm();
    form.miniprogram.comment = '提供少儿编程课程的在线报名、课表查询和课后辅导预约服务，方便家长使用。';
    expect(byPath(materialsChecklist(target(form))).get('materials.appletsOtherMaterials')?.reason).toMatch(
      /校外培训.*承诺书/,
    );
  });

  it('is empty for a cancellation, and survives any input', () => {
    expect(
      materialsChecklist({ ...target(enterpriseForm()), kind: 'cancel', cancelScope: 'subject' }),
    ).toEqual([]);
    fc.assert(
      fc.property(fc.anything(), (value) => Array.isArray(materialsChecklist(value as never))),
      { numRuns: 1000 },
    );
  });

  it('never calls a file required that check would let through missing', () => {
    const strip = (form: FilingForm) => {
      form.subject.certificate.photo = '';
      form.subject.principal.certificate.photoFront = '';
      form.subject.principal.certificate.photoBack = '';
      form.subject.principal.authorizationLetter = '';
      form.subject.residencePermit = '';
      form.miniprogram.principal.faceVerification.photo = '';
      form.miniprogram.principal.certificate = {
        ...form.miniprogram.principal.certificate,
        photoFront: '',
        photoBack: '',
      };
      form.miniprogram.preApprovals = [{ type: 3, code: '京教-1号', media: '' }];
    };
    for (const make of [personalForm, enterpriseForm]) {
      for (const legalRep of [true, false]) {
        const form = make();
        form.subject.principal.isLegalRepresentative = legalRep;
        form.subject.certificate.address = '广东省深圳市南山区科技园1号';
        strip(form);
        const errorPaths = new Set(check(target(form), { today: TODAY }).errors.map((issue) => issue.path));
        const required = materialsChecklist(target(form)).filter(
          (item) => item.required && item.provided === 0,
        );
        expect(required.length).toBeGreaterThan(0);
        for (const item of required)
          expect([item.path, errorPaths.has(item.path)]).toEqual([item.path, true]);
      }
    }
  });
});
