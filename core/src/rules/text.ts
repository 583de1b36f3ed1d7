/**
 * Rules about free text: surrounding spaces, the display width of names, and addresses that repeat
 * the region the filer already picked (WeChat: send `高碑店路181号…`, not `北京市朝阳区高碑店路181号…`).
 */
import { PROVINCE_RULES } from '../data/provinces';
import { regionName } from '../data/regions';

/** Whether a value has no leading or trailing whitespace (full-width spaces included). */
export function isTrimmed(value: string): boolean {
  return value === value.trim();
}

/** Display width as account names count it: a Chinese (or other wide) character counts 2. */
export function nameUnits(value: string): number {
  let units = 0;
  for (const char of value) units += /[\u2e80-\uffff]/.test(char) && !/[\uff61-\uff9f]/.test(char) ? 2 : 1;
  return units;
}

/** `广东省` → `广东`, `广西壮族自治区` → `广西`, `北京市` → `北京`. */
export function shortProvinceName(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '');
}

interface ProvinceNames {
  code: string;
  name: string;
  short: string;
}

// Built on first use, so loading @beian/core does not unpack the region tree.
let provinceNames: readonly ProvinceNames[] | null = null;

function provinces(): readonly ProvinceNames[] {
  provinceNames ??= PROVINCE_RULES.map((province) => {
    const name = regionName(province.code);
    return { code: province.code, name, short: shortProvinceName(name) };
  });
  return provinceNames;
}

/**
 * The region name (full form, at least 2 characters) the text starts with, or ''. The codes are
 * named by the tables the check was given, whose tree may hold districts the built-in one lacks.
 */
export function leadingRegionName(
  text: string,
  codes: readonly string[],
  tables: { regionName(code: unknown): string } = { regionName },
): string {
  for (const code of codes) {
    const name = tables.regionName(code);
    if (name.length >= 2 && text.startsWith(name)) return name;
  }
  return '';
}

/**
 * The province a text (e.g. a printed 住所) starts with, by full or short name: `广东省深圳市…` and
 * `广东深圳…` both give 440000. '' when it starts with none.
 */
export function leadingProvince(text: string): string {
  for (const province of provinces()) {
    if (text.startsWith(province.name) || (province.short.length >= 2 && text.startsWith(province.short))) {
      return province.code;
    }
  }
  return '';
}

/** The short name of a province the text starts with (`广东…` in `广东深圳…`), for the softer check. */
export function leadingProvinceShortName(text: string, provinceCode: string): string {
  const province = provinces().find((p) => p.code === provinceCode);
  return province && province.short.length >= 2 && text.startsWith(province.short) ? province.short : '';
}
