import fc from 'fast-check';
import { check, checkField, checkSection, type CheckTarget } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';
import { TODAY, errors, target } from './helpers';

describe('the fixtures', () => {
  it('pass every check, with no warning, on any day before 2039', () => {
    const day = fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2038-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(personalForm, enterpriseForm),
        fc.constantFrom('new' as const, 'change' as const),
        (date, make, kind) => {
          expect(check(target(make(), kind), { today: date.toISOString().slice(0, 10) })).toEqual({
            errors: [],
            warnings: [],
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('check', () => {
  it('reports an unknown kind at `kind` and checks the form as a new filing', () => {
    const result = check({ ...target(enterpriseForm()), kind: 'renew' } as unknown as CheckTarget, {
      today: TODAY,
    });
    expect(errors(result)).toEqual(['kind kind.invalid']);
  });

  it('reports a missing or malformed section once, at its path', () => {
    const form = enterpriseForm() as unknown as Record<string, unknown>;
    delete form.subject;
    form.materials = 'none';
    const result = check({ kind: 'new', cancelScope: null, form } as unknown as CheckTarget, {
      today: TODAY,
    });
    expect(errors(result)).toEqual(['subject section.missing', 'materials section.missing']);
    expect(result.errors[0]?.message).toBe('缺少主体信息，请重新填写');
  });

  it('reports a value of the wrong type at its path', () => {
    const form = enterpriseForm() as unknown as {
      subject: Record<string, unknown>;
      miniprogram: Record<string, unknown>;
    };
    form.subject.name = 42;
    form.miniprogram.serviceTypes = ['161'];
    const result = check({ kind: 'new', cancelScope: null, form } as unknown as CheckTarget, {
      today: TODAY,
    });
    expect(errors(result)).toEqual(['subject.name field.invalid', 'miniprogram.serviceTypes field.invalid']);
    expect(result.errors[0]?.message).toBe('主办单位名称格式不正确，请重新填写');
  });

  it('gives one error per field, and no warning on a field in error', () => {
    const form = enterpriseForm();
    form.miniprogram.principal.mobile = form.subject.principal.mobile;
    form.miniprogram.principal.emergencyContact = form.subject.principal.mobile;
    form.miniprogram.principal.certificate.validTo = '2026-12-01';
    const result = check(target(form), { today: TODAY });
    expect(
      result.errors.filter((issue) => issue.path === 'miniprogram.principal.certificate.validTo'),
    ).toHaveLength(1);
    expect(
      result.warnings.filter((issue) => issue.path === 'miniprogram.principal.certificate.validTo'),
    ).toHaveLength(0);
    expect(errors(result)).toEqual([
      'miniprogram.principal.mobile mobile.shared_between_principals',
      'miniprogram.principal.emergencyContact mobile.same_as_emergency',
      'miniprogram.principal.certificate.validTo validity.expiring',
    ]);
  });

  it('lists issues in the order of the form', () => {
    const form = enterpriseForm();
    form.materials.promiseVideo = ['a', 'b'];
    form.miniprogram.preApprovals = [
      { type: 3, code: '', media: '' },
      { type: 5, code: '', media: '' },
    ];
    form.subject.name = '';
    const result = check(target(form), { today: TODAY });
    expect(errors(result)).toEqual([
      'subject.name required',
      'miniprogram.preApprovals.0.code required',
      'miniprogram.preApprovals.0.media required',
      'miniprogram.preApprovals.1.code required',
      'miniprogram.preApprovals.1.media required',
      'materials.promiseVideo materials.too_many',
    ]);
  });

  it('bounds text by the field specs', () => {
    const form = enterpriseForm();
    form.subject.address = '路'.repeat(201);
    expect(errors(check(target(form), { today: TODAY }))).toEqual(['subject.address text.too_long']);
  });
});

describe('a cancellation', () => {
  const cancel = (
    scope: unknown,
    change: (form: ReturnType<typeof enterpriseForm>) => void = () => undefined,
  ) => {
    const form = enterpriseForm();
    change(form);
    return check({ kind: 'cancel', cancelScope: scope, form } as CheckTarget, { today: TODAY });
  };

  it('needs a scope', () => {
    expect(errors(cancel(null))).toEqual(['cancelScope cancel_scope.invalid']);
  });

  it('ignores what the MIIT confirmation does not need: validity, photos, materials', () => {
    const strip = (f: ReturnType<typeof enterpriseForm>) => {
      f.subject.principal.certificate.validTo = '2020-01-01';
      f.subject.certificate.photo = '';
      f.miniprogram.comment = '';
      f.materials.promiseVideo = ['a', 'b'];
    };
    for (const scope of ['subject', 'miniprogram', 'access'])
      expect(errors(cancel(scope, strip))).toEqual([]);
  });

  it("checks the subject principal's contact for 注销主体", () => {
    expect(errors(cancel('subject', (f) => (f.subject.principal.mobile = '123')))).toEqual([
      'subject.principal.mobile mobile.invalid',
    ]);
    expect(errors(cancel('subject', (f) => (f.miniprogram.principal.mobile = '123')))).toEqual([]);
  });

  it("checks the mini-program and its principal's contact for 注销小程序", () => {
    expect(errors(cancel('miniprogram', (f) => (f.miniprogram.principal.mobile = '123')))).toEqual([
      'miniprogram.principal.mobile mobile.invalid',
    ]);
    expect(errors(cancel('miniprogram', (f) => (f.miniprogram.appid = '')))).toEqual([
      'miniprogram.appid required',
    ]);
  });

  it('needs no principal for 取消接入 (no SMS)', () => {
    expect(errors(cancel('access', (f) => (f.subject.principal.mobile = '')))).toEqual([]);
    expect(errors(cancel('access', (f) => (f.miniprogram.name = '')))).toEqual(['miniprogram.name required']);
  });
});

describe('checkSection and checkField', () => {
  const broken = () => {
    const form = personalForm();
    form.subject.address = '';
    form.subject.principal.mobile = '138';
    form.miniprogram.comment = '太短';
    return target(form);
  };

  it('checkSection keeps one step', () => {
    expect(errors(checkSection(broken(), 'subject', { today: TODAY }))).toEqual(['subject.address required']);
    expect(errors(checkSection(broken(), 'subjectPrincipal', { today: TODAY }))).toEqual([
      'subject.principal.mobile mobile.invalid',
    ]);
    expect(errors(checkSection(broken(), 'materials', { today: TODAY }))).toEqual([]);
  });

  it('checkField keeps one field, or one block', () => {
    expect(errors(checkField(broken(), 'miniprogram.comment', { today: TODAY }))).toEqual([
      'miniprogram.comment comment.too_short',
    ]);
    expect(errors(checkField(broken(), 'subject', { today: TODAY }))).toEqual([
      'subject.address required',
      'subject.principal.mobile mobile.invalid',
    ]);
    expect(errors(checkField(broken(), 'subject.name', { today: TODAY }))).toEqual([]);
  });

  it('checkField shows the broken block a field sits in', () => {
    const form = personalForm() as unknown as Record<string, unknown>;
    form.subject = [];
    expect(
      errors(
        checkField({ kind: 'new', cancelScope: null, form } as unknown as CheckTarget, 'subject.name', {
          today: TODAY,
        }),
      ),
    ).toEqual(['subject section.missing']);
  });
});
