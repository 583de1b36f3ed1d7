import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { relatedKeys } from '@beian/core';
import { openSqliteStore } from '../../server/sqlite';
import { RELATED_QUERIES } from '../../server/sqlite/related';
import { MIGRATIONS } from '../../server/sqlite/schema';
import { queueKey } from '../../server/store/keys';
import { application } from './helpers/applications';
import { describePlatformRecordsContract } from './platform-records.contract';
import { describeRelatedContract } from './store-related.contract';
import { describeStoreContract } from './store.contract';

function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'beian-store-'));
  return {
    store: openSqliteStore(join(dir, 'beian.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeStoreContract('sqlite on a database file', async () => openSqlite());
describeRelatedContract('sqlite on a database file', async () => openSqlite());
describePlatformRecordsContract('sqlite on a database file', async () => openSqlite());

describe('sqlite related filings', () => {
  it('looks each key up through its own index, never by a scan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-related-'));
    const file = join(dir, 'beian.db');
    try {
      void openSqliteStore(file).close();
      const db = new Database(file, { readonly: true });
      const indexes = {
        subject: 'applications_subject_key',
        appid: 'applications_appid',
        principal: 'applications_principal_mobile',
        miniprogram: 'applications_miniprogram_mobile',
      };
      for (const [key, sql] of Object.entries(RELATED_QUERIES)) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x', 10) as { detail: string }[];
        expect(plan.map((row) => row.detail).join('; ')).toContain(
          `USING INDEX ${indexes[key as keyof typeof indexes]}`,
        );
      }
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
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

describe('sqlite search', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'beian-search-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a common word from the queue order and a rare one from the index, with the same rows', async () => {
    const store = openSqliteStore(join(dir, 'beian.db'));
    // More matches than the index probe takes, so the common word walks the queue order.
    const apps = Array.from({ length: 620 }, (_, i) => {
      const app = application({ state: 'platform_review' });
      app.form.subject.name = i % 10 === 0 ? `样例贸易${i}` : `示例科技${i}`;
      app.form.miniprogram.name = i === 301 ? '独一无二助手' : `工具${i}`;
      return app;
    });
    for (const app of apps) await store.insertApplication(app);
    const filter = { states: ['platform_review' as const], overdueOnly: false, after: null };
    const inQueueOrder = (pred: (name: string) => boolean) =>
      apps
        .filter((a) => pred(a.form.subject.name))
        .sort((a, b) => (queueKey(a) < queueKey(b) ? -1 : 1))
        .map((a) => a.id);
    const common = await store.queue({ ...filter, query: '科技' }, 20);
    expect(common.map((a) => a.id)).toEqual(inQueueOrder((n) => n.includes('科技')).slice(0, 20));
    const rare = await store.queue({ ...filter, query: '独一无二' }, 20);
    expect(rare.map((a) => a.id)).toEqual([apps[301]?.id]);
    await store.close();
  });

  it('indexes the names of applications written before the search existed', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    MIGRATIONS.slice(0, 2).forEach((sql) => old.exec(sql));
    old.pragma('user_version = 2');
    const app = application({ state: 'platform_review' });
    app.form.miniprogram.name = '旧版数据记账';
    old
      .prepare(
        `INSERT INTO applications (id, owner, state, version, list_key, queue_key, subject_name, miniprogram_name, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        app.id,
        app.owner,
        app.state,
        app.version,
        'l',
        queueKey(app),
        '',
        '旧版数据记账',
        JSON.stringify(app),
      );
    old.close();
    const store = openSqliteStore(file);
    const found = await store.queue(
      { states: ['platform_review'], overdueOnly: false, after: null, query: '数据' },
      10,
    );
    expect(found.map((a) => a.id)).toEqual([app.id]);
    // Migration 9 backfilled the cross-record keys from the document.
    const related = await store.relatedFilings(relatedKeys(app.form), 10);
    expect(related.applications.map((a) => a.id)).toEqual([app.id]);
    await store.close();
  });
});
