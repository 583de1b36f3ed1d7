/**
 * A whole `new` application over HTTP, as the mini-program, a reviewer and the scheduler's timer
 * would drive it: draft → submit → platform reject with a field reason → edit → submit → approve →
 * SMS resend → SMS confirm → authority approve with a record number → filed. After each step the
 * scheduler's trigger fires and WeChat's side records exactly the notice the filer should get.
 */
import type { FilingView } from '@beian/core';
import { personalForm } from '../fixtures/forms';
import { ADMIN, FILER, ok, START, TEMPLATE, cloudForAll, type TestCloud } from './harness';

const RECORD_NUMBER = '京ICP备2026012345号-1X';

let test: TestCloud;

cloudForAll((started) => (test = started));

beforeAll(async () => {
  ok(await test.operator('admin', 'admins.add', { openid: ADMIN, name: '审核员甲' }));
});

/** Fires the trigger and answers the messages it made WeChat record. */
async function notices(): Promise<{ templateId: string; data: Record<string, { value: string }> }[]> {
  const before = (await test.messages(FILER)).length;
  await test.tick();
  return (await test.messages(FILER)).slice(before);
}

/** The tick sends the filer exactly one message: the progress template, naming the state `label`. */
/** Expects exactly one message sent since the last look, and that it matches `message`. */
async function expectOneNotice(message: object): Promise<void> {
  const sent = await notices();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject(message);
}

async function expectToldOfProgress(label: string): Promise<void> {
  await expectOneNotice({ templateId: TEMPLATE.progress, data: { phrase2: { value: label } } });
}

const at = (filing: FilingView) => ({ id: filing.id, version: filing.version });

