/**
 * 统一社会信用代码 (GB 32100-2015) and the older 组织机构代码 (GB 11714) it embeds
 * (docs/domain.md § Identity numbers).
 *
 * A USCC is 18 characters from 0-9 and A-Z without I O S V Z: registration authority (1), category
 * (1), administrative code (6 digits), organisation code (9), check character. The authority may
 * be a letter — A 中央军委改革和编制办公室, N 农业, Y 其他 — which validators that demand eight
 * leading digits wrongly refuse.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccProblem = 'uscc.length' | 'uscc.format' | 'uscc.checksum';

/** The check character of the first 17 characters (which must be from the USCC alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function usccProblem(value: string): UsccProblem | null {
  if (value.length !== 18) return 'uscc.length';
  if (!SHAPE.test(value)) return 'uscc.format';
  return usccCheckCharacter(value) === value.charAt(17) ? null : 'uscc.checksum';
}

export function isUscc(value: unknown): boolean {
  return typeof value === 'string' && usccProblem(value) === null;
}

/** 组织机构代码: 8 characters and a check character (0-9 or X), with or without the dash. */
export function isOrganizationCode(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^([0-9A-Z]{8})-?([0-9X])$/.exec(value);
  if (!match?.[1]) return false;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(match[1].charAt(i), 36) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 'X' : check === 11 ? '0' : String(check);
  return expected === match[2];
}

/**
 * The registration authority and category (first two characters) a subject type normally carries:
 * 企业 are registered by 市场监管 (9x), 机关 11, 事业单位 12, 社会团体 51, 民办非企业单位 52,
 * 基金会 53, 律师事务所 31. Other subject types have no single expected prefix.
 */
const EXPECTED_PREFIX: ReadonlyMap<number, RegExp> = new Map([
  [2, /^11/],
  [3, /^12/],
  [4, /^9[1-3]/],
  [6, /^51/],
  [9, /^52/],
  [10, /^53/],
  [11, /^31/],
]);

/** Whether a valid USCC's registration digits fit the subject type (true when there is no expectation). */
export function usccFitsSubjectType(uscc: string, subjectType: number): boolean {
  const expected = EXPECTED_PREFIX.get(subjectType);
  return expected === undefined || expected.test(uscc);
}

/** 个体工商户 (category 92): in 四川 its operator must be the principal. */
export function isIndividualBusinessUscc(uscc: string): boolean {
  return uscc.startsWith('92');
}

/** The 2-digit province part of the administrative code, e.g. '11' (北京) for 91110108…. */
export function usccProvincePrefix(uscc: string): string {
  return uscc.slice(2, 4);
}
