/**
 * Bad input at the boundary: for each function, at least 1,000 random and malformed events from
 * random callers. Every answer is an envelope (never a throw), a refusal is never INTERNAL (a
 * refusal of bad input is the caller's fault and says so), and a refusal changes no row.
 */
import fc from 'fast-check';
import { FIELD_SPECS, type ErrorCode, type FunctionName } from '@beian/core';
import { anotherMiniprogram, personalForm } from '../fixtures/forms';
import { fileTo, harness, OWNER, type Harness, type Who } from './helpers/harness';

const ACTIONS: Record<FunctionName, string[]> = {
  filing: [
    'session.get',
    'draft.create',
    'draft.save',
    'filing.check',
    'filing.submit',
    'filing.withdraw',
    'filing.get',
    'filing.list',
    'sms.resend',
    'sms.confirm',
    'subscription.record',
    'media.url',
  ],
  admin: [
    'queue.list',
    'filing.get',
    'review.approve',
    'review.reject',
    'sms.record',
    'authority.approve',
    'authority.reject',
    'stats.get',
    'admins.add',
    'admins.remove',
    'admins.list',
    'setup.run',
  ],
  scheduler: ['tick'],
};

const CODES: ErrorCode[] = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
];
const WHO: Who[] = ['owner', 'other', 'admin', 'operator', 'badKey', 'nobody', 'timer'];
const LEAVES = Object.keys(FIELD_SPECS).map((path) => path.replace('[]', '.0'));

function eventArbitrary(fn: FunctionName, ids: string[]) {
  const id = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 80 }), fc.anything());
  const version = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.string(), fc.constant(null));
  const formMutation = fc
    .record({ path: fc.constantFrom(...LEAVES), value: fc.anything() })
    .map(({ path, value }) => {
      const form = personalForm() as unknown as Record<string, unknown>;
      let node = form;
      const keys = path.split('.');
      for (const key of keys.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
      node[keys[keys.length - 1] as string] = value;
      return form;
    });
  const params = fc.record(
    {
      id,
      version,
      requestId: fc.oneof(fc.string({ maxLength: 70 }), fc.anything()),
      kind: fc.oneof(fc.constantFrom('new', 'change', 'cancel', 'NEW'), fc.anything()),
      cancelScope: fc.oneof(fc.constantFrom('subject', 'miniprogram', 'access', ''), fc.anything()),
      baseId: id,
      form: fc.oneof(formMutation, fc.anything()),
      patch: fc.oneof(
        fc.dictionary(fc.oneof(fc.constantFrom(...LEAVES), fc.string()), fc.anything()),
        fc.anything(),
      ),
      cursor: fc.oneof(fc.string({ maxLength: 220 }), fc.base64String(), fc.anything()),
      limit: fc.oneof(fc.integer({ min: -5, max: 80 }), fc.anything()),
      results: fc.oneof(
        fc.dictionary(fc.string(), fc.constantFrom('accept', 'reject', 'ban', 'filter', 'yes')),
        fc.anything(),
      ),
      fileIds: fc.oneof(fc.array(fc.string({ maxLength: 600 }), { maxLength: 60 }), fc.anything()),
      state: fc.oneof(fc.constantFrom('draft', 'platform_review', 'filed', 'nope'), fc.anything()),
      overdue: fc.anything(),
      query: fc.oneof(fc.string({ maxLength: 60 }), fc.anything()),
      reasons: fc.oneof(
        fc.array(fc.record({ field: fc.string(), error: fc.string(), suggest: fc.string() }), {
          maxLength: 35,
        }),
        fc.anything(),
      ),
      recordNumber: fc.oneof(
        fc.constantFrom('京ICP备2026012345号-1X', 'ICP', ''),
        fc.string(),
        fc.anything(),
      ),
      openid: fc.oneof(fc.constantFrom('o-admin-1', 'o-filer-b'), fc.string(), fc.anything()),
      name: fc.oneof(fc.string({ maxLength: 30 }), fc.anything()),
      operator: fc.oneof(fc.record({ name: fc.string(), key: fc.string() }), fc.anything()),
      junk: fc.anything(),
    },
    { requiredKeys: [] },
  );
  const action = fc.oneof(fc.constantFrom(...ACTIONS[fn]), fc.string({ maxLength: 50 }), fc.anything());
  const structured = fc.tuple(action, params).map(([a, p]) => ({ action: a, ...p }));
  return fc.oneof(
    { weight: 8, arbitrary: structured },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), fc.anything()) },
  );
}

describe.each<FunctionName>(['filing', 'admin', 'scheduler'])('fuzzing the %s function', (fn) => {
  let h: Harness;
  let ids: string[];
  beforeAll(async () => {
    h = await harness();
    ids = [
      (await fileTo(h, 'draft')).id,
      (await fileTo(h, 'platform_review', anotherMiniprogram())).id,
      (await fileTo(h, 'sms_verification', anotherMiniprogram())).id,
      (await fileTo(h, 'filed', anotherMiniprogram())).id,
    ];
    await h
      .as('owner')
      .filing('subscription.record', { results: { [h.deps.templates.progress.templateId]: 'accept' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 1,000 random events with an envelope, never INTERNAL, and writes nothing when refusing', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(eventArbitrary(fn, ids), fc.constantFrom(...WHO), async (event, who) => {
        const before = h.snapshot();
        const answer = await h.as(who).call(fn, event as Record<string, unknown>);
        expect(typeof answer.ok).toBe('boolean');
        if (answer.ok) return;
        refused += 1;
        expect(CODES).toContain(answer.error.code);
        expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(h.snapshot()).toEqual(before);
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(500);
    expect(h.errors).toEqual([]);
    // The owner's files are still the owner's: nothing foreign was ever saved.
    const stored = await h.store.getApplication(ids[0] as string);
    expect(JSON.stringify(stored?.form)).not.toContain('o-filer-b/');
    expect(stored?.owner).toBe(OWNER);
  });
});
