/**
 * `__proto__` in a request: JSON.parse keeps it as an own key, and copying it into the params
 * object used to set that object's prototype, so `filing.get` read an `id` nobody sent as a
 * param. Such keys are refused at every depth, and params have no prototype to reach.
 */
import { fileTo, useHarness } from './helpers/harness';

const h = useHarness('sqlite');

const asJson = (text: string) => JSON.parse(text) as Record<string, unknown>;

it('refuses __proto__ at the top of a request, and reads nothing through it', async () => {
  const filing = await fileTo(h, 'draft');
  const event = asJson(`{"action":"filing.get","__proto__":{"id":"${filing.id}"}}`);
  const answer = await h.as('owner').call('filing', event);
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', message: '请求含有不允许的字段名：__proto__' },
  });
});

it('refuses constructor and prototype deep inside params, and changes nothing', async () => {
  const filing = await fileTo(h, 'draft');
  const before = h.snapshot();
  for (const key of ['constructor', 'prototype', '__proto__']) {
    const event = asJson(
      `{"action":"draft.save","id":"${filing.id}","version":${filing.version},"patch":{"subject.name":{"${key}":{"polluted":1}}}}`,
    );
    const answer = await h.as('owner').call('filing', event);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  }
  expect(h.snapshot()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
