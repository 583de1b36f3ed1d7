/**
 * `npm run dev`: build once, then keep the generated parts fresh while DevTools is open —
 * core and miniprogram_npm when core/ changes, the function bundles when server/, core/ or
 * cloudfunctions/ change (esbuild's own watcher follows every bundled import).
 */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { context } from 'esbuild';
import {
  ROOT,
  buildCore,
  bundleFunctions,
  copyFunctionFiles,
  functionBuildOptions,
  functionNames,
  packMiniprogramNpm,
} from './build-steps';

async function main(): Promise<void> {
  await buildCore();
  await packMiniprogramNpm();
  await bundleFunctions();
  for (const name of functionNames()) {
    const ctx = await context({
      ...functionBuildOptions(name),
      plugins: [{ name: 'announce', setup: (b) => b.onEnd(() => announce(name)) }],
    });
    await ctx.watch();
  }
  watchCore();
  console.log('dev: watching core/, server/ and cloudfunctions/ — Ctrl+C to stop');
}

function announce(name: string): void {
  copyFunctionFiles(name);
  console.log(`dev: rebuilt function ${name}`);
}

/** Rebuilds core and re-packs npm at most once per burst of saves. */
function watchCore(): void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watch(join(ROOT, 'core', 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(async () => {
          await buildCore();
          await packMiniprogramNpm();
          console.log('dev: rebuilt core and miniprogram_npm');
        })
        .catch((error: unknown) => console.error('dev: core build failed', error));
    }, 300);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
