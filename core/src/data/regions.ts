/**
 * The mainland province / city / district tree (6-digit codes) a filing may use: one copy, unpacked
 * lazily from regions.generated.ts into van-area's `area-list` shape, and used by the checks.
 *
 * WeChat's own tree (`queryIcpDistrictCode`) is the authority and differs in places (e.g.
 * development zones): the server fetches it daily into FilingTables (./tables.ts), and this
 * built-in tree (from @vant/area-data) is only the offline default. `areaList()` is the one way in
 * to the built-in tree, so it can later be loaded from elsewhere (a subpackage) without touching
 * its callers.
 */
import { REGION_ROWS } from './regions.generated';

/** What `van-area`'s `area-list` property takes. Keys are van-area's own. */
export interface AreaList {
  province_list: Readonly<Record<string, string>>;
  city_list: Readonly<Record<string, string>>;
  county_list: Readonly<Record<string, string>>;
}

let unpacked: AreaList | null = null;

function unpack(): AreaList {
  const provinces: Record<string, string> = {};
  const cities: Record<string, string> = {};
  const counties: Record<string, string> = {};
  for (const row of REGION_ROWS) {
    for (const entry of row.split(',')) {
      const code = entry.slice(0, 6);
      const name = entry.slice(6);
      if (code.endsWith('0000')) provinces[code] = name;
      else if (code.endsWith('00')) cities[code] = name;
      else counties[code] = name;
    }
  }
  return {
    province_list: Object.freeze(provinces),
    city_list: Object.freeze(cities),
    county_list: Object.freeze(counties),
  };
}

/** The region tree for `<van-area area-list="{{areaList}}">`; built on first use, then shared. */
export function areaList(): AreaList {
  unpacked ??= unpack();
  return unpacked;
}

function own(map: Readonly<Record<string, string>>, code: unknown): string | undefined {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(map, code) ? map[code] : undefined;
}

/**
 * The region questions over any tree in this shape (the built-in one, or WeChat's through
 * FilingTables): levels relate by code prefix, as in GB/T 2260 and as van-area groups them.
 */
export const regionsIn = {
  isProvinceCode: (list: AreaList, code: unknown): code is string =>
    own(list.province_list, code) !== undefined,
  isCityCode: (list: AreaList, code: unknown): code is string => own(list.city_list, code) !== undefined,
  isDistrictCode: (list: AreaList, code: unknown): code is string =>
    own(list.county_list, code) !== undefined,
  name: (list: AreaList, code: unknown): string =>
    own(list.county_list, code) ?? own(list.city_list, code) ?? own(list.province_list, code) ?? '',
  provinceOf(list: AreaList, code: unknown): string {
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return '';
    const province = `${code.slice(0, 2)}0000`;
    return own(list.province_list, province) === undefined ? '' : province;
  },
  cityOf(list: AreaList, code: unknown): string {
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return '';
    const city = `${code.slice(0, 4)}00`;
    return own(list.city_list, city) === undefined ? '' : city;
  },
  label(list: AreaList, region: { province: string; city: string; district: string }): string {
    return [region.province, region.city, region.district]
      .map((code) => regionsIn.name(list, code))
      .filter((name) => name !== '')
      .join(' ');
  },
};

export function isProvinceCode(code: unknown): code is string {
  return regionsIn.isProvinceCode(areaList(), code);
}

export function isCityCode(code: unknown): code is string {
  return regionsIn.isCityCode(areaList(), code);
}

export function isDistrictCode(code: unknown): code is string {
  return regionsIn.isDistrictCode(areaList(), code);
}

/** The name of a province, city or district code ('' for an unknown code). */
export function regionName(code: unknown): string {
  return regionsIn.name(areaList(), code);
}

/** The province a city or district code lies in ('' when that province is not in the tree). */
export function provinceOf(code: unknown): string {
  return regionsIn.provinceOf(areaList(), code);
}

/** The city a district code lies in ('' when unknown). */
export function cityOf(code: unknown): string {
  return regionsIn.cityOf(areaList(), code);
}

/** `北京市 北京市 朝阳区` for display; unknown codes are left out. */
export function regionLabel(region: { province: string; city: string; district: string }): string {
  return regionsIn.label(areaList(), region);
}
