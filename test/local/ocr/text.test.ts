/**
 * Tesseract's text into WeChat's OCR fields: the labels real certificates print, with the noise
 * tesseract adds (spaces between characters, stray marks, mixed bracket widths, wrapped lines).
 */
import { idCardFields, licenceFields } from '../../../local/ocr/text';

describe('an ID card read by tesseract', () => {
  it('reads the portrait side, an address wrapped over two lines and stray marks included', () => {
    const text = [
      '、                 惧',
      '居民身份证 (人像面 )       山',
      '姓 名 张 三',
      '性别 男 民族 汉',
      '出生 1990年3月7日',
      '住址 北京市朝阳区高碑店路',
      '181号1单元101室',
      '公民身份号码 11010519900307123x',
    ].join('\n');
    expect(idCardFields(text)).toEqual({
      type: 'Front',
      name: '张三',
      id: '11010519900307123X',
      gender: '男',
      nationality: '汉',
      addr: '北京市朝阳区高碑店路181号1单元101室',
    });
  });

  it('reads the national-emblem side, to 长期 too', () => {
    expect(
      idCardFields(
        '居民身份证《国惩面) 。 详\n签发机关 北京市公安局朝阳分局\n有效期限 2020.03.01-2040.03.01',
      ),
    ).toEqual({
      type: 'Back',
      valid_date: '20200301-20400301',
    });
    expect(idCardFields('签发机关 某公安局\n有效期限 2010.05.06-长期')).toEqual({
      type: 'Back',
      valid_date: '20100506-长期',
    });
  });

  it('finds nothing on text that is no ID card', () => {
    expect(idCardFields('营业执照\n名称 北京示例科技有限公司')).toEqual({});
  });
});

describe('a business licence read by tesseract', () => {
  it('reads each labelled line, and the business scope over the lines it wraps to', () => {
    const text = [
      '营业执照            详不',
      '统一社会信用代码 91110108551385082Q',
      '名称 北京示例科技有限公司。',
      '类型 有限责任公司〈 自然人投资或控股 )',
      '住所 北京市海淀区中关村大街1号8层801',
      '法定代表人 李四',
      '成立日期 2013年03月20日',
      '营业期限 2013年03月20日至长期',
      '经营范围 技术开发、技术咨询; 教育咨询; ',
      '软件开发',
      '登记机关 北京市海淀区市场监督管理局',
    ].join('\n');
    expect(licenceFields(text)).toEqual({
      reg_num: '91110108551385082Q',
      enterprise_name: '北京示例科技有限公司',
      type_of_enterprise: '有限责任公司（自然人投资或控股）',
      address: '北京市海淀区中关村大街1号8层801',
      legal_representative: '李四',
      registered_date: '2013年03月20日',
      valid_period: '2013年03月20日至长期',
      business_scope: '技术开发、技术咨询；教育咨询；软件开发',
    });
  });

  it('reads a 个体工商户 licence, whose operator is 经营者 and whose premises are 经营场所', () => {
    expect(
      licenceFields(
        '统一社会信用代码 92110105MA01ABCD1X\n名称 朝阳区张三便利店\n经营场所 北京市朝阳区\n经营者 张三',
      ),
    ).toMatchObject({
      address: '北京市朝阳区',
      legal_representative: '张三',
    });
  });

  it('finds nothing on text without a name or a code', () => {
    expect(licenceFields('姓名 张三\n公民身份号码 110105199003071239')).toEqual({});
  });
});
