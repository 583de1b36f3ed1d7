import { mod112CheckCharacter, usccCheckCharacter } from '@beian/core';
import { checkEnterprise, checkPersonal, errors, messageAt, warnings } from './helpers';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

describe('subject type and name', () => {
  it('requires the subject type and refuses an unknown one', () => {
    expect(errors(checkEnterprise((f) => (f.subject.type = null)))).toContain('subject.type required');
    expect(
      messageAt(
        checkEnterprise((f) => (f.subject.type = null)),
        'subject.type',
      ),
    ).toBe('请选择主办单位性质');
    expect(errors(checkEnterprise((f) => (f.subject.type = 7)))).toContain(
      'subject.type subject.type_unknown',
    );
  });

  it('requires the name, without surrounding spaces', () => {
    expect(
      messageAt(
        checkEnterprise((f) => (f.subject.name = '')),
        'subject.name',
      ),
    ).toBe('请填写主办单位名称');
    const result = checkEnterprise((f) => (f.subject.name = '北京示例科技有限公司 '));
    expect(errors(result)).toEqual(['subject.name text.untrimmed']);
    expect(messageAt(result, 'subject.name')).toMatch(/空格/);
  });
});

describe('region', () => {
  it('accepts a consistent mainland province, city and district', () => {
    expect(errors(checkEnterprise(() => undefined))).toEqual([]);
  });

  it('refuses Hong Kong, a city of another province and a district of another city', () => {
    expect(errors(checkEnterprise((f) => (f.subject.region.province = '810000')))).toContain(
      'subject.region.province region.unknown',
    );
    expect(errors(checkEnterprise((f) => (f.subject.region.city = '310100')))).toContain(
      'subject.region.city region.mismatch',
    );
    const district = checkEnterprise((f) => (f.subject.region.district = '120101'));
    expect(errors(district)).toContain('subject.region.district region.mismatch');
    expect(messageAt(district, 'subject.region.district')).toBe('请重新选择北京市下的区县');
  });

  it('requires each level', () => {
    const result = checkEnterprise((f) => (f.subject.region = { province: '', city: '', district: '' }));
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        'subject.region.province required',
        'subject.region.city required',
        'subject.region.district required',
      ]),
    );
  });
});

describe('mailing address', () => {
  it("follows WeChat's own example: 北京市朝阳区高碑店路181号… is sent as 高碑店路181号…", () => {
    expect(errors(checkPersonal((f) => (f.subject.address = '北京市朝阳区高碑店路181号1单元101室')))).toEqual(
      ['subject.address address.region_prefix'],
    );
    expect(errors(checkPersonal((f) => (f.subject.address = '高碑店路181号1单元101室')))).toEqual([]);
  });

  it('must not repeat the chosen province, city or district', () => {
    for (const address of ['北京市海淀区中关村大街1号', '海淀区中关村大街1号']) {
      const result = checkEnterprise((f) => (f.subject.address = address));
      expect(errors(result)).toEqual(['subject.address address.region_prefix']);
      expect(messageAt(result, 'subject.address')).toMatch(/街道、门牌号/);
    }
  });

  it("only warns about the province's short name, which may be a road name", () => {
    const result = checkEnterprise((f) => (f.subject.address = '北京海淀中关村大街1号'));
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toContain('subject.address address.region_prefix');
  });

  it('warns when it starts in another province', () => {
    const result = checkEnterprise((f) => (f.subject.address = '上海市黄浦区南京东路1号'));
    expect(warnings(result)).toContain('subject.address address.other_region');
  });
});

describe('subject certificate', () => {
  it('must be a type the subject type may use', () => {
    const result = checkEnterprise((f) => (f.subject.certificate.type = 2));
    expect(errors(result)).toContain('subject.certificate.type certificate.type_not_allowed');
    expect(messageAt(result, 'subject.certificate.type')).toMatch(/营业执照/);
  });

  it('checks a business licence number as a USCC', () => {
    expect(errors(checkEnterprise((f) => (f.subject.certificate.number = '91110108551385082R')))).toEqual([
      'subject.certificate.number uscc.checksum',
    ]);
    expect(errors(checkEnterprise((f) => (f.subject.certificate.number = '9111010855138508')))).toEqual([
      'subject.certificate.number uscc.length',
    ]);
  });

  it('accepts a valid USCC registered by an A, N or Y authority', () => {
    expect(
      errors(checkEnterprise((f) => (f.subject.certificate.number = uscc('A1110108MA0000001')))),
    ).toEqual([]);
  });

  it('accepts a USCC or an organisation code on an 组织机构代码证', () => {
    expect(
      errors(
        checkEnterprise(
          (f) => (f.subject.certificate = { ...f.subject.certificate, type: 12, number: '55138508-2' }),
        ),
      ),
    ).toEqual([]);
    expect(errors(checkEnterprise((f) => (f.subject.certificate.type = 12)))).toEqual([]);
    expect(
      errors(
        checkEnterprise(
          (f) => (f.subject.certificate = { ...f.subject.certificate, type: 12, number: '55138508-3' }),
        ),
      ),
    ).toEqual(['subject.certificate.number organization_code.invalid']);
  });

  it('only warns when a certificate that usually carries a USCC carries something else', () => {
    const result = checkEnterprise((f) => {
      f.subject.type = 6;
      f.subject.certificate = { ...f.subject.certificate, type: 6, number: '社证字第1234号' };
    });
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toContain('subject.certificate.number certificate.number_not_uscc');
  });

  it('requires the printed 住所 and, for an organisation, the photo', () => {
    expect(errors(checkEnterprise((f) => (f.subject.certificate.address = '')))).toEqual([
      'subject.certificate.address required',
    ]);
    expect(
      messageAt(
        checkEnterprise((f) => (f.subject.certificate.photo = '')),
        'subject.certificate.photo',
      ),
    ).toBe('请上传主办单位证件照片');
  });

  it("does not ask a personal subject for the certificate fields the principal's document fills", () => {
    const result = checkPersonal(
      (f) => (f.subject.certificate = { ...f.subject.certificate, type: null, number: '', photo: '' }),
    );
    expect(errors(result)).toEqual([]);
  });
});

describe('residence proof of a personal filer from another province', () => {
  const guangdongId = (() => {
    const first17 = '44030519900307123';
    return first17 + mod112CheckCharacter(first17);
  })();

  it('is required when the ID card 住所 is in another province', () => {
    const result = checkPersonal((f) => (f.subject.certificate.address = '广东省深圳市南山区科技园1号'));
    expect(errors(result)).toEqual(['subject.residencePermit residence_permit.required']);
    expect(messageAt(result, 'subject.residencePermit')).toMatch(/广东省.*居住证/);
    expect(
      errors(
        checkPersonal((f) => {
          f.subject.certificate.address = '广东省深圳市南山区科技园1号';
          f.subject.residencePermit = 'cloud://env/filings/o/residence.jpg';
        }),
      ),
    ).toEqual([]);
  });

  it('is only recommended when just the ID number points elsewhere', () => {
    const result = checkPersonal((f) => {
      f.subject.certificate.address = '朝阳区高碑店路181号';
      f.subject.principal.certificate.number = guangdongId;
      f.miniprogram.principal.certificate.number = guangdongId;
    });
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toContain('subject.residencePermit residence_permit.recommended');
  });

  it('is not asked of an organisation', () => {
    expect(
      warnings(checkEnterprise((f) => (f.subject.certificate.address = '广东省深圳市南山区科技园1号'))),
    ).not.toContain('subject.residencePermit residence_permit.recommended');
  });
});
