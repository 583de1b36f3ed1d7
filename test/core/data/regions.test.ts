import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaList as vantAreaList } from '@vant/area-data';
import {
  areaList,
  cityOf,
  isCityCode,
  isDistrictCode,
  isProvinceCode,
  provinceOf,
  regionLabel,
  regionName,
} from '@beian/core';

const EXCLUDED = ['900000', '710000', '810000', '820000'];

describe('the region tree', () => {
  it('is @vant/area-data without overseas, Taiwan, Hong Kong and Macau, code for code', () => {
    const keep = (code: string) => !EXCLUDED.some((province) => province.slice(0, 2) === code.slice(0, 2));
    const filter = (list: Record<string, string>) =>
      Object.fromEntries(Object.entries(list).filter(([code]) => keep(code)));
    const list = areaList();
    expect(list.province_list).toEqual(filter(vantAreaList.province_list));
    expect(list.city_list).toEqual(filter(vantAreaList.city_list));
    expect(list.county_list).toEqual(filter(vantAreaList.county_list));
    expect(Object.keys(list.province_list)).toHaveLength(31);
  });

  it('is one shared object in van-area shape, frozen so no page can change it for the others', () => {
    expect(areaList()).toBe(areaList());
    expect(Object.isFrozen(areaList().county_list)).toBe(true);
  });

  it('names codes and finds their province and city', () => {
    expect(regionName('110105')).toBe('朝阳区');
    expect(regionName('110100')).toBe('北京市');
    expect(regionName('440000')).toBe('广东省');
    expect(regionName('810000')).toBe('');
    expect(regionName(110105)).toBe('');
    expect(provinceOf('440305')).toBe('440000');
    expect(cityOf('440305')).toBe('440300');
    expect(provinceOf('820001')).toBe('');
    expect(regionLabel({ province: '110000', city: '110100', district: '110105' })).toBe(
      '北京市 北京市 朝阳区',
    );
  });

  it('tells the levels apart', () => {
    expect(isProvinceCode('110000')).toBe(true);
    expect(isCityCode('110000')).toBe(false);
    expect(isDistrictCode('110105')).toBe(true);
    expect(isDistrictCode('710100')).toBe(false);
  });

  it('is generated, with its source and date in the header', () => {
    const text = readFileSync(join(__dirname, '../../../core/src/data/regions.generated.ts'), 'utf8');
    expect(text).toMatch(/generated — do not edit/);
    expect(text).toMatch(/Source: @vant\/area-data \d+\.\d+\.\d+/);
    expect(text).toMatch(/Generated: \d{4}-\d{2}-\d{2}/);
  });
});
