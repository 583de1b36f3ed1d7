/**
 * The PlatformRecords contract, asserted on both adapters: what the channel relies on to share
 * one token refresh between instances and to process one delivery of an event.
 */
import type { Store } from '../../server/store/types';
import { openStoreEach } from './helpers/store-each';
import type { StoreHarness } from './store.contract';

const AT = '2026-12-06T08:00:00.000Z';
const LATER = '2026-12-06T08:05:00.000Z';

export function describePlatformRecordsContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`PlatformRecords contract: ${name}`, () => {
    let store: Store;
    openStoreEach(open, (opened) => (store = opened.store));

    it('reads nothing for a key never written', async () => {
      expect(await store.platform.read('component_token')).toBeNull();
    });

    it('writes a new key once: a second first-write loses and changes nothing', async () => {
      expect(await store.platform.write('event:a', '{"n":1}', null, AT)).toBe(true);
      expect(await store.platform.write('event:a', '{"n":2}', null, LATER)).toBe(false);
      expect(await store.platform.read('event:a')).toEqual({
        key: 'event:a',
        value: '{"n":1}',
        rev: 1,
        updatedAt: AT,
      });
    });

    it('updates only from the revision it read, bumping it', async () => {
      await store.platform.write('ticket', '"t1"', null, AT);
      expect(await store.platform.write('ticket', '"t2"', 1, LATER)).toBe(true);
      expect(await store.platform.write('ticket', '"stale"', 1, LATER)).toBe(false);
      expect(await store.platform.read('ticket')).toEqual({
        key: 'ticket',
        value: '"t2"',
        rev: 2,
        updatedAt: LATER,
      });
    });

    it('lets exactly one of many concurrent writers of the same revision win', async () => {
      await store.platform.write('component_token', '{}', null, AT);
      const wins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.platform.write('component_token', `{"i":${i}}`, 1, LATER)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect((await store.platform.read('component_token'))?.rev).toBe(2);
    });

    it('does not write an update for a key that does not exist', async () => {
      expect(await store.platform.write('missing', '{}', 1, AT)).toBe(false);
      expect(await store.platform.read('missing')).toBeNull();
    });
  });
}
