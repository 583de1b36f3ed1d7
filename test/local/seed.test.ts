/**
 * `npm run seed`: demo applications in each state the brief names, made through the real actions
 * (so the audit trail is real), a demo admin and two demo filers — into a running cloud or, when
 * none runs, into the data folder directly. Seeding twice changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueueItem } from '@beian/core';
import { CloudClient } from '../../local/client';
import { startLocalCloud } from '../../local/cloud';
import { DEMO_ADMIN, DEMO_FILER_A, DEMO_FILER_B, DEMO_REJECTION } from '../../local/seed-demo';
import { ok, TestCloud } from '../e2e/harness';
import { freePort, runScript } from './spawn';

jest.setTimeout(60_000);

async function everything(test: TestCloud): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  // Reviewers see no drafts (the queue refuses `draft`); filer A's draft shows in their own list.
  for (const state of [
    'platform_review',
    'platform_rejected',
    'sms_verification',
    'authority_review',
    'filed',
  ] as const) {
    items.push(...ok(await test.as(DEMO_ADMIN.openid, 'admin', 'queue.list', { state, limit: 50 })).items);
  }
  return items;
}

describe('npm run seed into a running cloud', () => {
  let test: TestCloud;
  let env: Record<string, string>;

  beforeAll(async () => {
    test = await TestCloud.start({ operatorKey: undefined, clock: 'real' });
    env = { BEIAN_DATA_DIR: test.dataDir, PORT: new URL(test.url).port };
  });

  afterAll(async () => {
    await test.close();
  });

  it('loads applications in every demo state, through the real actions', async () => {
    const { code, stdout, stderr } = await runScript('seed.ts', [], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('演示数据已载入');

    const stats = ok(await test.as(DEMO_ADMIN.openid, 'admin', 'stats.get', {}));
    // Counts per state include drafts: a number, not a draft anyone can open.
    expect(stats.counts).toHaveProperty('draft');
    expect(stats.counts).toMatchObject({
      platform_review: 2,
      platform_rejected: 1,
      sms_verification: 1,
      authority_review: 1,
      filed: 1,
    });
    const items = await everything(test);
    const filed = items.find((i) => i.state === 'filed');
    const change = items.find((i) => i.kind === 'change');
    expect(change).toMatchObject({
      state: 'platform_review',
      miniprogramName: '三哥记账本专业版',
      recordNumber: filed?.recordNumber,
    });

    const rejected = items.find((i) => i.state === 'platform_rejected');
    const review = ok(await test.as(DEMO_ADMIN.openid, 'admin', 'filing.get', { id: rejected?.id ?? '' }));
    expect(review.filing).toMatchObject({ owner: DEMO_FILER_B, reasons: [DEMO_REJECTION] });
    expect(review.audit.map((e) => e.actor)).toEqual([
      { kind: 'filer', openid: DEMO_FILER_B },
      { kind: 'admin', openid: DEMO_ADMIN.openid, name: DEMO_ADMIN.name },
    ]);
    for (const link of Object.values(review.media)) {
      expect((await fetch(link)).headers.get('content-type')).toBe('image/png');
    }
  });

  it('gives each demo filer their own applications and sent their notices', async () => {
    const a = ok(await test.as(DEMO_FILER_A, 'filing', 'filing.list', {})).items;
    const b = ok(await test.as(DEMO_FILER_B, 'filing', 'filing.list', {})).items;
    expect(a.map((i) => i.state).sort()).toEqual(['draft', 'filed', 'platform_review', 'sms_verification']);
    expect(b.map((i) => i.state).sort()).toEqual([
      'authority_review',
      'platform_rejected',
      'platform_review',
    ]);
    const messages = await test.messages();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.outcome === 'sent')).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const before = await everything(test);
    const { code, stdout } = await runScript('seed.ts', [], env);
    expect(code).toBe(0);
    expect(stdout).toContain('演示数据已存在');
    expect(await everything(test)).toEqual(before);
  });
});

describe('npm run seed with no cloud running', () => {
  it('seeds the data folder by starting a cloud on it just for the seeding', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beian-seed-'));
    try {
      const { code, stdout } = await runScript('seed.ts', [], {
        BEIAN_DATA_DIR: dataDir,
        PORT: String(await freePort()),
      });
      expect(code).toBe(0);
      expect(stdout).toContain(`演示数据已载入 ${dataDir}`);
      const cloud = await startLocalCloud({ port: 0, dataDir, schedule: false });
      try {
        const client = new CloudClient(cloud.url);
        expect(ok(await client.as(DEMO_FILER_A, 'filing', 'filing.list', {})).items).toHaveLength(4);
        expect(ok(await client.as(DEMO_ADMIN.openid, 'admin', 'stats.get', {})).counts.filed).toBe(1);
      } finally {
        await cloud.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
