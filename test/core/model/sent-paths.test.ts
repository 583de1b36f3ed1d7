/**
 * The path helpers the saver and the server's patches share (core/src/model/paths.ts): the key a
 * change is saved under, and what a sent path may be made of.
 */
import { isDottedPath, MAX_PATH_LENGTH, outsideLists } from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

describe('outsideLists', () => {
  eachAnswer('cuts a path before its first list index, in either notation', outsideLists, [
    ['miniprogram.preApprovals.1.code', 'miniprogram.preApprovals'],
    ['miniprogram.preApprovals[0].media', 'miniprogram.preApprovals'],
    ['materials.commitmentLetter.0', 'materials.commitmentLetter'],
    ['subject.principal.mobile', 'subject.principal.mobile'],
  ]);
});

describe('isDottedPath', () => {
  it.each(['subject.name', 'miniprogram.preApprovals.0.code', 'miniprogram.preApprovals.12'])(
    'takes keys and short indexes, dotted: %s',
    (path) => {
      expect(isDottedPath(path)).toBe(true);
    },
  );

  it.each([
    'miniprogram.preApprovals[0].code',
    'miniprogram.preApprovals.01',
    'miniprogram.preApprovals.1000',
    'subject..name',
    'subject.__proto__',
    '',
  ])('refuses other notations, leading zeros, long indexes and symbols: “%s”', (path) => {
    expect(isDottedPath(path)).toBe(false);
  });

  it('refuses over-long paths', () => {
    expect(isDottedPath(`subject.${'a'.repeat(40)}`)).toBe(true);
    expect(isDottedPath(Array.from({ length: 30 }, () => 'abcd').join('.'))).toBe(false);
    expect(MAX_PATH_LENGTH).toBe(120);
  });
});
