import { preApprovalHints, usccCheckCharacter } from '@beian/core';
import { enterpriseForm } from '../../fixtures/forms';
import { checkEnterprise, checkPersonal, errors, messageAt, warnings } from './helpers';

const scan = 'cloud://env/filings/o/approval.jpg';

describe('keywords that need a pre-approval', () => {
  it('warn, naming the category, when the comment mentions one that is not selected', () => {
    const result = checkEnterprise(
      (f) => (f.miniprogram.comment = '提供少儿编程课程的在线报名、课表查询和校外培训课后辅导预约服务。'),
    );
    expect(errors(result)).toEqual([]);
    expect(warnings(result)).toEqual(['miniprogram.preApprovals pre_approval.keyword']);
    expect(messageAt(result, 'miniprogram.preApprovals')).toMatch(/小程序备注涉及“培训”（校外培训）/);
  });

  it('stop warning once the category is selected', () => {
    const result = checkEnterprise((f) => {
      f.miniprogram.comment = '提供少儿编程课程的在线报名、课表查询和校外培训课后辅导预约服务。';
      f.miniprogram.preApprovals = [{ type: 14, code: '京教培-2024-001', media: scan }];
    });
    expect(warnings(result)).toEqual([]);
  });

  it('come from the name and the service types too', () => {
    const hints = (change: (form: ReturnType<typeof enterpriseForm>) => void) => {
      const form = enterpriseForm();
      change(form);
      return preApprovalHints(form).map((hint) => `${hint.name}:${hint.sources.join('+')}`);
    };
    expect(hints((f) => (f.miniprogram.name = '示例网约车'))).toEqual(['网络预约车:小程序名称']);
    expect(hints((f) => (f.miniprogram.serviceTypes = [37]))).toEqual(['出版:服务内容类型']);
    expect(hints((f) => (f.miniprogram.serviceTypes = [140]))).toEqual(['互联网金融:服务内容类型']);
    expect(
      hints((f) => (f.miniprogram.comment = '提供门店的医疗器械产品介绍和在线咨询服务，不做销售。')),
    ).toEqual(['药品和医疗器械:小程序备注']);
  });

  it('ignore a clause that denies the business, as WeChat asks filers to write it', () => {
    const result = checkEnterprise(
      (f) =>
        (f.miniprogram.comment =
          '企业内部协同办公工具，提供日程安排和审批流转功能，不涉及教育、培训和金融业务。'),
    );
    expect(warnings(result)).toEqual([]);
  });

  it("ask for an explanation when only the subject's name mentions one", () => {
    const result = checkEnterprise((f) => (f.subject.name = '北京示例教育科技有限公司'));
    expect(warnings(result)).toEqual(['miniprogram.comment pre_approval.keyword']);
    expect(messageAt(result, 'miniprogram.comment')).toMatch(/主办单位名称涉及“教育”/);
    const explained = checkEnterprise((f) => {
      f.subject.name = '北京示例教育科技有限公司';
      f.miniprogram.comment = `${f.miniprogram.comment}本小程序不涉及教育业务。`;
    });
    expect(warnings(explained)).toEqual([]);
  });

  it('do not take 基金会 for finance', () => {
    const form = enterpriseForm();
    form.subject.name = '北京示例公益基金会';
    expect(preApprovalHints(form)).toEqual([]);
  });
});

describe('a vague comment', () => {
  it('is a warning: placeholders, repetition, no concrete service', () => {
    for (const comment of [
      '这是一个测试用的小程序，里面的内容暂时还没有确定好。',
      '好好好好好好好好好好好好好好好好好好好好好好',
      '本小程序是我们公司的小程序，欢迎大家使用本小程序。',
    ]) {
      const result = checkEnterprise((f) => (f.miniprogram.comment = comment));
      expect([comment, warnings(result)]).toEqual([comment, ['miniprogram.comment comment.vague']]);
    }
  });
});

describe('the certificate against the subject', () => {
  it('warns when the USCC registration digits do not fit the subject type', () => {
    const first17 = '51110108551385082';
    const result = checkEnterprise(
      (f) => (f.subject.certificate.number = first17 + usccCheckCharacter(first17)),
    );
    expect(warnings(result)).toEqual(['subject.certificate.number uscc.category_mismatch']);
    expect(messageAt(result, 'subject.certificate.number')).toMatch(/“51”开头（社会团体）.*“企业”/);
  });

  it('warns when the USCC or the printed 住所 is in another province than the one chosen', () => {
    const result = checkEnterprise((f) => {
      f.subject.region = { province: '310000', city: '310100', district: '310101' };
      f.subject.address = '南京东路1号';
    });
    expect(warnings(result)).toEqual([
      'subject.region.province uscc.region_mismatch',
      'subject.region.province certificate.address_region_mismatch',
    ]);
  });
});

describe('the mini-program name', () => {
  it('warns a personal subject against an enterprise-like name', () => {
    const result = checkPersonal((f) => (f.miniprogram.name = '三哥科技公司'));
    expect(warnings(result)).toEqual(['miniprogram.name miniprogram_name.enterprise_like']);
  });

  it('warns a non-state subject against 中国/国家 prefixes', () => {
    expect(warnings(checkEnterprise((f) => (f.miniprogram.name = '中国示例协同办公')))).toEqual([
      'miniprogram.name miniprogram_name.state_prefix',
    ]);
    expect(
      warnings(
        checkEnterprise((f) => {
          f.subject.type = 2;
          f.subject.certificate.type = 13;
          f.subject.certificate.number = '11100000000013127' + usccCheckCharacter('11100000000013127');
          f.miniprogram.name = '中国示例协同办公';
        }),
      ),
    ).toEqual([]);
  });
});
