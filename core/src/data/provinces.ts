/**
 * Per-province facts of a filing (docs/domain.md § Provinces): the abbreviation that starts a record
 * number, whether the province's 通管局 insists that the subject principal is the legal
 * representative, and how long a certificate must stay valid.
 *
 * Source of the legal-representative list: Douyin's filing norms (not confirmed for WeChat; the
 * issue asks for an error there). Validity: WeChat's materials page (3 months, 宁夏 6 months).
 */

export interface ProvinceRules {
  /** 6-digit province code. */
  code: string;
  /** 简称, as in `粤ICP备…`. */
  abbreviation: string;
  /** The subject principal must be the legal representative (government bodies and public institutions exempt). */
  legalRepresentativeOnly: boolean;
  /** 四川: a 个体工商户 must be represented by its operator even though others may authorise. */
  individualBusinessLegalRepresentativeOnly: boolean;
  /** Months a certificate must stay valid after submission before the reviewer considers it safe. */
  validityWarningMonths: number;
}

// [code, abbreviation, legal representative only]
const ROWS: readonly (readonly [string, string, boolean])[] = [
  ['110000', '京', false],
  ['120000', '津', true],
  ['130000', '冀', true],
  ['140000', '晋', true],
  ['150000', '蒙', true],
  ['210000', '辽', false],
  ['220000', '吉', false],
  ['230000', '黑', true],
  ['310000', '沪', true],
  ['320000', '苏', false],
  ['330000', '浙', true],
  ['340000', '皖', false],
  ['350000', '闽', true],
  ['360000', '赣', true],
  ['370000', '鲁', true],
  ['410000', '豫', true],
  ['420000', '鄂', true],
  ['430000', '湘', true],
  ['440000', '粤', true],
  ['450000', '桂', true],
  ['460000', '琼', false],
  ['500000', '渝', true],
  ['510000', '川', false],
  ['520000', '贵', true],
  ['530000', '云', true],
  ['540000', '藏', true],
  ['610000', '陕', true],
  ['620000', '甘', false],
  ['630000', '青', false],
  ['640000', '宁', true],
  ['650000', '新', true],
];

const SICHUAN = '510000';
export const NINGXIA = '640000';

export const PROVINCE_RULES: readonly ProvinceRules[] = ROWS.map(([code, abbreviation, strict]) => ({
  code,
  abbreviation,
  legalRepresentativeOnly: strict,
  individualBusinessLegalRepresentativeOnly: strict || code === SICHUAN,
  validityWarningMonths: code === NINGXIA ? 6 : 3,
}));

const byCode = new Map(PROVINCE_RULES.map((rules) => [rules.code, rules]));
const byAbbreviation = new Map(PROVINCE_RULES.map((rules) => [rules.abbreviation, rules]));

/** The rules of a province code, or undefined for anything else. */
export function provinceRules(code: unknown): ProvinceRules | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined;
}

/** `粤` for 440000; '' for an unknown code. */
export function provinceAbbreviation(code: unknown): string {
  return provinceRules(code)?.abbreviation ?? '';
}

/** 440000 for `粤`; '' for anything else. */
export function provinceByAbbreviation(abbreviation: string): string {
  return byAbbreviation.get(abbreviation)?.code ?? '';
}

/** All 31 abbreviations, for patterns (`京津冀…`). */
export const PROVINCE_ABBREVIATIONS = PROVINCE_RULES.map((rules) => rules.abbreviation).join('');
