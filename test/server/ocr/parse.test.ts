/**
 * WeChat's OCR answers read into the form's words: the shapes WeChat documents, in camelCase from
 * a cloud call and in snake_case over HTTPS, with only the fields the image shows.
 */
import { readAnswer, period } from '../../../server/ocr/parse';
import { ID_BACK_HTTPS, ID_FRONT_CLOUD, ID_FRONT_FACTS, LICENCE_CLOUD, LICENCE_FACTS } from '../helpers/ocr';

describe('an ID card read by ocr.idcard', () => {
  it('reads the portrait side of a cloud call (camelCase) into name, number, address and sex', () => {
    expect(readAnswer('id_front', ID_FRONT_CLOUD)).toEqual({
      ok: true,
      facts: ID_FRONT_FACTS,
    });
  });

  it('reads the national-emblem side over HTTPS (snake_case) into the validity period', () => {
    expect(readAnswer('id_back', ID_BACK_HTTPS)).toEqual({
      ok: true,
      facts: { side: 'id_back', validFrom: '2020-03-01', validTo: '2040-03-01' },
    });
    expect(readAnswer('id_back', { type: 'Back', valid_date: '20200301-长期' })).toMatchObject({
      facts: { validFrom: '2020-03-01', validTo: '长期' },
    });
  });

  it('says which side it got when the photo is the other side', () => {
    expect(readAnswer('id_front', ID_BACK_HTTPS)).toEqual({ ok: false, problem: 'wrong_side' });
    expect(readAnswer('id_back', ID_FRONT_CLOUD)).toEqual({ ok: false, problem: 'wrong_side' });
  });

  it('calls an answer without a name, a number or a period unreadable', () => {
    expect(readAnswer('id_front', { type: 'Front', gender: '男' })).toEqual({
      ok: false,
      problem: 'unreadable',
    });
    expect(readAnswer('id_back', { type: 'Back', valid_date: '看不清' })).toEqual({
      ok: false,
      problem: 'unreadable',
    });
  });

  it('compacts a number read with spaces and a lower-case x, and ignores a sex it cannot place', () => {
    const read = readAnswer('id_front', {
      type: 'Front',
      name: ' 张 三 ',
      id: '11010519900307123x',
      gender: '?',
    });
    expect(read).toEqual({
      ok: true,
      facts: { side: 'id_front', name: '张三', number: '11010519900307123X' },
    });
  });
});

describe('a business licence read by ocr.businessLicense', () => {
  it('reads a cloud call (camelCase) into name, code, address, legal representative, scope and period', () => {
    expect(readAnswer('licence', LICENCE_CLOUD)).toEqual({
      ok: true,
      facts: LICENCE_FACTS,
    });
  });

  it('reads the same answer over HTTPS (snake_case)', () => {
    const snake = {
      errcode: 0,
      errmsg: 'ok',
      reg_num: '91110108551385082Q',
      enterprise_name: '北京示例科技有限公司',
      legal_representative: '李四',
      address: '北京市海淀区中关村大街1号8层801',
      business_scope: '技术开发、技术咨询；软件开发',
      type_of_enterprise: '有限责任公司（自然人投资或控股）',
      valid_period: '2013年03月20日至2033年03月19日',
      registered_date: '2013年03月20日',
    };
    expect(readAnswer('licence', snake)).toMatchObject({
      ok: true,
      facts: {
        name: '北京示例科技有限公司',
        number: '91110108551385082Q',
        validFrom: '2013-03-20',
        validTo: '2033-03-19',
      },
    });
  });

  it('reads a period of 长期 alone as running from the registered date', () => {
    expect(
      readAnswer('licence', {
        regNum: '91110108551385082Q',
        validPeriod: '长期',
        registeredDate: '2013-03-20',
      }),
    ).toMatchObject({
      facts: { validFrom: '2013-03-20', validTo: '长期' },
    });
  });

  it('calls a licence answer without name or code unreadable', () => {
    expect(readAnswer('licence', { address: '北京市' })).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('a printed validity period', () => {
  it.each([
    ['20070105-20270105', { validFrom: '2007-01-05', validTo: '2027-01-05' }],
    ['2007.01.05-长期', { validFrom: '2007-01-05', validTo: '长期' }],
    ['自2015年1月1日至2035年12月31日', { validFrom: '2015-01-01', validTo: '2035-12-31' }],
    ['长期', { validTo: '长期' }],
    ['illegible', {}],
  ])('reads %s', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });
});
