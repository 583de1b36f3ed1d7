import fc from 'fast-check';
import {
  isOrganizationCode,
  isUscc,
  usccCheckCharacter,
  usccFitsSubjectType,
  usccProblem,
} from '@beian/core';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const char = fc.constantFrom(...ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const validUscc = fc
  .tuple(
    fc.array(char, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(char, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, body]) => {
    const first17 = [...head, ...region, ...body].join('');
    return first17 + usccCheckCharacter(first17);
  });

describe('unified social credit code (GB 32100)', () => {
  it('accepts the published examples', () => {
    expect(isUscc('91110108551385082Q')).toBe(true);
    expect(isUscc('91110000600037341L')).toBe(true);
  });

  it('accepts codes registered by A, N and Y authorities, which digit-only validators refuse', () => {
    for (const head of ['A1', 'N2', 'Y1']) {
      const first17 = `${head}110000MA0000001`;
      expect(isUscc(first17 + usccCheckCharacter(first17))).toBe(true);
    }
  });

  it('names what is wrong', () => {
    expect(usccProblem('91110108551385082')).toBe('uscc.length');
    expect(usccProblem('91110108551385O82Q')).toBe('uscc.format');
    expect(usccProblem('911101085513850I2Q')).toBe('uscc.format');
    expect(usccProblem('91A10108551385082Q')).toBe('uscc.format');
    expect(usccProblem('91110108551385082R')).toBe('uscc.checksum');
    expect(usccProblem('91110108551385082q')).toBe('uscc.format');
  });

  it('accepts every generated valid code', () => {
    fc.assert(
      fc.property(validUscc, (code) => isUscc(code)),
      { numRuns: 2000 },
    );
  });

  it('refuses every single-character change', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), char, (code, position, replacement) => {
        fc.pre(code.charAt(position) !== replacement);
        expect(isUscc(code.slice(0, position) + replacement + code.slice(position + 1))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('knows which registration digits fit which subject type', () => {
    expect(usccFitsSubjectType('91110108551385082Q', 4)).toBe(true);
    expect(usccFitsSubjectType('92110108551385082Q', 4)).toBe(true);
    expect(usccFitsSubjectType('51110108551385082Q', 4)).toBe(false);
    expect(usccFitsSubjectType('11110108551385082Q', 2)).toBe(true);
    expect(usccFitsSubjectType('91110108551385082Q', 6)).toBe(false);
    expect(usccFitsSubjectType('Y1110108551385082Q', 19)).toBe(true);
  });
});

describe('organisation code (GB 11714)', () => {
  it('accepts the code inside a valid USCC, with or without the dash', () => {
    expect(isOrganizationCode('55138508-2')).toBe(true);
    expect(isOrganizationCode('551385082')).toBe(true);
    expect(isOrganizationCode('551385083')).toBe(false);
    expect(isOrganizationCode('5513850')).toBe(false);
  });
});
