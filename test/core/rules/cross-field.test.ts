import { usccCheckCharacter } from '@beian/core';
import { checkEnterprise, checkPersonal, errors, messageAt, warnings } from './helpers';

const letter = 'cloud://env/filings/o/authorization.jpg';
const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

describe('the two principals', () => {
  it('may not share a mobile or an email when they are different people', () => {
    const result = checkEnterprise((f) => {
      f.miniprogram.principal.mobile = f.subject.principal.mobile;
      f.miniprogram.principal.email = 'LISI@example.com';
    });
    expect(errors(result)).toEqual([
      'miniprogram.principal.mobile mobile.shared_between_principals',
      'miniprogram.principal.email email.shared_between_principals',
    ]);
  });

  it('may share them when they are one person, and are told to mark it so', () => {
    const result = checkEnterprise((f) => {
      f.miniprogram.principal = {
        ...f.miniprogram.principal,
        ...f.subject.principal,
        sameAsSubjectPrincipal: false,
      };
    });
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toEqual([
      'miniprogram.principal.sameAsSubjectPrincipal principal.same_person_not_marked',
    ]);
  });
});

describe('a personal subject', () => {
  it("is named after the principal's name", () => {
    const result = checkPersonal((f) => (f.subject.name = '张三工作室'));
    expect(errors(result)).toEqual(['subject.name personal.name_mismatch']);
    expect(messageAt(result, 'subject.name')).toMatch(/张三/);
  });

  it('is warned when the mini-program principal is someone else', () => {
    const result = checkPersonal((f) => {
      f.miniprogram.principal = { ...f.miniprogram.principal, sameAsSubjectPrincipal: false };
    });
    expect(warnings(result)).toContain(
      'miniprogram.principal.sameAsSubjectPrincipal personal.miniprogram_principal_differs',
    );
  });
});

describe('a principal who is not the legal representative', () => {
  const delegate = (province?: { province: string; city: string; district: string }, letterFile = letter) =>
    checkEnterprise((f) => {
      f.subject.principal.isLegalRepresentative = false;
      f.subject.principal.authorizationLetter = letterFile;
      f.subject.legalPerson = { name: '赵六', idNumber: '11010519491231002X' };
      if (province) {
        f.subject.region = province;
        f.subject.address = '科技园1号';
      }
    });

  it('needs the legal person and an authorization letter', () => {
    expect(errors(delegate())).toEqual([]);
    const result = checkEnterprise((f) => (f.subject.principal.isLegalRepresentative = false));
    expect(errors(result)).toEqual([
      'subject.legalPerson.name required',
      'subject.legalPerson.idNumber required',
      'subject.principal.authorizationLetter required',
    ]);
    expect(messageAt(result, 'subject.principal.authorizationLetter')).toBe('请上传主体负责人授权书');
  });

  it('is refused in a province that wants the legal representative', () => {
    const result = delegate({ province: '440000', city: '440300', district: '440305' });
    expect(errors(result)).toEqual([
      'subject.principal.isLegalRepresentative principal.must_be_legal_representative',
    ]);
    expect(messageAt(result, 'subject.principal.isLegalRepresentative')).toMatch(/广东省/);
  });

  it('is allowed there for a public institution', () => {
    const result = checkEnterprise((f) => {
      f.subject.type = 3;
      f.subject.certificate = {
        ...f.subject.certificate,
        type: 15,
        number: uscc('12440300455755467'),
      };
      f.subject.principal.isLegalRepresentative = false;
      f.subject.principal.authorizationLetter = letter;
      f.subject.legalPerson = { name: '赵六', idNumber: '11010519491231002X' };
      f.subject.region = { province: '440000', city: '440300', district: '440305' };
      f.subject.address = '科技园1号';
    });
    expect(errors(result)).toEqual([]);
  });

  it('is refused for a 个体工商户 in 四川, allowed for a company there', () => {
    const sichuan = (uscc: string) =>
      checkEnterprise((f) => {
        f.subject.certificate.number = uscc;
        f.subject.principal.isLegalRepresentative = false;
        f.subject.principal.authorizationLetter = letter;
        f.subject.legalPerson = { name: '赵六', idNumber: '11010519491231002X' };
        f.subject.region = { province: '510000', city: '510100', district: '510104' };
        f.subject.address = '春熙路1号';
      });
    expect(errors(sichuan('91110108551385082Q'))).toEqual([]);
    expect(errors(sichuan(uscc('92510104MA6123456')))).toEqual([
      'subject.principal.isLegalRepresentative principal.must_be_legal_representative',
    ]);
  });

  it("checks the legal person's ID and refuses the principal's own", () => {
    expect(
      errors(
        checkEnterprise((f) => {
          f.subject.principal.isLegalRepresentative = false;
          f.subject.principal.authorizationLetter = letter;
          f.subject.legalPerson = { name: '赵六', idNumber: '110105194912310021' };
        }),
      ),
    ).toEqual(['subject.legalPerson.idNumber id.checksum']);
    expect(
      errors(
        checkEnterprise((f) => {
          f.subject.principal.isLegalRepresentative = false;
          f.subject.principal.authorizationLetter = letter;
          f.subject.legalPerson = { name: '李四', idNumber: f.subject.principal.certificate.number };
        }),
      ),
    ).toEqual(['subject.legalPerson.idNumber legal_person.same_as_principal']);
  });

  it('does not apply to a personal subject', () => {
    expect(errors(checkPersonal((f) => (f.subject.principal.isLegalRepresentative = false)))).toEqual([]);
  });
});
