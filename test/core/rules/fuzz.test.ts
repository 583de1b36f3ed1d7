/**
 * No input makes a check throw: arbitrary values, arbitrary JSON, and valid forms with one path
 * replaced by arbitrary JSON. Whatever comes back is a well-formed CheckResult.
 */
import fc from 'fast-check';
import {
  FIELD_SPECS,
  check,
  checkField,
  checkSection,
  type CheckResult,
  type CheckTarget,
} from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

const wellFormed = (result: CheckResult) => {
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(typeof issue.path).toBe('string');
    expect(issue.code).toMatch(/^[a-z_0-9]+(\.[a-z_0-9]+)?$/);
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  }
};

const run = (value: unknown, options: unknown = { today: '2026-11-28' }) =>
  check(value as CheckTarget, options as { today: string });

describe('check never throws', () => {
  it('on arbitrary values as target and options', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
        fc.anything(),
        (target, options) => {
          wellFormed(run(target, options));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary JSON in place of the form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('new', 'change', 'cancel'),
        fc.jsonValue(),
        fc.constantFrom('subject', 'miniprogram', 'access', null),
        (kind, form, scope) => {
          wellFormed(run({ kind, cancelScope: scope, form }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on a valid form with one path replaced by arbitrary JSON', () => {
    const paths = Object.keys(FIELD_SPECS).map((path) => path.replace('[]', '.0'));
    const blocks = [
      'subject',
      'subject.region',
      'subject.principal',
      'subject.principal.certificate',
      'miniprogram',
      'miniprogram.preApprovals',
      'miniprogram.principal.faceVerification',
      'materials',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths, ...blocks),
        fc.jsonValue(),
        fc.boolean(),
        (path, value, personal) => {
          const form = (personal ? personalForm() : enterpriseForm()) as unknown as Record<string, unknown>;
          const keys = path.split('.');
          let node: Record<string, unknown> = form;
          for (const key of keys.slice(0, -1)) {
            const next = node[key];
            if (typeof next !== 'object' || next === null) return;
            node = next as Record<string, unknown>;
          }
          node[keys[keys.length - 1] ?? ''] = value;
          const target = { kind: 'new', cancelScope: null, form } as unknown as CheckTarget;
          const result = run(target);
          wellFormed(result);
          wellFormed(checkSection(target, 'subject', { today: '2026-11-28' }));
          wellFormed(checkField(target, path, { today: '2026-11-28' }));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
