/**
 * Identity document numbers (docs/domain.md § Identity numbers). Each validator works alone (the admin
 * pages and the server use them) and returns a stable problem code the checks turn into a message.
 *
 * GB 11643 (公民身份号码): 6-digit address code + 8-digit birth date + 3-digit sequence + a check
 * character, ISO 7064 MOD 11-2. The 港澳台居民居住证 use the same structure with the address codes
 * 810000 / 820000 / 830000, and the new 外国人永久居留身份证 (from 2023-12-01) starts with 9.
 */
import { PROVINCE_RULES } from '../data/provinces';
import { compactToIsoDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const MAINLAND_PREFIXES = new Set(PROVINCE_RULES.map((province) => province.code.slice(0, 2)));

/** The MOD 11-2 check character of 17 digits. */
export function mod112CheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

export type IdNumberProblem =
  | 'id.legacy_15'
  | 'id.length'
  | 'id.format'
  | 'id.region'
  | 'id.birth_date'
  | 'id.birth_future'
  | 'id.checksum';

/** Which GB 11643-structured document a number belongs to: each fixes its address code. */
export type Gb11643Document = 'resident' | 'hkMacauResidence' | 'taiwanResidence' | 'foreignPermanent';

function regionFits(value: string, document: Gb11643Document): boolean {
  const prefix = value.slice(0, 6);
  switch (document) {
    case 'resident':
      return MAINLAND_PREFIXES.has(value.slice(0, 2));
    case 'hkMacauResidence':
      return prefix === '810000' || prefix === '820000';
    case 'taiwanResidence':
      return prefix === '830000';
    case 'foreignPermanent':
      return value.startsWith('9');
  }
}

/**
 * What is wrong with an 18-character GB 11643 number, or null when it is valid. `today`
 * (`YYYY-MM-DD`), when given, refuses birth dates after it.
 */
export function gb11643Problem(
  value: string,
  document: Gb11643Document = 'resident',
  today?: string,
): IdNumberProblem | null {
  if (document === 'resident' && /^\d{15}$/.test(value)) return 'id.legacy_15';
  if (value.length !== 18) return 'id.length';
  if (!/^\d{17}[\dX]$/.test(value)) return 'id.format';
  if (!regionFits(value, document)) return 'id.region';
  const birth = compactToIsoDate(value.slice(6, 14));
  if (birth === '') return 'id.birth_date';
  if (today !== undefined && birth > today) return 'id.birth_future';
  if (mod112CheckCharacter(value) !== value.charAt(17)) return 'id.checksum';
  return null;
}

/** 居民身份证号码 (18 characters, mainland address code). */
export function isResidentId(value: unknown, today?: string): boolean {
  return typeof value === 'string' && gb11643Problem(value, 'resident', today) === null;
}

/** 港澳居民居住证 (810000 / 820000) or 台湾居民居住证 (830000) number. */
export function isResidencePermitNumber(
  value: unknown,
  holder: 'hkMacau' | 'taiwan',
  today?: string,
): boolean {
  const document = holder === 'hkMacau' ? 'hkMacauResidence' : 'taiwanResidence';
  return typeof value === 'string' && gb11643Problem(value, document, today) === null;
}

/** 外国人永久居留身份证: the 2023 style (18 characters, starts with 9, MOD 11-2) or the old 3 letters + 12 digits. */
export function isForeignPermanentResidentId(value: unknown, today?: string): boolean {
  if (typeof value !== 'string') return false;
  return /^[A-Z]{3}\d{12}$/.test(value) || gb11643Problem(value, 'foreignPermanent', today) === null;
}

/** 港澳居民来往内地通行证: H or M, 8 digits, optionally the 2-digit renewal count. */
export function isHkMacauPermit(value: unknown): boolean {
  return typeof value === 'string' && /^[HM]\d{8}(\d{2})?$/.test(value);
}

/** Passports and 台湾居民来往大陆通行证: no authoritative format, so letters and digits only. */
export function isLooseDocumentNumber(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Z0-9]{1,20}$/.test(value);
}

function mask(chars: readonly string[], head: number, tail: number): string {
  const n = chars.length;
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/**
 * An ID number for lists and logs: `110105********1239` for 18 characters (the region code and the
 * last 4, as banks and MIIT show them); another number keeps at most a quarter at each end, and
 * anything not a string masks to ''.
 */
export function maskIdNumber(value: unknown): string {
  if (typeof value !== 'string') return '';
  const chars = Array.from(value.trim());
  if (chars.length === 18) return mask(chars, 6, 4);
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return mask(chars, keep, keep);
}

/** A mobile for lists: `138****8000`; anything else is masked like an ID number. */
export function maskMobile(value: unknown): string {
  if (typeof value !== 'string') return '';
  const chars = Array.from(value.trim());
  return chars.length === 11 ? mask(chars, 3, 4) : maskIdNumber(value);
}
