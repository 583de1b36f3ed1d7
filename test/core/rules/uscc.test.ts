import fc from 'fast-check';
import {
  isOrganizationCode,
  isUscc,
  usccCheckCharacter,
  usccFitsSubjectType,
  usccProblem,
} from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

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

  eachAnswer('names what is wrong', usccProblem, [
    ['91110108551385082', 'uscc.length'],
    ['91110108551385O82Q', 'uscc.format'],
    ['911101085513850I2Q', 'uscc.format'],
    ['91A10108551385082Q', 'uscc.format'],
    ['91110108551385082R', 'uscc.checksum'],
    ['91110108551385082q', 'uscc.format'],
  ]);

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

  it.each([
    ['91110108551385082Q', 4, true],
    ['92110108551385082Q', 4, true],
    ['51110108551385082Q', 4, false],
    ['11110108551385082Q', 2, true],
    ['91110108551385082Q', 6, false],
    ['Y1110108551385082Q', 19, true],
  ])('knows which registration digits fit which subject type: %s for type %p is %p', (code, type, fits) => {
    expect(usccFitsSubjectType(code, type)).toBe(fits);
  });
});

describe('organisation code (GB 11714)', () => {
  eachAnswer('accepts the code inside a valid USCC, with or without the dash', isOrganizationCode, [
    ['55138508-2', true],
    ['551385082', true],
    ['551385083', false],
    ['5513850', false],
  ]);
});
