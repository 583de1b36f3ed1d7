import { checkRecordNumber, isRecordNumber, recordNumberProvince } from '@beian/core';
import { eachAnswer } from '../../helpers/each-answer';

/** Mini-program record numbers as issued: ICP numbers of 8 or 10 digits, and licence prefixes. */
const ISSUED = ['粤ICP备12345678号-1X', '京ICP备2026059598号-1X', '粤B2-20090059-1626X', '沪B1-20180001-3X'];

describe('record number', () => {
  it('accepts mini-program numbers with 8 or 10 digits and licence prefixes', () => {
    for (const value of ISSUED) {
      expect(isRecordNumber(value)).toBe(true);
      expect(checkRecordNumber(value)).toEqual({ errors: [], warnings: [] });
    }
  });

  eachAnswer('refuses what is not a mini-program record number', isRecordNumber, [
    ['粤ICP备12345678号', false],
    ['港ICP备12345678号-1X', false],
    ['粤ICP备1234567号-1X', false],
    ['粤ICP备12345678-1X', false],
    ['ICP备12345678号-1X', false],
    ['粤ICP备12345678号-0X', false],
    ['', false],
  ]);

  it('explains each problem at recordNumber', () => {
    expect(checkRecordNumber('').errors[0]).toMatchObject({ path: 'recordNumber', code: 'required' });
    expect(checkRecordNumber('粤ICP备123号-1X').errors[0]?.code).toBe('record_number.format');
    expect(checkRecordNumber('粤ICP备12345678号-1').errors[0]?.code).toBe('record_number.suffix_missing');
    expect(checkRecordNumber(42).errors[0]?.code).toBe('required');
  });

  it('only warns about a suffix letter other than X (App numbers end in A)', () => {
    const result = checkRecordNumber('粤ICP备12345678号-1A');
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toMatchObject({ code: 'record_number.suffix' });
    expect(result.warnings[0]?.message).toMatch(/X/);
  });

  it('tells the province it was issued in', () => {
    expect(recordNumberProvince('粤ICP备12345678号-1X')).toBe('440000');
    expect(recordNumberProvince('京B2-20090059-1X')).toBe('110000');
    expect(recordNumberProvince('not a number')).toBe('');
  });
});
