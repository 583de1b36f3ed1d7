import type { FilingForm } from '@beian/core';
import { checkEnterprise, checkPersonal, errors, messageAt, warnings } from './helpers';

const scan = 'cloud://env/filings/o/approval.jpg';

describe('AppID and name', () => {
  it('wants a wx AppID of 18 characters', () => {
    expect(errors(checkEnterprise((f) => (f.miniprogram.appid = 'wx123')))).toEqual([
      'miniprogram.appid appid.invalid',
    ]);
    expect(errors(checkEnterprise((f) => (f.miniprogram.appid = '')))).toEqual([
      'miniprogram.appid required',
    ]);
  });

  it('refuses a name containing 小程序, and warns outside 4–30 display units', () => {
    expect(errors(checkPersonal((f) => (f.miniprogram.name = '三哥记账小程序')))).toEqual([
      'miniprogram.name miniprogram_name.contains_miniprogram',
    ]);
    expect(warnings(checkPersonal((f) => (f.miniprogram.name = '账')))).toContain(
      'miniprogram.name miniprogram_name.length',
    );
    expect(warnings(checkPersonal((f) => (f.miniprogram.name = '记账')))).toEqual([]);
    expect(
      warnings(checkPersonal((f) => (f.miniprogram.name = '三哥记账本三哥记账本三哥记账本三哥'))),
    ).toContain('miniprogram.name miniprogram_name.length');
  });
});

describe('service content types', () => {
  it('wants 1 to 5 second-level types', () => {
    expect(
      messageAt(
        checkEnterprise((f) => (f.miniprogram.serviceTypes = [])),
        'miniprogram.serviceTypes',
      ),
    ).toBe('请选择小程序服务内容类型');
    expect(errors(checkEnterprise((f) => (f.miniprogram.serviceTypes = [161, 3, 25, 26, 162])))).toEqual([]);
    expect(errors(checkEnterprise((f) => (f.miniprogram.serviceTypes = [161, 3, 25, 26, 162, 1])))).toEqual([
      'miniprogram.serviceTypes service_types.too_many',
    ]);
  });

  it('refuses a first-level group, an unknown id and a duplicate', () => {
    const group = checkEnterprise((f) => (f.miniprogram.serviceTypes = [511]));
    expect(errors(group)).toEqual(['miniprogram.serviceTypes service_types.not_selectable']);
    expect(messageAt(group, 'miniprogram.serviceTypes')).toMatch(/信息传输、软件和信息技术服务业.*一级分类/);
    expect(errors(checkEnterprise((f) => (f.miniprogram.serviceTypes = [177])))).toEqual([
      'miniprogram.serviceTypes service_types.unknown',
    ]);
    expect(errors(checkEnterprise((f) => (f.miniprogram.serviceTypes = [161, 161])))).toEqual([
      'miniprogram.serviceTypes service_types.duplicate',
    ]);
  });
});

describe('comment', () => {
  it('is 20 to 200 characters', () => {
    const short = checkEnterprise((f) => (f.miniprogram.comment = '企业内部协同办公工具'));
    expect(errors(short)).toEqual(['miniprogram.comment comment.too_short']);
    expect(messageAt(short, 'miniprogram.comment')).toMatch(/至少20个字（当前10个）/);
    expect(errors(checkEnterprise((f) => (f.miniprogram.comment = '提供'.repeat(100))))).toEqual([]);
    expect(errors(checkEnterprise((f) => (f.miniprogram.comment = `${'提供'.repeat(100)}。`)))).toEqual([
      'miniprogram.comment text.too_long',
    ]);
  });
});

describe('pre-approval items', () => {
  const withPreApprovals = (items: FilingForm['miniprogram']['preApprovals']) =>
    checkEnterprise((f) => (f.miniprogram.preApprovals = items));

  it('need at least one item, 以上都不涉及 when nothing applies', () => {
    const result = withPreApprovals([]);
    expect(errors(result)).toEqual(['miniprogram.preApprovals pre_approval.required']);
    expect(messageAt(result, 'miniprogram.preApprovals')).toMatch(/以上都不涉及/);
  });

  it('need the approval number and scan for every real item', () => {
    const result = withPreApprovals([{ type: 3, code: '', media: '' }]);
    expect(errors(result)).toEqual([
      'miniprogram.preApprovals.0.code required',
      'miniprogram.preApprovals.0.media required',
    ]);
    expect(messageAt(result, 'miniprogram.preApprovals.0.media')).toBe('请上传前置审批文件（第1项）');
    expect(errors(withPreApprovals([{ type: 3, code: '京教-12345号', media: scan }]))).toEqual([]);
  });

  it('refuse duplicates and 以上都不涉及 beside another item', () => {
    expect(
      errors(
        withPreApprovals([
          { type: 3, code: 'a', media: scan },
          { type: 3, code: 'b', media: scan },
        ]),
      ),
    ).toEqual(['miniprogram.preApprovals.1.type pre_approval.duplicate']);
    expect(
      errors(
        withPreApprovals([
          { type: 3, code: 'a', media: scan },
          { type: 24, code: '', media: '' },
        ]),
      ),
    ).toEqual(['miniprogram.preApprovals.1.type pre_approval.none_exclusive']);
  });

  it('refuse more items than there are types', () => {
    const items = Array.from({ length: 14 }, (_, index) => ({ type: index + 1, code: 'a', media: scan }));
    expect(errors(withPreApprovals(items))[0]).toBe('miniprogram.preApprovals pre_approval.too_many');
  });

  it('refuse an unknown type and an item without a type', () => {
    expect(errors(withPreApprovals([{ type: 11, code: 'a', media: scan }]))).toEqual([
      'miniprogram.preApprovals.0.type pre_approval.type_unknown',
    ]);
    expect(errors(withPreApprovals([{ type: null, code: '', media: '' }]))).toEqual([
      'miniprogram.preApprovals.0.type required',
    ]);
  });
});
