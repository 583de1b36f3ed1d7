/**
 * `npm start`: the local cloud on 127.0.0.1:$PORT (default 8787), data in $BEIAN_DATA_DIR (default
 * .beian/), the clock real unless BEIAN_CLOCK=manual, and the browser preview of the mini-program
 * at `/`. `npm start -- --reset` starts from empty data; `--no-preview` serves the back end only.
 * Ctrl+C (SIGINT) or SIGTERM: in-flight calls finish, the database closes, exit 0.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from './cloud';
import { CLOCK_MODES, type ClockMode } from './clock';
import { DEFAULT_PORT, dataDirFromEnv, dataDirOf, maskKey } from './data-dir';
import type { RequestHandler } from './http';
import { MINIPROGRAM_DIR } from './app-pages';

const USAGE = `用法：npm start [-- --reset] [-- --no-preview]
  --reset       从空数据开始（保留操作员密钥）
  --no-preview  不提供浏览器预览，只运行云函数
环境变量：PORT（默认 ${DEFAULT_PORT}）、BEIAN_DATA_DIR（默认 .beian）、BEIAN_CLOCK=real|manual、
  BEIAN_OPERATOR_KEY、BEIAN_TEMPLATES、BEIAN_HOLIDAYS`;

interface Settings {
  port: number;
  clock: ClockMode;
  reset: boolean;
  preview: boolean;
}

function settings(argv: readonly string[], env: NodeJS.ProcessEnv): Settings {
  const unknown = argv.filter((arg) => !['--reset', '--no-preview', '--help', '-h'].includes(arg));
  if (argv.includes('--help') || argv.includes('-h') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`不认识的参数：${unknown.join(' ')}`);
    console.log(USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT 应为 0–65535 的整数，而不是「${env.PORT}」。`);
  const clock = (env.BEIAN_CLOCK?.trim() || 'real') as ClockMode;
  if (!CLOCK_MODES.includes(clock)) fail(`BEIAN_CLOCK 应为 real 或 manual，而不是「${env.BEIAN_CLOCK}」。`);
  return { port, clock, reset: argv.includes('--reset'), preview: !argv.includes('--no-preview') };
}

/**
 * The browser preview (local/preview), mounted on the same origin as the functions. It needs
 * miniprogram_npm, which a fresh checkout builds here once. A preview that cannot load leaves the
 * back end running.
 */
async function previewHandler(): Promise<RequestHandler | null> {
  try {
    if (!existsSync(join(MINIPROGRAM_DIR, 'miniprogram_npm', '@vant', 'weapp'))) {
      console.log('building core and miniprogram_npm for the preview (first start)…');
      const { buildCore, packMiniprogramNpm } = await import('../scripts/build-steps');
      await buildCore();
      await packMiniprogramNpm();
    }
    const { createPreview } = await import('./preview/server');
    return createPreview();
  } catch (error) {
    console.error(`预览不可用（云函数照常运行）：${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function banner(cloud: LocalCloud, preview: boolean, operatorKeyFromEnv: boolean): string {
  const u = cloud.url;
  const lines = [
    `备案助手 local cloud on ${u}`,
    ...(preview ? [`  preview:        ${u}/`] : []),
    `  functions:      POST ${u}/functions/{filing,admin,scheduler}  body { "event": {…}, "context": { "openid": "…" } }`,
    `  messages:       GET  ${u}/_/messages  (subscribe messages WeChat would have sent or refused)`,
    `  subscriptions:  POST ${u}/_/subscriptions  { "openid": "…", "results": { "<templateId>": "accept" } }`,
    `  clock:          GET  ${u}/_/clock  (${cloud.clockMode}${cloud.clockMode === 'manual' ? `; POST {"advanceMs": n}` : ''})`,
    ...cloud.triggers.map(
      (t) =>
        `  trigger:        POST ${u}/_/triggers/${t.functionName}  (${t.name}, cron "${t.cron}", Beijing time)`,
    ),
    `  storage:        POST ${u}/_/storage/upload?cloudPath=filings/<openid>/<name>  (header x-wx-openid)`,
    // The appid only: the appsecret, token and key stay in the data folder's file.
    `  wechat api:     ${cloud.wechat.apiBaseUrl}  (emulated open platform ${cloud.wechat.secrets.componentAppid}; secrets in ${dataDirOf(cloud.dataDir).openPlatformSecrets})`,
    `  data:           ${cloud.dataDir}`,
    `  operator key:   ${operatorKeyLine(cloud, operatorKeyFromEnv)}`,
  ];
  if (cloud.clockMode === 'manual') {
    lines.push('  note: with the manual clock, cron firings still follow real time; fire triggers by hand.');
  }
  return lines.join('\n');
}

/**
 * In full only on the start that created it: a terminal's scrollback or a shared screen should
 * not hand out the key on every start. `npm run call` reads it from the data folder anyway.
 */
function operatorKeyLine(cloud: LocalCloud, fromEnv: boolean): string {
  const call = `npm run call -- admin '{"action":"stats.get"}'`;
  const file = dataDirOf(cloud.dataDir).operatorKey;
  if (cloud.operatorKeyCreated)
    return `${cloud.operatorKey}   (new, shown this once; kept in ${file}; ${call})`;
  return `${maskKey(cloud.operatorKey)}   (${fromEnv ? 'from BEIAN_OPERATOR_KEY' : `in ${file}`}; ${call})`;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { port, clock, reset, preview } = settings(process.argv.slice(2), process.env);
  const dataDir = dataDirFromEnv().root;
  const handler = preview ? await previewHandler() : null;
  const cloud = await startLocalCloud({
    port,
    dataDir,
    clock,
    reset,
    operatorKey: process.env.BEIAN_OPERATOR_KEY || undefined,
    handlers: handler ? [handler] : [],
    log: (line) => console.log(line),
  });
  if (reset) console.log(`data reset: ${dataDir}`);
  console.log(banner(cloud, handler !== null, Boolean(process.env.BEIAN_OPERATOR_KEY)));
  for (const warning of cloud.warnings) console.warn(`  warning: ${warning}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.log('forced stop');
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing in-flight calls and closing the database…`);
    cloud.close().then(
      () => {
        console.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
