/**
 * A `change` and a `cancel` application from a filed one, over HTTP: the change rewrites the filed
 * record when the authority approves it; the cancellation then cancels the record.
 */
import type { FilingView } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, TEMPLATE, cloudForAll, type TestCloud } from './harness';

const RECORD_NUMBER = '京ICP备2026012345号-1X';

let test: TestCloud;
let record: FilingView;

const at = (filing: FilingView) => ({ id: filing.id, version: filing.version });

/** Submits and takes an application through every review to the authority's approval. */
async function approveAll(filing: FilingView, requestId: string): Promise<FilingView> {
  await test.consent(FILER);
  let moved = ok(await test.as(FILER, 'filing', 'filing.submit', { ...at(filing), requestId })).filing;
  moved = ok(await test.as(ADMIN, 'admin', 'review.approve', at(moved))).filing;
  moved = ok(await test.as(ADMIN, 'admin', 'sms.record', at(moved))).filing;
  return ok(await test.as(ADMIN, 'admin', 'authority.approve', { ...at(moved), recordNumber: RECORD_NUMBER }))
    .filing;
}

async function get(id: string): Promise<FilingView> {
  return ok(await test.as(FILER, 'filing', 'filing.get', { id })).filing;
}

cloudForAll((started) => (test = started));

beforeAll(async () => {
  ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
  const saved = await test.draftWith(FILER, personalForm());
  record = await approveAll(saved, 'new-000001');
  await test.tick();
});

describe('changing and cancelling a filed record', () => {
  it('applies an approved change to the filed record and tells the filer', async () => {
    expect(record.state).toBe('filed');
    const change = ok(
      await test.as(FILER, 'filing', 'draft.create', { kind: 'change', baseId: record.id }),
    ).filing;
    expect(change).toMatchObject({ kind: 'change', baseId: record.id, recordNumber: RECORD_NUMBER });
    const edited = ok(
      await test.as(FILER, 'filing', 'draft.save', {
        ...at(change),
        patch: { 'miniprogram.name': '三哥记账本专业版' },
      }),
    ).filing;
    const before = (await test.messages(FILER)).length;
    const done = await approveAll(edited, 'change-00001');
    expect(done.state).toBe('filed');
    // One tap's consent gave one credit per template: the second progress notice (to the
    // authority) has none left and is skipped without asking WeChat.
    expect((await test.tick()).dispatch).toMatchObject({ sent: 3, skipped: 1, noConsent: 0 });
    const base = await get(record.id);
    expect(base).toMatchObject({ state: 'filed', recordNumber: RECORD_NUMBER });
    expect(base.form.miniprogram.name).toBe('三哥记账本专业版');
    const sent = (await test.messages(FILER)).slice(before);
    expect(sent.map((m) => m.templateId)).toEqual([TEMPLATE.progress, TEMPLATE.todo, TEMPLATE.result]);
    expect(sent[2]).toMatchObject({
      data: { thing1: { value: '变更：三哥记账本专业版' }, phrase3: { value: '变更成功' } },
    });
  });

  it('cancels the record when a cancellation is approved, and the filer is told', async () => {
    const cancel = ok(
      await test.as(FILER, 'filing', 'draft.create', {
        kind: 'cancel',
        cancelScope: 'miniprogram',
        baseId: record.id,
      }),
    ).filing;
    expect(cancel).toMatchObject({ kind: 'cancel', cancelScope: 'miniprogram', baseId: record.id });
    const before = (await test.messages(FILER)).length;
    const done = await approveAll(cancel, 'cancel-00001');
    expect(done.state).toBe('cancelled');
    await test.tick();
    expect((await get(record.id)).state).toBe('cancelled');
    const sent = (await test.messages(FILER)).slice(before);
    expect(sent[sent.length - 1]).toMatchObject({
      templateId: TEMPLATE.result,
      data: { phrase3: { value: '已注销' } },
    });
    const again = await test.as(FILER, 'filing', 'draft.create', { kind: 'change', baseId: record.id });
    expect(again.ok).toBe(false);
  });
});
