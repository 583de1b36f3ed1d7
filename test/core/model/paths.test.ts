import {
  concretePaths,
  expandPattern,
  isWithinPath,
  pathPattern,
  readPath,
  setDataPath,
  writePath,
} from '@beian/core';

const form = () => ({
  subject: { name: '甲公司', principal: { mobile: '13800138000' } },
  miniprogram: {
    preApprovals: [
      { type: 1, code: '京-1号' },
      { type: 9, code: '京-2号' },
    ],
  },
});

describe('form paths', () => {
  it('reads either notation, and only what the form holds', () => {
    expect(readPath(form(), 'miniprogram.preApprovals[1].code')).toBe('京-2号');
    expect(readPath(form(), 'miniprogram.preApprovals.0.type')).toBe(1);
    expect(readPath(form(), 'subject.nothing.here')).toBeUndefined();
    expect(readPath(form(), 'subject.constructor')).toBeUndefined();
    expect(readPath(form(), '__proto__')).toBeUndefined();
  });

  it('writes values but never adds keys; a list grows by one item at its end', () => {
    const target = form();
    expect(writePath(target, 'subject.name', '乙公司')).toBeNull();
    expect(target.subject.name).toBe('乙公司');
    expect(writePath(target, 'miniprogram.preApprovals.2', { type: 24, code: '' })).toBeNull();
    expect(target.miniprogram.preApprovals).toHaveLength(3);
    expect(writePath(target, 'miniprogram.preApprovals.5', {})).toBe('no_item');
    expect(writePath(target, 'miniprogram.preApprovals.first', {})).toBe('no_item');
    expect(writePath(target, 'subject.extra', 'x')).toBe('missing');
    expect(writePath(target, '__proto__.polluted', 'x')).toBe('missing');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('expands a spec pattern into one concrete path per list item', () => {
    expect(expandPattern(form(), 'miniprogram.preApprovals[].code')).toEqual([
      ['miniprogram.preApprovals.0.code', '京-1号'],
      ['miniprogram.preApprovals.1.code', '京-2号'],
    ]);
    expect(
      concretePaths({ miniprogram: { preApprovals: [] } }, 'miniprogram.preApprovals[].code', true),
    ).toEqual(['miniprogram.preApprovals.0.code']);
    expect(concretePaths(form(), 'subject.name')).toEqual(['subject.name']);
    expect(pathPattern('miniprogram.preApprovals.1.code')).toBe('miniprogram.preApprovals[].code');
  });

  it('says what lies within what, and writes setData notation', () => {
    expect(isWithinPath('subject.principal.mobile', 'subject')).toBe(true);
    expect(isWithinPath('subjectX', 'subject')).toBe(false);
    expect(setDataPath('form', 'miniprogram.preApprovals.0.code')).toBe(
      'form.miniprogram.preApprovals[0].code',
    );
  });
});
