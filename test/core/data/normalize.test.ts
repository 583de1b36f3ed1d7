import fc from 'fast-check';
import { normalizeForm, type FilingForm } from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

describe('normalizeForm', () => {
  it('leaves the complete enterprise fixture as it is', () => {
    expect(normalizeForm(enterpriseForm())).toEqual(enterpriseForm());
  });

  it('does not change its input', () => {
    const form = personalForm();
    form.subject.name = ' 张三 ';
    const before = JSON.stringify(form);
    normalizeForm(form);
    expect(JSON.stringify(form)).toBe(before);
  });

  it('trims names and addresses, full-width spaces too', () => {
    const form = enterpriseForm();
    form.subject.name = '\u3000北京示例科技有限公司 ';
    form.subject.principal.name = ' 李四';
    form.subject.address = '中关村大街1号8层801  ';
    const normalized = normalizeForm(form);
    expect(normalized.subject.name).toBe('北京示例科技有限公司');
    expect(normalized.subject.principal.name).toBe('李四');
    expect(normalized.subject.address).toBe('中关村大街1号8层801');
  });

  it('compacts pasted phone and certificate numbers', () => {
    const form = enterpriseForm();
    form.subject.principal.mobile = '+86 137-0013-7000';
    form.subject.principal.emergencyContact = '0086 136 0013 6000';
    form.subject.principal.certificate.number = '110108 19850611 2340';
    form.subject.certificate.number = '91110108551385082q';
    form.miniprogram.appid = ' WXABCDEF1234567890 ';
    const normalized = normalizeForm(form);
    expect(normalized.subject.principal.mobile).toBe('13700137000');
    expect(normalized.subject.principal.emergencyContact).toBe('13600136000');
    expect(normalized.subject.principal.certificate.number).toBe('110108198506112340');
    expect(normalized.subject.certificate.number).toBe('91110108551385082Q');
    expect(normalized.miniprogram.appid).toBe('wxabcdef1234567890');
  });

  it('writes dates as YYYY-MM-DD and 长期有效 as 长期', () => {
    const form = enterpriseForm();
    const certificate = form.miniprogram.principal.certificate;
    for (const [written, expected] of [
      ['2021/1/1', '2021-01-01'],
      ['2021.01.01', '2021-01-01'],
      ['20210101', '2021-01-01'],
      ['2021年1月1日', '2021-01-01'],
      [' 2021-01-01 ', '2021-01-01'],
    ]) {
      certificate.validFrom = written ?? '';
      expect(normalizeForm(form).miniprogram.principal.certificate.validFrom).toBe(expected);
    }
    certificate.validTo = '长期有效';
    expect(normalizeForm(form).miniprogram.principal.certificate.validTo).toBe('长期');
  });

  it('drops duplicate service types and keeps their order', () => {
    const form = enterpriseForm();
    form.miniprogram.serviceTypes = [161, 3, 161, 25, 3];
    expect(normalizeForm(form).miniprogram.serviceTypes).toEqual([161, 3, 25]);
  });

  it('copies the subject principal into the mini-program principal when they are the same person, keeping the face verification', () => {
    const form = enterpriseForm();
    form.miniprogram.principal.sameAsSubjectPrincipal = true;
    const normalized = normalizeForm(form);
    const { sameAsSubjectPrincipal, faceVerification, ...person } = normalized.miniprogram.principal;
    // The same person stands as the subject principal does: legal representative, or by their letter.
    expect(person).toEqual(normalized.subject.principal);
    expect(sameAsSubjectPrincipal).toBe(true);
    expect(faceVerification).toEqual(enterpriseForm().miniprogram.principal.faceVerification);
    // A copy, not a shared object: editing one later cannot change the other.
    expect(normalized.miniprogram.principal.certificate).not.toBe(normalized.subject.principal.certificate);
  });

  it("gives a personal subject the principal's certificate and makes the person their own legal representative", () => {
    const form = personalForm();
    form.subject.certificate = {
      type: null,
      number: '',
      address: '北京市朝阳区高碑店路181号',
      validFrom: '',
      validTo: '',
      photo: '',
    };
    form.subject.principal.isLegalRepresentative = false;
    const normalized = normalizeForm(form);
    expect(normalized.subject.certificate).toEqual({
      type: 2,
      number: '110105199003071239',
      address: '北京市朝阳区高碑店路181号',
      validFrom: '',
      validTo: '',
      photo: form.subject.principal.certificate.photoFront,
    });
    expect(normalized.subject.principal.isLegalRepresentative).toBe(true);
  });

  it('is idempotent', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        fc.boolean(),
        fc.constantFrom(4, 5),
        (name, mobile, number, date, same, type) => {
          const form: FilingForm = enterpriseForm();
          form.subject.type = type;
          form.subject.principal.name = name;
          form.subject.principal.mobile = mobile;
          form.subject.principal.certificate.number = number;
          form.subject.principal.certificate.validFrom = date;
          form.miniprogram.principal.sameAsSubjectPrincipal = same;
          form.miniprogram.principal.emergencyContact = mobile;
          const once = normalizeForm(form);
          expect(normalizeForm(once)).toEqual(once);
        },
      ),
      { numRuns: 500 },
    );
  });
});