describe('a new application from draft to filed, over HTTP', () => {
  let filing: FilingView;

  it('saves a draft whose files were uploaded to local storage, and finds nothing to fix', async () => {
    filing = ok(await test.as(FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    const form = await test.withLocalFiles(FILER, personalForm());
    filing = ok(await test.as(FILER, 'filing', 'draft.save', { ...at(filing), form })).filing;
    const report = ok(await test.as(FILER, 'filing', 'filing.check', { id: filing.id }));
    expect(report.errors).toEqual([]);
    expect(filing.form.subject.principal.certificate.photoFront).toMatch(
      /^cloud:\/\/beian-local\.6265-beian-local\/filings\/o-filer-a\//,
    );
    expect(await notices()).toEqual([]);
  });

  it('submits, and the filer is told the platform review has started', async () => {
    await test.consent(FILER);
    filing = ok(
      await test.as(FILER, 'filing', 'filing.submit', { ...at(filing), requestId: 'submit-0001' }),
    ).filing;
    expect(filing.state).toBe('platform_review');
    await expectToldOfProgress('平台初审中');
  });

  it('is rejected with a reason on a field, which the filer sees and is told about', async () => {
    const reason = {
      field: 'miniprogram.name',
      error: '名称与服务内容不符',
      suggest: '请使用体现记账功能的名称',
    };
    ok(await test.as(ADMIN, 'admin', 'review.reject', { ...at(filing), reasons: [reason] }));
    const seen = ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id }));
    filing = seen.filing;
    expect(filing).toMatchObject({ state: 'platform_rejected', reasons: [reason] });
    await expectOneNotice({
      templateId: TEMPLATE.result,
      data: { phrase3: { value: '未通过' }, thing4: { value: '名称与服务内容不符' } },
    });
  });

  it('is edited and submitted again', async () => {
    filing = ok(
      await test.as(FILER, 'filing', 'draft.save', {
        ...at(filing),
        patch: { 'miniprogram.name': '三哥记账工具' },
      }),
    ).filing;
    await test.consent(FILER);
    filing = ok(
      await test.as(FILER, 'filing', 'filing.submit', { ...at(filing), requestId: 'submit-0002' }),
    ).filing;
    expect(filing).toMatchObject({ state: 'platform_review', reasons: [] });
    await expectOneNotice({
      templateId: TEMPLATE.progress,
      data: { thing1: { value: '三哥记账工具' } },
    });
  });

  it('is approved, and the filer gets the SMS to-do with its deadline', async () => {
    filing = ok(await test.as(ADMIN, 'admin', 'review.approve', at(filing))).filing;
    expect(filing.state).toBe('sms_verification');
    // 24 hours after the approval, in Beijing time.
    await expectOneNotice({
      templateId: TEMPLATE.todo,
      data: { thing1: { value: '完成工信部短信核验' }, time2: { value: '2026年11月3日 10:00' } },
    });
  });

  it('has its SMS resent once, which changes no state and sends nothing', async () => {
    filing = ok(await test.as(FILER, 'filing', 'sms.resend', at(filing))).filing;
    expect(filing).toMatchObject({ state: 'sms_verification', sms: { resends: 1 } });
    expect(await notices()).toEqual([]);
    const again = await test.as(FILER, 'filing', 'sms.resend', at(filing));
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('is confirmed by the filer and goes to the authority', async () => {
    await test.consent(FILER);
    filing = ok(await test.as(FILER, 'filing', 'sms.confirm', at(filing))).filing;
    expect(filing.state).toBe('authority_review');
    await expectToldOfProgress('管局审核中');
  });

  it('is approved by the authority with a record number: filed, and the filer is told the number', async () => {
    await test.advance(3 * 24 * 3_600_000);
    filing = ok(
      await test.as(ADMIN, 'admin', 'authority.approve', { ...at(filing), recordNumber: RECORD_NUMBER }),
    ).filing;
    const seen = ok(await test.as(FILER, 'filing', 'filing.get', { id: filing.id }));
    expect(seen.filing).toMatchObject({ state: 'filed', recordNumber: RECORD_NUMBER });
    await expectOneNotice({
      templateId: TEMPLATE.result,
      data: { phrase3: { value: '备案成功' }, thing4: { value: RECORD_NUMBER } },
    });
  });

  it('keeps the complete audit trail, with who did what and when', async () => {
    const review = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id }));
    const trail = review.audit.map((e) => [e.event.type, e.from, e.to, e.actor.kind]);
    expect(trail).toEqual([
      ['submit', 'draft', 'platform_review', 'filer'],
      ['platform_reject', 'platform_review', 'platform_rejected', 'admin'],
      ['submit', 'platform_rejected', 'platform_review', 'filer'],
      ['platform_approve', 'platform_review', 'sms_verification', 'admin'],
      ['sms_resend', 'sms_verification', 'sms_verification', 'filer'],
      ['sms_verified', 'sms_verification', 'authority_review', 'filer'],
      ['authority_approve', 'authority_review', 'filed', 'admin'],
    ]);
    expect(review.audit[0]).toMatchObject({ requestId: 'submit-0001', at: START.toISOString() });
    expect(review.audit[6]?.at).toBe(new Date(START.getTime() + 3 * 24 * 3_600_000).toISOString());
    expect(review.audit[1]?.actor).toEqual({ kind: 'admin', openid: ADMIN, name: '审核员甲' });
  });

  it('lets the reviewer open every uploaded file through a short-lived link', async () => {
    const review = ok(await test.as(ADMIN, 'admin', 'filing.get', { id: filing.id }));
    const links = Object.values(review.media);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });

  it('sent every notice it queued and none was refused', async () => {
    const all = await test.messages(FILER);
    expect(all.map((m) => m.outcome)).toEqual(Array(6).fill('sent'));
  });

  it('logged one line per call, with method, path, action, caller and code, and no personal data', () => {
    expect(test.logs).toContainEqual(
      expect.stringMatching(/^\S+Z POST \/functions\/filing filing filing\.submit filer OK \d+ms$/),
    );
    expect(test.logs).toContainEqual(
      expect.stringMatching(/^\S+Z POST \/_\/triggers\/scheduler scheduler tick system OK \d+ms$/),
    );
    expect(test.logs).toContainEqual(expect.stringMatching(/^\S+Z POST \/_\/subscriptions 200 \d+ms$/));
    const text = test.logs.join('\n');
    for (const secret of ['110105199003071239', '13800138000', '13900139000', '张三']) {
      expect(text).not.toContain(secret);
    }
  });
});
