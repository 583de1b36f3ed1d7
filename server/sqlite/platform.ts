/** PlatformRecords on the `platform` table: a conditional insert or update, judged by `changes`. */
import type Database from 'better-sqlite3';
import type { PlatformRecord, PlatformRecords } from '../wechat/records';

export class SqlitePlatformRecords implements PlatformRecords {
  constructor(private readonly db: Database.Database) {}

  async read(key: string): Promise<PlatformRecord | null> {
    const row = this.db.prepare('SELECT key, value, rev, updated_at FROM platform WHERE key = ?').get(key) as
      { key: string; value: string; rev: number; updated_at: string } | undefined;
    return row ? { key: row.key, value: row.value, rev: row.rev, updatedAt: row.updated_at } : null;
  }

  async write(key: string, value: string, expectedRev: number | null, at: string): Promise<boolean> {
    const { changes } =
      expectedRev === null
        ? this.db
            .prepare(
              'INSERT INTO platform (key, value, rev, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING',
            )
            .run(key, value, at)
        : this.db
            .prepare('UPDATE platform SET value = ?, rev = rev + 1, updated_at = ? WHERE key = ? AND rev = ?')
            .run(value, at, key, expectedRev);
    return changes === 1;
  }
}
