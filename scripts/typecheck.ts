/**
 * `tsc --noEmit` over every part. DevTools and jest (swc) only strip types, so this is the one
 * place types are checked. Each part has its own tsconfig because each runs somewhere else: core
 * without Node or wx, the mini-program with wx typings, the back end and tools with Node.
 */
import { spawnSync } from 'node:child_process';

const projects = [
  'core/tsconfig.json',
  'miniprogram/tsconfig.json',
  'tsconfig.json',
  'test/tsconfig.json',
  // The preview's browser runtime: DOM and the wx typings, no Node.
  'local/preview/browser/tsconfig.json',
];

let failed = false;
for (const project of projects) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], {
    stdio: 'inherit',
  });
  const ok = result.status === 0;
  failed ||= !ok;
  console.log(`tsc -p ${project}: ${ok ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
}
process.exit(failed ? 1 : 0);
