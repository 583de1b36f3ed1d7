/**
 * PlatformRecords on the `platform` collection. A first write is an `add` with the key as `_id`
 * (the database's unique `_id` refuses a second); later writes are one `where({ _id, rev })
 * .update`, which updates nothing when another instance wrote first.
 */
import { COLLECTIONS } from '../store/collections';
import type { PlatformRecord, PlatformRecords } from '../wechat/records';
import { DUPLICATE_KEY, errCodeOf, type CloudDatabase } from './db';

export class CloudbasePlatformRecords implements PlatformRecords {
  constructor(private readonly db: CloudDatabase) {}

  async read(key: string): Promise<PlatformRecord | null> {
    const { data } = await this.db.collection(COLLECTIONS.platform).doc(key).get();
    if (!data) return null;
    return { key, value: String(data.value), rev: Number(data.rev), updatedAt: String(data.updatedAt) };
  }

  async write(key: string, value: string, expectedRev: number | null, at: string): Promise<boolean> {
    const platform = this.db.collection(COLLECTIONS.platform);
    if (expectedRev !== null) {
      const { stats } = await platform
        .where({ _id: key, rev: expectedRev })
        .update({ data: { value, rev: expectedRev + 1, updatedAt: at } });
      return stats.updated === 1;
    }
    try {
      await platform.add({ data: { _id: key, value, rev: 1, updatedAt: at } });
      return true;
    } catch (error) {
      if (errCodeOf(error) === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}
