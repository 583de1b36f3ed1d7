/**
 * Guessing the operator key: each wrong key in a row is answered later than the one before, a
 * right key resets that, and the log never carries the key that was tried.
 */
import { MAX_DELAY_MS, OperatorThrottle } from '../../server/operator-throttle';
import { harness, OPERATOR_KEY, type Harness } from './helpers/harness';

let h: Harness;
const waited: number[] = [];
beforeEach(async () => {
  h = await harness('sqlite');
  waited.length = 0;
  h.deps.operatorThrottle = new OperatorThrottle(async (ms) => void waited.push(ms));
});
afterEach(async () => {
  await h.close();
});

const guess = (key: string) =>
  h.as('nobody').call('admin', { action: 'stats.get', operator: { name: '攻击者', key } });

it('answers each wrong key in a row twice as late, up to a ceiling, without logging the key', async () => {
  for (let i = 0; i < 8; i += 1) {
    expect(await guess(`wrong-guess-${i}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
  expect(waited).toEqual([200, 400, 800, 1600, 3200, 6400, MAX_DELAY_MS, MAX_DELAY_MS]);
  expect(h.errors).toContain('operator key refused (8 in a row); answering after 10000 ms');
  expect([...h.errors, ...h.logs].join('\n')).not.toContain('wrong-guess');
});

it('starts again from the shortest delay after a right key', async () => {
  await guess('wrong-1');
  await guess('wrong-2');
  expect((await guess(OPERATOR_KEY)).ok).toBe(true);
  await guess('wrong-3');
  expect(waited).toEqual([200, 400, 200]);
});
