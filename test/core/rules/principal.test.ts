import { mod112CheckCharacter, type FilingForm } from '@beian/core';
import { checkEnterprise, checkPersonal, errors, messageAt, warnings } from './helpers';

const id = (first17: string) => first17 + mod112CheckCharacter(first17);

/** The enterprise sample checked with its mini-program principal's certificate changed by `changes`. */
const withPrincipalCertificate = (changes: Partial<FilingForm['miniprogram']['principal']['certificate']>) =>
  checkEnterprise(
    (f) => (f.miniprogram.principal.certificate = { ...f.miniprogram.principal.certificate, ...changes }),
  );

describe('principal name and contacts', () => {
  it('requires each contact field, with the field named in the message', () => {
    const result = checkEnterprise((f) => {
      f.subject.principal.mobile = '';
      f.subject.principal.email = '';
      f.subject.principal.emergencyContact = '';
    });
    expect(errors(result)).toEqual([
      'subject.principal.mobile required',
      'subject.principal.email required',
      'subject.principal.emergencyContact required',
    ]);
    expect(messageAt(result, 'subject.principal.mobile')).toBe('请填写主体负责人手机号码');
  });

  it('refuses a name with digits or symbols, and one with surrounding spaces', () => {
    expect(errors(checkEnterprise((f) => (f.subject.principal.name = '李四1')))).toEqual([
      'subject.principal.name name.invalid',
    ]);
    expect(errors(checkEnterprise((f) => (f.subject.principal.name = ' 李四')))).toEqual([
      'subject.principal.name text.untrimmed',
    ]);
  });

  it('accepts names with 间隔号 and Latin names from passports', () => {
    expect(errors(checkEnterprise((f) => (f.subject.principal.name = '阿依古丽·买买提')))).toEqual([]);
    expect(errors(checkEnterprise((f) => (f.miniprogram.principal.name = "John O'Neil")))).toEqual([]);
  });

  it('checks mobile and email formats', () => {
    const result = checkEnterprise((f) => {
      f.subject.principal.mobile = '010-12345678';
      f.subject.principal.email = 'lisi@example';
    });
    expect(errors(result)).toEqual([
      'subject.principal.mobile mobile.invalid',
      'subject.principal.email email.invalid',
    ]);
    expect(messageAt(result, 'subject.principal.mobile')).toMatch(/11位/);
  });

  it('wants a mobile as emergency contact, not the person’s own', () => {
    expect(errors(checkEnterprise((f) => (f.subject.principal.emergencyContact = '01012345678')))).toEqual([
      'subject.principal.emergencyContact mobile.invalid',
    ]);
    const same = checkEnterprise(
      (f) => (f.miniprogram.principal.emergencyContact = f.miniprogram.principal.mobile),
    );
    expect(errors(same)).toEqual(['miniprogram.principal.emergencyContact mobile.same_as_emergency']);
    expect(messageAt(same, 'miniprogram.principal.emergencyContact')).toMatch(/不能与本人手机号码相同/);
  });
});

describe('principal document', () => {
  it('is one of the individual types only', () => {
    const result = checkEnterprise((f) => (f.miniprogram.principal.certificate.type = 1));
    expect(errors(result)).toContain(
      'miniprogram.principal.certificate.type certificate.type_not_individual',
    );
  });

  it('checks a resident ID fully, and says to use 18 digits instead of 15', () => {
    expect(
      errors(checkEnterprise((f) => (f.subject.principal.certificate.number = '110108198506112341'))),
    ).toEqual(['subject.principal.certificate.number id.checksum']);
    const legacy = checkEnterprise((f) => (f.subject.principal.certificate.number = '110108850611234'));
    expect(errors(legacy)).toEqual(['subject.principal.certificate.number id.legacy_15']);
    expect(messageAt(legacy, 'subject.principal.certificate.number')).toMatch(/18位/);
    expect(
      errors(checkEnterprise((f) => (f.subject.principal.certificate.number = id('11010820300611234')))),
    ).toEqual(['subject.principal.certificate.number id.birth_future']);
  });

  it('checks residence permits against their address codes', () => {
    const hk = id('81000019900307123');
    expect(errors(withPrincipalCertificate({ type: 41, number: hk }))).toEqual([]);
    const wrong = withPrincipalCertificate({ type: 42, number: hk });
    expect(errors(wrong)).toEqual(['miniprogram.principal.certificate.number id.region']);
    expect(messageAt(wrong, 'miniprogram.principal.certificate.number')).toMatch(/830000/);
  });

  it('checks the 港澳通行证 pattern and only letters and digits for passports and 台胞证', () => {
    const permit = (number: string, type: number) => errors(withPrincipalCertificate({ type, number }));
    expect(permit('H1234567801', 14)).toEqual([]);
    expect(permit('H123', 14)).toEqual(['miniprogram.principal.certificate.number hk_macau_permit.invalid']);
    expect(permit('E12345678', 7)).toEqual([]);
    expect(permit('E-1234', 7)).toEqual(['miniprogram.principal.certificate.number document_number.invalid']);
    expect(permit('12345678', 11)).toEqual([]);
    expect(permit('93115619900101001' + mod112CheckCharacter('93115619900101001'), 30)).toEqual([]);
    expect(permit('931156199001010010', 30)).toEqual([
      'miniprogram.principal.certificate.number foreign_permanent_id.invalid',
    ]);
  });

  it('needs both sides of a card, and only the data page of a passport', () => {
    expect(errors(checkEnterprise((f) => (f.miniprogram.principal.certificate.photoBack = '')))).toEqual([
      'miniprogram.principal.certificate.photoBack required',
    ]);
    expect(errors(withPrincipalCertificate({ type: 7, number: 'E12345678', photoBack: '' }))).toEqual([]);
  });
});

