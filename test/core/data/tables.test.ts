import {
  BUILT_IN_TABLES,
  BUILT_IN_VERSION,
  isFilingTables,
  lookupOf,
  regionName,
  SERVICE_TYPE_GROUPS,
  tablesFromWeChat,
} from '@beian/core';
import { WECHAT_ONLY_DISTRICT, WECHAT_ONLY_NRLX, wechatItems } from '../../fixtures/wechat-tables';

describe('tablesFromWeChat', () => {
  it('reads WeChat’s shapes: groups and their types, nrlx, the tree by level with 6-digit codes', () => {
    const tables = tablesFromWeChat(wechatItems());
    const lookup = lookupOf(tables);
    expect(lookup.isServiceTypeGroup(501)).toBe(true);
    expect(lookup.serviceTypeName(34)).toBe('餐饮 / 外卖');
    expect(lookup.preApprovalTypeName(WECHAT_ONLY_NRLX)).toBe('网络出版');
    expect(lookup.certificateTypesFor(5).map((type) => type.id)).toEqual([2, 7, 11, 14, 30, 41, 42]);
    expect(tables.regions.province_list).toEqual({ '110000': '北京市' });
    expect(lookup.cityOf(WECHAT_ONLY_DISTRICT)).toBe('110100');
    expect(lookup.regionName(WECHAT_ONLY_DISTRICT)).toBe('北京经济技术开发区');
    expect(lookup.isDistrictCode('110108')).toBe(false);
  });

  it('names a placeholder city level by its province in messages', () => {
    const lookup = lookupOf(
      tablesFromWeChat({
        ...wechatItems(),
        districts: [
          { type: 1, code: 110000, name: '北京市', sub_list: [{ type: 2, code: 110100, name: '市辖区' }] },
        ],
      }),
    );
    expect(lookup.regionName('110100')).toBe('市辖区');
    expect(lookup.cityLabel('110100')).toBe('北京市');
    expect(lookupOf(BUILT_IN_TABLES).cityLabel('440300')).toBe('深圳市');
  });

  it('names the content: the same answers give the same version, other answers another', () => {
    const one = tablesFromWeChat(wechatItems());
    expect(tablesFromWeChat(wechatItems()).version).toBe(one.version);
    expect(one.version).toMatch(/^wx-[0-9a-f]{8}$/);
    expect(tablesFromWeChat(wechatItems([{ type: 31, name: '新类型' }])).version).not.toBe(one.version);
    expect(one.version).not.toBe(BUILT_IN_VERSION);
  });

  it('survives a round trip through JSON, as it is stored and sent', () => {
    const tables = tablesFromWeChat(wechatItems());
    expect(JSON.parse(JSON.stringify(tables))).toEqual(tables);
    expect(isFilingTables(JSON.parse(JSON.stringify(tables)))).toBe(true);
  });
});

describe('BUILT_IN_TABLES', () => {
  it('are today’s rows and the bundled tree, and serialize like data', () => {
    const copy = JSON.parse(JSON.stringify(BUILT_IN_TABLES)) as typeof BUILT_IN_TABLES;
    expect(isFilingTables(copy)).toBe(true);
    expect(copy.regions.county_list['110108']).toBe('海淀区');
    expect(lookupOf(copy).regionName('110108')).toBe(regionName('110108'));
    expect(lookupOf(BUILT_IN_TABLES).serviceTypeGroups()).toEqual(SERVICE_TYPE_GROUPS);
  });

  it('is not mistaken for a malformed value', () => {
    expect(isFilingTables(null)).toBe(false);
    expect(isFilingTables({ ...BUILT_IN_TABLES, regions: null })).toBe(false);
    expect(isFilingTables({ version: 'x' })).toBe(false);
  });
});
