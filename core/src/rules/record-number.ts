/**
 * 备案号 of a mini-program, as admins enter it when the 通管局 approves (docs/domain.md § Record numbers):
 * - `粤ICP备12345678号-1X`: province abbreviation, ICP备, the subject number (8 digits, or 10 with
 *   a 4-digit year, as real numbers show), 号, then `-<n>` and a suffix letter;
 * - `粤B2-20090059-1626X`: an ICP licence holder's licence number as the prefix (B1 or B2).
 * The suffix letter has no MIIT definition: X is what mini-programs get, so another letter is only
 * a warning, and a missing one an error.
 */
import type { CheckResult } from '../result';
import { PROVINCE_ABBREVIATIONS, provinceByAbbreviation } from '../data/provinces';

const PATTERN = new RegExp(
  `^([${PROVINCE_ABBREVIATIONS}])(?:ICP备(?:\\d{8}|\\d{10})号|B[12]-\\d{8})-([1-9]\\d{0,4})([A-Z])?$`,
);

export function isRecordNumber(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  return match?.[3] !== undefined;
}

/** The province code a record number was issued in ('' when it is not a record number). */
export function recordNumberProvince(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = PATTERN.exec(value);
  return match?.[1] ? provinceByAbbreviation(match[1]) : '';
}

/** The checks of an entered record number, at path `recordNumber`. */
export function checkRecordNumber(value: unknown): CheckResult {
  const path = 'recordNumber';
  const result: CheckResult = { errors: [], warnings: [] };
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    result.errors.push({ path, code: 'required', message: '请填写备案号' });
    return result;
  }
  const match = PATTERN.exec(trimmed);
  if (!match) {
    result.errors.push({
      path,
      code: 'record_number.format',
      message:
        '备案号格式不正确，应形如“粤ICP备12345678号-1X”或“粤B2-20090059-1626X”，请按工信部备案系统显示的原样填写',
    });
  } else if (match[3] === undefined) {
    result.errors.push({
      path,
      code: 'record_number.suffix_missing',
      message: '小程序备案号以服务序号加字母结尾（如“-1X”），请补全',
    });
  } else if (match[3] !== 'X') {
    result.warnings.push({
      path,
      code: 'record_number.suffix',
      message: `小程序备案号通常以“X”结尾，当前为“${match[3]}”，请核对是否填成了网站或 App 的备案号`,
    });
  }
  return result;
}
