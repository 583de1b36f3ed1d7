/**
 * `npm run seed`: loads the demo data (local/seed-demo.ts) into the local cloud of $BEIAN_DATA_DIR —
 * through the running one when it answers (the one serving the folder, or $PORT), or else by
 * starting one on the folder just for the seeding. Running it again changes nothing once the demo data is there.
 */
import { TEMPLATE_ROLES } from '@beian/core';
import { loadConfig } from '../server/config';
import { CloudClient, cloudUrl, operatorOf } from './client';
import { startLocalCloud, type LocalCloud } from './cloud';
import { dataDirFromEnv } from './data-dir';
import { DEMO_ADMIN, DEMO_FILER_A, DEMO_FILER_B, seedDemo } from './seed-demo';

async function main(): Promise<void> {
  const dir = dataDirFromEnv();
  const url = cloudUrl(dir);
  let client = new CloudClient(url ?? '');
  let started: LocalCloud | null = null;
  if (url === null || !(await client.reachable())) {
    started = await startLocalCloud({
      port: 0,
      dataDir: dir.root,
      clock: process.env.BEIAN_CLOCK === 'manual' ? 'manual' : 'real',
      operatorKey: process.env.BEIAN_OPERATOR_KEY || undefined,
      schedule: false,
    });
    client = new CloudClient(started.url);
  }
  try {
    const operator = operatorOf(dir);
    if (!operator) throw new Error(`${dir.root} 中没有操作员密钥，也没有设置 BEIAN_OPERATOR_KEY。`);
    const { templates } = loadConfig(process.env);
    const report = await seedDemo(
      client,
      operator,
      TEMPLATE_ROLES.map((role) => templates[role].templateId),
    );
    if (!report.seeded) {
      console.log(
        `演示数据已存在（${client.url}），未做改动。要重来：npm start -- --reset，然后 npm run seed。`,
      );
      return;
    }
    console.log(`演示数据已载入 ${started ? dir.root : client.url}：`);
    for (const app of report.applications) {
      console.log(`  ${app.state.padEnd(18)} ${app.kind.padEnd(7)} ${app.id}  ${app.name}  (${app.owner})`);
    }
    console.log(`审核员 ${DEMO_ADMIN.openid}（${DEMO_ADMIN.name}），填报人 ${DEMO_FILER_A}、${DEMO_FILER_B}`);
  } finally {
    await started?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
