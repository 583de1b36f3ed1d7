/**
 * The typed form against its certificate photos: each difference a reviewer would reject as
 * 证件信息与照片不一致 is a warning at the typed field, worded for the filer.
 */
import {
  check,
  recognizedValues,
  recognitionRefusal,
  recognitionTarget,
  type CertificateFacts,
  type FilingForm,
  type Recognition,
} from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';
import { messageAt, target, TODAY, warnings } from './helpers';

const FRONT = 'subject.principal.certificate.photoFront';
const BACK = 'subject.principal.certificate.photoBack';
const LICENCE = 'subject.certificate.photo';

const ZHANG_SAN: CertificateFacts = {
  side: 'id_front',
  name: '张三',
  number: '110105199003071239',
  address: '北京市朝阳区高碑店路181号',
  sex: '男',
};

const LICENCE_FACTS: CertificateFacts = {
  side: 'licence',
  name: '北京示例科技有限公司',
  number: '91110108551385082Q',
  address: '北京市海淀区中关村大街1号8层801',
  legalPerson: '李四',
  validFrom: '2013-03-20',
  validTo: '长期',
  businessScope: '技术开发、技术咨询；软件开发',
};

/** The reading of the photo now at `field`, as the server keeps it. */
function reading(form: FilingForm, field: string, facts: CertificateFacts): Recognition {
  const found = recognitionTarget(field);
  if (!found) throw new Error(`${field} is not a certificate photo`);
  const fileId = String(
    field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], form),
  );
  return {
    field,
    fileId,
    at: '2026-11-28T01:00:00.000Z',
    values: recognizedValues(found, facts, form),
    facts,
  };
}

function checked(form: FilingForm, recognitions: Recognition[]) {
  return check(target(form), { today: TODAY, recognitions });
}

describe('an ID card photo against the typed principal', () => {
  it('has nothing to say when the form says what the card says', () => {
    const form = personalForm();
    expect(checked(form, [reading(form, FRONT, ZHANG_SAN)]).warnings).toEqual([]);
  });

  it('warns at a name that differs, quoting the card', () => {
    const form = personalForm();
    const read = reading(form, FRONT, ZHANG_SAN);
    form.subject.principal.name = '张叁';
    const result = checked(form, [read]);
    expect(warnings(result)).toContain('subject.principal.name recognition.mismatch');
    expect(messageAt(result, 'subject.principal.name')).toBe(
      '主体负责人姓名与证件照片上的“张三”不一致，请按证件原样核对',
    );
  });

  it('names the birth date when the typed number has another one', () => {
    const form = personalForm();
    const read = reading(form, FRONT, ZHANG_SAN);
    form.subject.principal.certificate.number = '11010519900317123X';
    const result = checked(form, [read]);
    expect(warnings(result)).toContain('subject.principal.certificate.number recognition.birth_date');
    expect(messageAt(result, 'subject.principal.certificate.number')).toContain('1990-03-17');
  });

  it('names the sex when the typed number is of the other sex than the card', () => {
    const form = personalForm();
    const read = reading(form, FRONT, { ...ZHANG_SAN, sex: '女', number: undefined });
    const result = checked(form, [read]);
    expect(warnings(result)).toContain('subject.principal.certificate.number recognition.sex');
    expect(messageAt(result, 'subject.principal.certificate.number')).toBe(
      '证件号码对应的性别为男，证件照片上为女，请按证件核对号码',
    );
  });

  it('compares dates and numbers the way they are printed, not the way they are typed', () => {
    const form = personalForm();
    const read = reading(form, BACK, { side: 'id_back', validFrom: '2020-03-01', validTo: '2040-03-01' });
    form.subject.principal.certificate.validTo = '2040-03-02';
    expect(warnings(checked(form, [read]))).toEqual([
      'subject.principal.certificate.validTo recognition.mismatch',
    ]);
    form.subject.principal.certificate.validTo = '2040-03-01';
    form.subject.principal.certificate.number = '11010519900307123 9';
    expect(checked(form, [read]).warnings).toEqual([]);
  });

  it('ignores a reading of a photo the form no longer holds, and fields left empty', () => {
    const form = personalForm();
    const read = reading(form, FRONT, { ...ZHANG_SAN, name: '李四' });
    form.subject.principal.certificate.photoFront =
      'cloud://env-test.7465-env-test/filings/o-filer-a/new.jpg';
    expect(checked(form, [read]).warnings).toEqual([]);
    const empty = personalForm();
    const fresh = reading(empty, FRONT, { ...ZHANG_SAN, name: '李四' });
    empty.subject.principal.name = '';
    expect(warnings(checked(empty, [fresh]))).not.toContain('subject.principal.name recognition.mismatch');
  });

  it('ignores what is not a reading, rather than throwing', () => {
    const form = personalForm();
    expect(() =>
      check(target(form), { today: TODAY, recognitions: [null, { field: FRONT }] as never }),
    ).not.toThrow();
  });
});

