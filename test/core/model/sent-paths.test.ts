/**
 * The path helpers the saver and the server's patches share (core/src/model/paths.ts): the key a
 * change is saved under, and what a sent path may be made of.
 */
import { isDottedPath, MAX_PATH_LENGTH, outsideLists } from '@beian/core';

describe('outsideLists', () => {
  it('cuts a path before its first list index, in either notation', () => {
    expect(outsideLists('miniprogram.preApprovals.1.code')).toBe('miniprogram.preApprovals');
    expect(outsideLists('miniprogram.preApprovals[0].media')).toBe('miniprogram.preApprovals');
    expect(outsideLists('materials.commitmentLetter.0')).toBe('materials.commitmentLetter');
    expect(outsideLists('subject.principal.mobile')).toBe('subject.principal.mobile');
  });
});

describe('isDottedPath', () => {
  it('takes keys and short indexes, dotted', () => {
    expect(isDottedPath('subject.name')).toBe(true);
    expect(isDottedPath('miniprogram.preApprovals.0.code')).toBe(true);
    expect(isDottedPath('miniprogram.preApprovals.12')).toBe(true);
  });

  it('refuses other notations, leading zeros, long indexes, symbols and over-long paths', () => {
    expect(isDottedPath('miniprogram.preApprovals[0].code')).toBe(false);
    expect(isDottedPath('miniprogram.preApprovals.01')).toBe(false);
    expect(isDottedPath('miniprogram.preApprovals.1000')).toBe(false);
    expect(isDottedPath('subject..name')).toBe(false);
    expect(isDottedPath('subject.__proto__')).toBe(false);
    expect(isDottedPath('')).toBe(false);
    expect(isDottedPath(`subject.${'a'.repeat(40)}`)).toBe(true);
    expect(isDottedPath(Array.from({ length: 30 }, () => 'abcd').join('.'))).toBe(false);
    expect(MAX_PATH_LENGTH).toBe(120);
  });
});
