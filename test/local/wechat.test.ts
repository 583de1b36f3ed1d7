/**
 * WeChat's side of subscribe messages over HTTP: the consent sheet's answers (`/_/subscriptions`),
 * the send log (`/_/messages`), and what the outbox makes of a 43101 when the server counted a
 * consent that WeChat never gave.
 */
import { personalForm } from '../fixtures/forms';
import { FILER, ok, OTHER_FILER, TEMPLATE, cloudForAll, type TestCloud } from '../e2e/harness';

let test: TestCloud;

cloudForAll((started) => (test = started));

describe('/_/subscriptions', () => {
  it('adds one credit per accepted template and answers the credits', async () => {
    const first = await test.post('/_/subscriptions', {
      openid: FILER,
      results: { [TEMPLATE.progress]: 'accept', [TEMPLATE.result]: 'reject', [TEMPLATE.todo]: 'ban' },
    });
    expect(first).toEqual({ status: 200, json: { openid: FILER, credits: { [TEMPLATE.progress]: 1 } } });
    await test.post('/_/subscriptions', { openid: FILER, results: { [TEMPLATE.progress]: 'accept' } });
    expect((await test.get(`/_/subscriptions?openid=${FILER}`)).json).toEqual({
      openid: FILER,
      credits: { [TEMPLATE.progress]: 2 },
    });
  });

  it('refuses what a consent sheet could never answer, saying what is wrong', async () => {
    const cases: [unknown, string][] = [
      [{ results: { [TEMPLATE.progress]: 'accept' } }, 'openid'],
      [{ openid: FILER, results: { [TEMPLATE.progress]: 'yes' } }, 'accept、reject'],
      [{ openid: FILER, results: { 'tmpl-nobody-has': 'accept' } }, '20001'],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await test.post('/_/subscriptions', body);
      expect(status).toBe(400);
      expect(json).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining(message) },
      });
    }
    expect((await test.get('/_/subscriptions')).status).toBe(400);
  });
});

describe('a notice WeChat refuses', () => {
  it('records 43101 when the filer never accepted at WeChat, and the outbox stops trying', async () => {
    const draft = ok(await test.as(OTHER_FILER, 'filing', 'draft.create', { kind: 'new' })).filing;
    const form = await test.withLocalFiles(OTHER_FILER, personalForm());
    const saved = ok(
      await test.as(OTHER_FILER, 'filing', 'draft.save', { id: draft.id, version: draft.version, form }),
    );
    // The server is told of a consent WeChat never recorded (a client that skipped the sheet).
    ok(
      await test.as(OTHER_FILER, 'filing', 'subscription.record', {
        results: { [TEMPLATE.progress]: 'accept' },
      }),
    );
    ok(
      await test.as(OTHER_FILER, 'filing', 'filing.submit', {
        id: draft.id,
        version: saved.filing.version,
        requestId: 'nocredit-01',
      }),
    );
    expect((await test.tick()).dispatch).toMatchObject({ noConsent: 1, sent: 0 });
    const [refused] = await test.messages(OTHER_FILER);
    expect(refused).toMatchObject({
      touser: OTHER_FILER,
      templateId: TEMPLATE.progress,
      outcome: 'refused',
      errCode: 43101,
      data: { phrase2: { value: '平台初审中' } },
    });
    expect((await test.tick()).dispatch).toMatchObject({ noConsent: 0, sent: 0 });
    expect(await test.messages(OTHER_FILER)).toHaveLength(1);
    // The filer's own credit count was zeroed: WeChat said there is none.
    const credits = ok(await test.as(OTHER_FILER, 'filing', 'subscription.record', { results: {} })).credits;
    expect(credits[TEMPLATE.progress] ?? 0).toBe(0);
  });

  it('lists only one user’s messages when asked, and everyone’s otherwise', async () => {
    expect(await test.messages(FILER)).toEqual([]);
    expect((await test.messages()).length).toBe(1);
  });
});