describe('certificate validity', () => {
  const validTo = (value: string, today = '2026-11-28', province?: string) =>
    checkEnterprise((f) => {
      f.miniprogram.principal.certificate.validTo = value;
      if (province)
        f.subject.region = {
          province,
          city: `${province.slice(0, 2)}0100`,
          district: `${province.slice(0, 2)}0104`,
        };
    }, today);

  it('is an error once expired or within 1 month of today', () => {
    expect(errors(validTo('2026-11-27'))).toEqual([
      'miniprogram.principal.certificate.validTo validity.expired',
    ]);
    expect(errors(validTo('2026-12-28'))).toEqual([
      'miniprogram.principal.certificate.validTo validity.expiring',
    ]);
    expect(messageAt(validTo('2026-12-28'), 'miniprogram.principal.certificate.validTo')).toMatch(
      /1个月内到期/,
    );
  });

  it('is a warning within 3 months', () => {
    const result = validTo('2026-12-29');
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toEqual(['miniprogram.principal.certificate.validTo validity.expiring_soon']);
    expect(warnings(validTo('2027-02-28'))).toEqual([
      'miniprogram.principal.certificate.validTo validity.expiring_soon',
    ]);
    expect(warnings(validTo('2027-03-01'))).toEqual([]);
  });

  it('is a warning within 6 months when the subject is in 宁夏', () => {
    const inNingxia = (value: string) =>
      checkEnterprise((f) => {
        f.subject.region = { province: '640000', city: '640100', district: '640104' };
        f.subject.address = '兴庆区解放西街1号';
        f.subject.certificate.address = '宁夏回族自治区银川市兴庆区解放西街1号';
        f.miniprogram.principal.certificate.validTo = value;
      });
    expect(warnings(inNingxia('2027-05-28'))).toContain(
      'miniprogram.principal.certificate.validTo validity.expiring_soon',
    );
    expect(messageAt(inNingxia('2027-05-28'), 'miniprogram.principal.certificate.validTo')).toMatch(
      /宁夏.*6个月/,
    );
    expect(warnings(inNingxia('2027-05-29')).filter((w) => w.includes('validity'))).toEqual([]);
  });

  it('accepts 长期, but only as the end date', () => {
    expect(errors(validTo('长期'))).toEqual([]);
    expect(errors(checkEnterprise((f) => (f.subject.principal.certificate.validFrom = '长期')))).toEqual([
      'subject.principal.certificate.validFrom date.invalid',
    ]);
  });

  it('must start before it ends, and must have started', () => {
    expect(
      errors(checkEnterprise((f) => (f.miniprogram.principal.certificate.validFrom = '2041-02-01'))),
    ).toEqual([
      'miniprogram.principal.certificate.validFrom validity.not_started',
      'miniprogram.principal.certificate.validTo validity.order',
    ]);
    expect(
      errors(checkEnterprise((f) => (f.miniprogram.principal.certificate.validFrom = '2026-12-01'))),
    ).toEqual(['miniprogram.principal.certificate.validFrom validity.not_started']);
  });

  it('refuses dates that do not exist', () => {
    expect(
      errors(checkEnterprise((f) => (f.miniprogram.principal.certificate.validTo = '2041-02-30'))),
    ).toEqual(['miniprogram.principal.certificate.validTo date.invalid']);
  });

  it('skips the dates measured from today when no valid today is given, rather than guessing', () => {
    expect(errors(validTo('2026-11-27', 'yesterday'))).toEqual([]);
  });
});

describe('face verification of the mini-program principal', () => {
  it('needs the captured photo', () => {
    const result = checkPersonal((f) => (f.miniprogram.principal.faceVerification.photo = ''));
    expect(errors(result)).toEqual(['miniprogram.principal.faceVerification.photo required']);
  });

  it("needs WeChat's verification id when that method is chosen", () => {
    const result = checkPersonal(
      (f) =>
        (f.miniprogram.principal.faceVerification = {
          method: 'wechat',
          photo: '',
          verifyId: '',
          completedAt: '',
        }),
    );
    expect(errors(result)).toEqual(['miniprogram.principal.faceVerification.verifyId face.not_verified']);
  });
});

describe('a mini-program principal who is the subject principal', () => {
  it('is checked once, as subject principal, even if the hidden copy is stale', () => {
    const result = checkPersonal((f) => {
      f.miniprogram.principal.mobile = '';
      f.miniprogram.principal.certificate = { ...f.miniprogram.principal.certificate, number: '' };
      f.subject.principal.mobile = '123';
    });
    expect(errors(result)).toEqual(['subject.principal.mobile mobile.invalid']);
  });
});
