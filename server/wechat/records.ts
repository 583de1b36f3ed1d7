/**
 * The port the open-platform channel keeps its state through: the verify ticket, the component
 * and authorizer tokens, the events already handled, WeChat's current enumerations. Each is one
 * record under a key, written only if nobody wrote it since it was read (`rev`), so concurrent
 * function instances coordinate through the store alone: one of them wins a token refresh, one
 * of WeChat's three deliveries of an event is processed. Both adapter sets implement it
 * (sqlite: the `platform` table; cloudbase: the `platform` collection, closed to clients), and
 * test/server/platform-records.contract.ts holds both to it.
 */

export interface PlatformRecord {
  key: string;
  /** JSON, read and written by the channel only (tokens.ts, intake.ts). */
  value: string;
  /** 1 on first write, +1 on every write. */
  rev: number;
  updatedAt: string;
}

export interface PlatformRecords {
  read(key: string): Promise<PlatformRecord | null>;
  /**
   * Writes `value` under `key` if its stored rev is still `expectedRev` (null: only if there is
   * no record yet). False when another writer got there first; nothing is written then.
   */
  write(key: string, value: string, expectedRev: number | null, at: string): Promise<boolean>;
}

/**
 * Writes `next(current)` under `key` whatever is stored: reads, writes from that revision, and
 * reads again if another writer got in between, so an update never overwrites one it did not see.
 */
export async function replaceRecord(
  records: PlatformRecords,
  key: string,
  next: (current: string | null) => string,
  at: string,
): Promise<void> {
  for (;;) {
    const record = await records.read(key);
    if (await records.write(key, next(record?.value ?? null), record?.rev ?? null, at)) return;
  }
}
