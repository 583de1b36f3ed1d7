/** Starting an application: a new filing, or a change/cancellation of one's own filed record. */
import { emptyForm, startApplication, type Application, type StartRequest } from '@beian/core';
import { beijing, filedRecord, inState, OWNER, RECORD_NUMBER } from './build';

const now = beijing('2026-12-10T09:00:00');
const request = (overrides: Partial<StartRequest>): StartRequest => ({
  id: 'app-9',
  owner: OWNER,
  kind: 'new',
  cancelScope: null,
  base: null,
  now,
  ...overrides,
});

function started(overrides: Partial<StartRequest>): Application {
  const result = startApplication(request(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.application;
}

describe('startApplication', () => {
  it('starts a new filing as an empty draft at version 1 with one open timeline entry', () => {
    const application = started({});
    expect(application).toMatchObject({
      id: 'app-9',
      owner: OWNER,
      kind: 'new',
      state: 'draft',
      version: 1,
      baseId: null,
      recordNumber: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      submittedAt: null,
      due: null,
      sms: null,
      reasons: [],
      timeline: [{ state: 'draft', startedAt: now.toISOString(), endedAt: null }],
    });
    expect(application.form).toEqual(emptyForm());
  });

  it('starts a change from a copy of the record’s data, carrying its number', () => {
    const record = filedRecord();
    const change = started({ kind: 'change', base: record });
    expect(change).toMatchObject({
      kind: 'change',
      baseId: record.id,
      recordNumber: RECORD_NUMBER,
      state: 'draft',
    });
    expect(change.form).toEqual(record.form);
    change.form.subject.name = '改过的名字';
    expect(record.form.subject.name).not.toBe('改过的名字');
  });

  it('starts a cancellation with its scope', () => {
    expect(started({ kind: 'cancel', cancelScope: 'access', base: filedRecord() })).toMatchObject({
      kind: 'cancel',
      cancelScope: 'access',
    });
  });

  it.each([
    ['a cancellation without a scope', { kind: 'cancel' as const, base: filedRecord() }, 'cancelScope'],
    [
      'a scope on a change',
      { kind: 'change' as const, cancelScope: 'subject' as const, base: filedRecord() },
      'cancelScope',
    ],
    ['a change without a record', { kind: 'change' as const }, 'baseId'],
    ['a new filing with a record', { base: filedRecord() }, 'baseId'],
  ])('refuses %s (VALIDATION at %s)', (_what, overrides, path) => {
    const result = startApplication(request(overrides));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path }] } });
  });

  it('refuses a record that is not filed, or is itself a change', () => {
    for (const base of [
      inState('authority_review'),
      inState('cancelled'),
      inState('filed', { kind: 'change' }),
    ]) {
      expect(startApplication(request({ kind: 'change', base }))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE' },
      });
    }
  });

  it("answers someone else's record as not found", () => {
    const result = startApplication(
      request({ kind: 'cancel', cancelScope: 'subject', base: filedRecord(), owner: 'o-other' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