describe('a business licence photo against the typed subject', () => {
  it('says the subject name must equal the licence name', () => {
    const form = enterpriseForm();
    const read = reading(form, LICENCE, LICENCE_FACTS);
    form.subject.name = '北京示例科技有限责任公司';
    const result = checked(form, [read]);
    expect(warnings(result)).toEqual(['subject.name recognition.subject_name']);
    expect(messageAt(result, 'subject.name')).toBe(
      '主办单位名称须与营业执照上的名称完全一致，照片上为“北京示例科技有限公司”，请核对',
    );
  });

  it('treats full-width and half-width brackets in a name as the same', () => {
    const form = enterpriseForm();
    const read = reading(form, LICENCE, { ...LICENCE_FACTS, name: '示例科技（北京）有限公司' });
    form.subject.name = '示例科技(北京)有限公司';
    expect(checked(form, [read]).warnings).toEqual([]);
  });

  it('warns when a principal said to be the legal representative is not the one the licence names', () => {
    const form = enterpriseForm();
    const read = reading(form, LICENCE, { ...LICENCE_FACTS, legalPerson: '赵六' });
    expect(warnings(checked(form, [read]))).toContain('subject.principal.name recognition.legal_person');
  });

  it('asks for a pre-approval or a 不从事 statement when the business scope names a licensed business', () => {
    const form = enterpriseForm();
    const read = reading(form, LICENCE, { ...LICENCE_FACTS, businessScope: '技术开发；教育咨询；软件开发' });
    const result = checked(form, [read]);
    expect(warnings(result)).toEqual(['miniprogram.preApprovals recognition.business_scope']);
    expect(messageAt(result, 'miniprogram.preApprovals')).toContain('不从事教育业务');
    form.miniprogram.comment = `${form.miniprogram.comment}本小程序不从事教育业务。`;
    expect(checked(form, [read]).warnings).toEqual([]);
  });

  it('maps the licence onto the subject, and refuses a licence for a personal subject', () => {
    const licence = recognitionTarget(LICENCE);
    if (!licence) throw new Error('the licence photo is recognizable');
    expect(Object.keys(recognizedValues(licence, LICENCE_FACTS, enterpriseForm()))).toEqual([
      'subject.name',
      'subject.certificate.number',
      'subject.certificate.address',
      'subject.legalPerson.name',
      'subject.certificate.validFrom',
      'subject.certificate.validTo',
    ]);
    expect(recognitionRefusal(licence, personalForm())).toContain('个人主体');
    expect(recognitionRefusal(licence, enterpriseForm())).toBeNull();
    const institution = enterpriseForm();
    institution.subject.certificate.type = 3;
    expect(recognitionRefusal(licence, institution)).toBe('证件识别只支持营业执照，请手动填写');
  });
});

describe("the licence's validity period (营业期限)", () => {
  it('is optional, and an expired or soon-ending one is flagged like an ID card', () => {
    const form = enterpriseForm();
    form.subject.certificate.validFrom = '';
    form.subject.certificate.validTo = '';
    expect(check(target(form), { today: TODAY }).warnings).toEqual([]);
    form.subject.certificate.validFrom = '2016-12-01';
    form.subject.certificate.validTo = '2026-11-01';
    expect(check(target(form), { today: TODAY }).errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'subject.certificate.validTo validity.expired',
    ]);
    form.subject.certificate.validTo = '2027-02-01';
    expect(warnings(check(target(form), { today: TODAY }))).toEqual([
      'subject.certificate.validTo validity.expiring_soon',
    ]);
  });

  it('gives 宁夏 six months', () => {
    const form = enterpriseForm();
    form.subject.region = { province: '640000', city: '640100', district: '640104' };
    form.subject.certificate.validTo = '2027-04-01';
    expect(warnings(check(target(form), { today: TODAY }))).toContain(
      'subject.certificate.validTo validity.expiring_soon',
    );
  });
});

describe('which photos can be read', () => {
  it('reads ID cards only, and sends the mini-program principal who is the subject principal to that step', () => {
    const front = recognitionTarget('miniprogram.principal.certificate.photoFront');
    if (!front) throw new Error('the principal photo is recognizable');
    const same = personalForm();
    expect(recognitionRefusal(front, same)).toContain('主体负责人一步');
    const passport = enterpriseForm();
    passport.miniprogram.principal.certificate.type = 7;
    expect(recognitionRefusal(front, passport)).toContain('只支持居民身份证');
    expect(recognitionTarget('subject.name')).toBeNull();
    expect(recognitionTarget('__proto__')).toBeNull();
  });
});
