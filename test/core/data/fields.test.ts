import {
  FIELD_SPECS,
  FORM_SECTIONS,
  LIST_SPECS,
  emptyForm,
  fieldLabel,
  fieldSpec,
  isFormPath,
  sectionOf,
} from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

/** Every leaf path of a value, lists of objects written `[]`, lists of values as one leaf. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return typeof first === 'object' && first !== null ? leafPaths(first, `${prefix}[]`) : [prefix];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

describe('FIELD_SPECS', () => {
  it('has exactly one entry per leaf of the form', () => {
    const form = emptyForm();
    form.miniprogram.preApprovals = [{ type: null, code: '', media: '' }];
    expect(Object.keys(FIELD_SPECS).sort()).toEqual(leafPaths(form).sort());
  });

  it('gives every leaf a distinct Chinese label and a step of the form', () => {
    const labels = Object.values(FIELD_SPECS).map((spec) => spec.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const spec of Object.values(FIELD_SPECS)) {
      expect(spec.label).toMatch(/[\u4e00-\u9fff]/);
      expect(FORM_SECTIONS).toContain(spec.section);
    }
  });

  it('bounds every string and every list, as the server schema needs', () => {
    for (const [path, spec] of Object.entries(FIELD_SPECS)) {
      if (['text', 'date', 'file', 'files'].includes(spec.kind))
        expect([path, spec.maxLength]).toEqual([path, expect.any(Number)]);
      if (['files', 'numbers'].includes(spec.kind))
        expect([path, spec.maxItems]).toEqual([path, expect.any(Number)]);
    }
    expect(FIELD_SPECS['miniprogram.serviceTypes']?.maxItems).toBe(5);
    expect(FIELD_SPECS['materials.subjectOtherMaterials']?.maxItems).toBe(10);
    expect(FIELD_SPECS['materials.commitmentLetter']?.maxItems).toBe(1);
    expect(FIELD_SPECS['miniprogram.comment']?.maxLength).toBe(200);
    expect(LIST_SPECS['miniprogram.preApprovals']?.maxItems).toBe(13);
  });

  it('uses the names a reviewer sees', () => {
    expect(FIELD_SPECS['subject.principal.mobile']?.label).toBe('主体负责人手机号码');
    expect(FIELD_SPECS['miniprogram.principal.emergencyContact']?.label).toBe('小程序负责人应急联系方式');
    expect(FIELD_SPECS['subject.certificate.address']?.label).toBe('主办单位证件住所');
    expect(FIELD_SPECS['subject.type']).toMatchObject({ kind: 'enum', enumeration: 'subjectType' });
    expect(FIELD_SPECS['miniprogram.principal.faceVerification.method']?.values).toEqual(['photo', 'wechat']);
  });
});

describe('fieldLabel, isFormPath, sectionOf', () => {
  eachAnswer('resolve concrete paths, list items included', fieldLabel, [
    ['subject.principal.mobile', '主体负责人手机号码'],
    ['miniprogram.preApprovals.0.code', '前置审批号（第1项）'],
    ['miniprogram.preApprovals.2', '前置审批项（第3项）'],
    ['materials.subjectOtherMaterials.9', '主体其他材料（第10项）'],
  ]);

  it("resolve the spec of a list item's field", () => {
    expect(fieldSpec('miniprogram.preApprovals.4.media')?.kind).toBe('file');
  });

  it('resolve blocks and lists', () => {
    expect(fieldLabel('subject.principal')).toBe('主体负责人');
    expect(fieldLabel('miniprogram.preApprovals')).toBe('前置审批项');
    expect(isFormPath('subject.region')).toBe(true);
    expect(isFormPath('miniprogram.serviceTypes')).toBe(true);
  });

  it('refuse what is not in the form, and indexes past the list limit', () => {
    for (const path of [
      '',
      'kind',
      'subject.nope',
      'subject.name.0',
      'miniprogram.preApprovals.13',
      'materials.commitmentLetter.1',
      'miniprogram.preApprovals.01',
      'subject..name',
      'constructor',
      '__proto__',
    ]) {
      expect([path, isFormPath(path), fieldLabel(path)]).toEqual([path, false, '']);
    }
    expect(isFormPath(42)).toBe(false);
  });

  eachAnswer('put each path in its step', sectionOf, [
    ['subject.name', 'subject'],
    ['subject.legalPerson.name', 'subjectPrincipal'],
    ['miniprogram.preApprovals.1.media', 'miniprogram'],
    ['miniprogram.principal.faceVerification.photo', 'miniprogramPrincipal'],
    ['materials.promiseVideo', 'materials'],
    ['kind', null],
  ]);
});
