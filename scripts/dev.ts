/**
 * `npm run dev`: build once, then keep the generated parts fresh while DevTools is open —
 * core and miniprogram_npm when core/ changes or a page imports another name from core (the client
 * bundle carries only the names imported, scripts/client-core.ts), the function bundles when
 * server/, core/ or cloudfunctions/ change (esbuild's own watcher follows every bundled import).
 */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { context } from 'esbuild';
import { clientCoreImports } from './client-core';
import {
  MINIPROGRAM,
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
  const rebuild = coreRebuilder();
  watch(join(ROOT, 'core', 'src'), { recursive: true }, rebuild);
  let imported = safeImports();
  watch(MINIPROGRAM, { recursive: true }, (_event, file) => {
    if (!file?.endsWith('.ts') || file.includes('miniprogram_npm')) return;
    const now = safeImports();
    if (now === null || now === imported) return;
    imported = now;
    rebuild();
  });
  console.log('dev: watching core/, miniprogram/, server/ and cloudfunctions/ — Ctrl+C to stop');
}

/** The names the pages import from core, or null (and why) while a page is half-written. */
function safeImports(): string | null {
  try {
    return clientCoreImports(MINIPROGRAM).join();
  } catch (error) {
    console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function announce(name: string): void {
  copyFunctionFiles(name);
  console.log(`dev: rebuilt function ${name}`);
}

/** Rebuilds core and re-packs npm at most once per burst of saves. */
function coreRebuilder(): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return () => {
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
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
