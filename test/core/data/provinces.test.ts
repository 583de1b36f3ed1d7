import {
  NINGXIA,
  PROVINCE_ABBREVIATIONS,
  PROVINCE_RULES,
  isProvinceCode,
  provinceAbbreviation,
  provinceByAbbreviation,
  provinceRules,
} from '@beian/core';

describe('province rules', () => {
  it('cover the 31 mainland provinces of the region tree, each with its own abbreviation', () => {
    expect(PROVINCE_RULES).toHaveLength(31);
    for (const province of PROVINCE_RULES) expect(isProvinceCode(province.code)).toBe(true);
    expect(new Set(PROVINCE_ABBREVIATIONS).size).toBe(31);
  });

  it('map abbreviations both ways', () => {
    expect(provinceAbbreviation('440000')).toBe('粤');
    expect(provinceAbbreviation('110000')).toBe('京');
    expect(provinceByAbbreviation('沪')).toBe('310000');
    expect(provinceByAbbreviation('港')).toBe('');
    expect(provinceAbbreviation('810000')).toBe('');
  });

  it('ask 6 months of validity in 宁夏 and 3 elsewhere', () => {
    expect(provinceRules(NINGXIA)?.validityWarningMonths).toBe(6);
    expect(provinceRules('110000')?.validityWarningMonths).toBe(3);
  });

  it('mark the provinces that want the legal representative as principal, and 四川 for 个体工商户 only', () => {
    expect(provinceRules('440000')?.legalRepresentativeOnly).toBe(true);
    expect(provinceRules('320000')?.legalRepresentativeOnly).toBe(false);
    expect(provinceRules('510000')).toMatchObject({
      legalRepresentativeOnly: false,
      individualBusinessLegalRepresentativeOnly: true,
    });
  });
});
