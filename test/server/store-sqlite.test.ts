import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/sqlite';
import { describeStoreContract } from './store.contract';

describeStoreContract('sqlite on a database file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-store-'));
  return {
    store: openSqliteStore(join(dir, 'beian.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('sqlite store file', () => {
  it('survives a reopen: the schema is migrated once and the data stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-store-'));
    const file = join(dir, 'beian.db');
    try {
      const first = openSqliteStore(file);
      await first.putAdmin({ openid: 'o-admin', name: '审核员', addedAt: '2026-11-01T00:00:00.000Z' });
      await first.close();
      const second = openSqliteStore(file);
      expect(await second.setup()).toEqual([]);
      expect(await second.getAdmin('o-admin')).not.toBeNull();
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
