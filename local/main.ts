/**
 * `npm start`: the local cloud on 127.0.0.1:$PORT (default 8787), data in $BEIAN_DATA_DIR
 * (default .beian/).
 */
import { resolve } from 'node:path';
import { startLocalCloud } from './cloud';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = resolve(process.env.BEIAN_DATA_DIR ?? '.beian');
  const cloud = await startLocalCloud({
    port,
    dataDir,
    operatorKey: process.env.BEIAN_OPERATOR_KEY || undefined,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`备案助手 local cloud on ${cloud.url}`);
  console.log(`  functions:    POST ${cloud.url}/functions/{filing,admin,scheduler}`);
  console.log(`  data:         ${dataDir}`);
  console.log(`  operator key: ${cloud.operatorKey}`);
  const stop = (): void => {
    console.log('stopping…');
    void cloud.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
