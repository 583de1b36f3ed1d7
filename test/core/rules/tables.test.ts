/** The checks read the enumerations and the district tree from the tables they are given. */
import { check, tablesFromWeChat, type CheckResult, type FilingForm } from '@beian/core';
import { enterpriseForm } from '../../fixtures/forms';
import { WECHAT_ONLY_DISTRICT, WECHAT_ONLY_NRLX, wechatItems } from '../../fixtures/wechat-tables';
import { TODAY, errors, messageAt, target } from './helpers';

const WECHAT = tablesFromWeChat(wechatItems());

function withTables(change: (form: FilingForm) => void, tables = WECHAT): CheckResult {
  const form = enterpriseForm();
  change(form);
  return check(target(form), { today: TODAY, tables });
}

const inWeChatOnlyDistrict = (form: FilingForm): void => {
  form.subject.region.district = WECHAT_ONLY_DISTRICT;
};

describe('checks against WeChat’s tables', () => {
  it('accept a district only WeChat’s tree has', () => {
    expect(errors(withTables(inWeChatOnlyDistrict))).toEqual([]);
  });

  it('refuse that district against the built-in tree, as before', () => {
    const result = check(target(changed(inWeChatOnlyDistrict)), { today: TODAY });
    expect(errors(result)).toEqual(['subject.region.district region.mismatch']);
  });

  it('refuse a district only our tree has, with the usual message', () => {
    // The enterprise fixture is in 海淀区 (110108), which this WeChat tree does not hold.
    const result = withTables(() => undefined);
    expect(errors(result)).toEqual(['subject.region.district region.mismatch']);
    expect(messageAt(result, 'subject.region.district')).toBe('请重新选择北京市下的区县');
  });

  it('accept a pre-approval type only the given tables have', () => {
    const approval = (form: FilingForm): void => {
      inWeChatOnlyDistrict(form);
      form.miniprogram.preApprovals = [
        { type: WECHAT_ONLY_NRLX, code: '新出网证（京）字001号', media: form.subject.certificate.photo },
      ];
    };
    expect(errors(withTables(approval))).toEqual([]);
    expect(errors(check(target(changed(approval)), { today: TODAY }))).toContain(
      'miniprogram.preApprovals.0.type pre_approval.type_unknown',
    );
  });

  it('fall back to the built-in tables when the option is malformed', () => {
    const result = check(target(enterpriseForm()), { today: TODAY, tables: { version: 1 } as never });
    expect(errors(result)).toEqual([]);
  });
});

function changed(change: (form: FilingForm) => void): FilingForm {
  const form = enterpriseForm();
  change(form);
  return form;
}
