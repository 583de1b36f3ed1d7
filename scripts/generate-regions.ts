/**
 * Regenerates core/src/data/regions.generated.ts from @vant/area-data: the mainland province / city /
 * district tree a filing may use. Overseas (900000), Taiwan (710000), Hong Kong (810000) and Macau
 * (820000) are left out: WeChat's district tree (`queryIcpDistrictCode`) has none of them.
 *
 * The module is packed as one string row per province (`<code><name>` entries separated by ','),
 * because an object literal of ~3,800 entries would triple its size in the mini-program's main
 * package; core/src/data/regions.ts unpacks it, once, into van-area's `area-list` shape.
 *
 * Run: npx tsx scripts/generate-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { areaList } from '@vant/area-data';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'core', 'src', 'data', 'regions.generated.ts');
const EXCLUDED_PROVINCES = new Set(['900000', '710000', '810000', '820000']);

function version(): string {
  const path = join(ROOT, 'node_modules', '@vant', 'area-data', 'package.json');
  const pkg: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

/** The unpacker tells the levels apart by the code alone; refuse data that would break that. */
function assertLevels(): void {
  for (const code of Object.keys(areaList.province_list)) {
    if (!/^\d{2}0000$/.test(code)) throw new Error(`province code ${code} does not end in 0000`);
  }
  for (const code of Object.keys(areaList.city_list)) {
    if (!/^\d{4}00$/.test(code) || code.endsWith('0000')) throw new Error(`city code ${code} is ambiguous`);
  }
  for (const code of Object.keys(areaList.county_list)) {
    if (!/^\d{6}$/.test(code) || code.endsWith('00')) throw new Error(`district code ${code} is ambiguous`);
  }
}

function rows(): string[] {
  const cities = Object.entries(areaList.city_list);
  const counties = Object.entries(areaList.county_list);
  return Object.entries(areaList.province_list)
    .filter(([code]) => !EXCLUDED_PROVINCES.has(code))
    .map(([provinceCode, provinceName]) => {
      const entries = [`${provinceCode}${provinceName}`];
      for (const [cityCode, cityName] of cities) {
        if (cityCode.slice(0, 2) !== provinceCode.slice(0, 2)) continue;
        entries.push(`${cityCode}${cityName}`);
        for (const [countyCode, countyName] of counties) {
          if (countyCode.slice(0, 4) === cityCode.slice(0, 4)) entries.push(`${countyCode}${countyName}`);
        }
      }
      for (const entry of entries) {
        if (entry.includes(',') || entry.includes("'")) throw new Error(`cannot pack ${entry}`);
      }
      return entries.join(',');
    });
}

function main(): void {
  assertLevels();
  const date = new Date().toISOString().slice(0, 10);
  const body = rows()
    .map((row) => `  '${row}',`)
    .join('\n');
  const text = `/**
 * 此文件由 scripts/generate-regions.ts 生成，请勿手动修改 (generated — do not edit).
 * Source: @vant/area-data ${version()} (npm), without 900000 海外, 710000 台湾, 810000 香港, 820000 澳门.
 * Generated: ${date}.
 * One row per province: '<code><name>' entries separated by ',', the province first, then each city
 * followed by its districts. Unpacked by ./regions.ts.
 */
export const REGION_ROWS: readonly string[] = [
${body}
];
`;
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${Buffer.byteLength(text)} bytes`);
}

main();
