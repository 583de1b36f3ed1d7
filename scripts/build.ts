/**
 * `npm run build`: everything DevTools and the cloud need that is generated, never committed.
 *   1. core → core/dist (CommonJS + declarations), the package the mini-program and functions use;
 *   2. "build npm" offline with miniprogram-ci's packNpmManually → miniprogram/miniprogram_npm;
 *   3. each cloud function bundled by esbuild → dist/cloudfunctions/<name>/ (index.js, config.json,
 *      and a package.json that depends on wx-server-sdk only).
 */
import { buildCore, bundleFunctions, packMiniprogramNpm } from './build-steps';

async function main(): Promise<void> {
  await step('core', buildCore);
  await step('miniprogram npm', packMiniprogramNpm);
  await step('cloud functions', bundleFunctions);
}

async function step(name: string, run: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await run();
  console.log(`build: ${name} (${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
