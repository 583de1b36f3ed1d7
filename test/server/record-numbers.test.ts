/**
 * One record number (备案号), one record: `authority.approve` refuses a number another record
 * holds — also when two approvals race — and a change of a record keeps the record's own number.
 */
import { enterpriseForm } from '../fixtures/forms';
import { fileTo, ok, STORES, useHarness } from './helpers/harness';
import { fileAt, submitAt } from './helpers/calls';

describe.each(STORES)('record numbers on %s', (kind) => {
  const h = useHarness(kind);

  const admin = () => h.as('admin');
  const owner = () => h.as('owner');

  it('refuses a number another record holds, on the number, naming only the number', async () => {
    const first = await fileTo(h, 'filed');
    const second = await fileTo(h, 'authority_review', enterpriseForm());
    const taken = await fileAt(admin(), second.id, second.version, first.recordNumber ?? '');
    expect(taken).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: [{ path: 'recordNumber', code: 'record_number.taken' }],
        message: expect.stringContaining(first.recordNumber ?? '?'),
      },
    });
    expect(JSON.stringify(taken)).not.toContain(first.id);
    expect((await h.store.getApplication(second.id))?.state).toBe('authority_review');
    // Another number goes through.
    const filed = ok(await fileAt(admin(), second.id, second.version, '京ICP备2026099999号-1X')).filing;
    expect(filed.state).toBe('filed');
  });

  it('lets only one of two racing approvals with one number through', async () => {
    const a = await fileTo(h, 'authority_review');
    const b = await fileTo(h, 'authority_review', enterpriseForm());
    const number = '京ICP备2026077777号-1X';
    const answers = await Promise.all(
      [a, b].map((filing) =>
        admin().admin('authority.approve', { id: filing.id, version: filing.version, recordNumber: number }),
      ),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok)).toMatchObject([{ error: { code: 'VALIDATION' } }]);
    const states = await Promise.all(
      [a, b].map(async (filing) => (await h.store.getApplication(filing.id))?.state),
    );
    expect(states.sort()).toEqual(['authority_review', 'filed']);
  });

  it('keeps the number of the record a change is approved for', async () => {
    const record = await fileTo(h, 'filed');
    const change = ok(await owner().filing('draft.create', { kind: 'change', baseId: record.id })).filing;
    let moved = ok(await submitAt(owner(), change.id, change.version, 'change-rn-1')).filing;
    const reviewed = ok(
      await admin().admin('review.approve', { id: change.id, version: moved.version }),
    ).filing;
    const checked = ok(
      await admin().admin('sms.record', { id: change.id, version: reviewed.version }),
    ).filing;
    moved = ok(await fileAt(admin(), change.id, checked.version, record.recordNumber ?? '')).filing;
    expect(moved).toMatchObject({ state: 'filed', recordNumber: record.recordNumber });
  });
});
