import fc from 'fast-check';
import {
  PROVINCE_RULES,
  gb11643Problem,
  isForeignPermanentResidentId,
  isHkMacauPermit,
  isLooseDocumentNumber,
  isResidencePermitNumber,
  isResidentId,
  maskIdNumber,
  maskMobile,
  mod112CheckCharacter,
} from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

/** 17 digits: a mainland province, 4 more address digits, a real birth date, a sequence. */
const first17 = fc
  .record({
    province: fc.constantFrom(...PROVINCE_RULES.map((p) => p.code.slice(0, 2))),
    area: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2024-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, area, birth, sequence }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    return `${province}${String(area).padStart(4, '0')}${date}${String(sequence).padStart(3, '0')}`;
  });
const validId = first17.map((digits) => digits + mod112CheckCharacter(digits));

describe('resident ID (GB 11643)', () => {
  it('accepts the published examples', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('440524188001010014')).toBe(true);
  });

  eachAnswer('names what is wrong', gb11643Problem, [
    ['110105491231002', 'id.legacy_15'],
    ['1101051949123100', 'id.length'],
    ['11010519491231002Y', 'id.format'],
    ['1101051949123100X2', 'id.format'],
    ['81010519491231002X', 'id.region'],
    ['110105194902300023', 'id.birth_date'],
    ['110105194912310021', 'id.checksum'],
  ]);

  it('names a birth date after the day it is checked on', () => {
    expect(gb11643Problem('110105203001010013', 'resident', '2026-11-28')).toBe('id.birth_future');
  });

  it('refuses a lower-case x (the form upper-cases it on save)', () => {
    expect(isResidentId('11010519491231002x')).toBe(false);
  });

  it('accepts every generated valid number', () => {
    fc.assert(
      fc.property(validId, (id) => isResidentId(id, '2026-11-28')),
      { numRuns: 2000 },
    );
  });

  it('refuses every single-character change', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'), (id, position, char) => {
        fc.pre(id.charAt(position) !== char);
        const changed = id.slice(0, position) + char + id.slice(position + 1);
        expect(isResidentId(changed)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('residence permits and the foreign permanent-residence card', () => {
  const withCheck = (digits: string) => digits + mod112CheckCharacter(digits);

  it('ties 港澳居民居住证 to 810000/820000 and 台湾居民居住证 to 830000', () => {
    const hk = withCheck('81000019900101001');
    const macau = withCheck('82000019900101001');
    const taiwan = withCheck('83000019900101001');
    expect(isResidencePermitNumber(hk, 'hkMacau')).toBe(true);
    expect(isResidencePermitNumber(macau, 'hkMacau')).toBe(true);
    expect(isResidencePermitNumber(taiwan, 'taiwan')).toBe(true);
    expect(isResidencePermitNumber(taiwan, 'hkMacau')).toBe(false);
    expect(isResidentId(hk)).toBe(false);
    expect(gb11643Problem(withCheck('11010519900101001'), 'taiwanResidence')).toBe('id.region');
  });

  it('accepts the 2023 foreign card (starts with 9, same check) and the old 15-character one', () => {
    const card = withCheck('93115619900101001');
    expect(isForeignPermanentResidentId(card)).toBe(true);
    expect(isForeignPermanentResidentId(card.slice(0, 17) + (card.endsWith('1') ? '2' : '1'))).toBe(false);
    expect(isForeignPermanentResidentId(withCheck('13115619900101001'))).toBe(false);
    expect(isForeignPermanentResidentId('USA110090010108')).toBe(true);
    expect(isForeignPermanentResidentId('US1100900101089')).toBe(false);
  });
});

describe('other documents', () => {
  eachAnswer('港澳通行证: H or M, 8 digits, optional 2-digit renewal count', isHkMacauPermit, [
    ['H12345678', true],
    ['M1234567801', true],
    ['H1234567', false],
    ['H123456780', false],
    ['C12345678', false],
  ]);

  eachAnswer('passports and 台胞证: letters and digits only', isLooseDocumentNumber, [
    ['E12345678', true],
    ['12345678', true],
    ['', false],
    ['E1234 5678', false],
    ['护照123', false],
  ]);
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last 4 of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks a mobile as 138****8000', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskMobile('+1 555')).toBe('+****5');
    expect(maskMobile(undefined)).toBe('');
  });

  eachAnswer('keeps less of shorter numbers and never reveals a tiny one', maskIdNumber, [
    ['E12345678', 'E1*****78'],
    ['AB', '**'],
    ['', ''],
    [null, ''],
  ]);

  it('always keeps the length, hides at least half and reveals at most 8 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }), (value) => {
        const masked = maskIdNumber(value);
        const length = Array.from(value.trim()).length;
        const revealed = Array.from(masked).filter((c) => c !== '*').length;
        expect(masked).toHaveLength(length);
        expect(revealed).toBeLessThanOrEqual(Math.min(8, length / 2));
      }),
      { numRuns: 1000 },
    );
  });
});
