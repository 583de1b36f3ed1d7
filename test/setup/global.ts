/**
 * Page tests render Vant from miniprogram/miniprogram_npm, which `npm run build` makes. A fresh
 * clone that runs `npm test` first gets it built here, so the suite never depends on step order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM, packMiniprogramNpm, buildCore } from '../../scripts/build-steps';

export default async function globalSetup(): Promise<void> {
  if (existsSync(join(MINIPROGRAM, 'miniprogram_npm', '@vant', 'weapp', 'button', 'index.js'))) return;
  await buildCore();
  await packMiniprogramNpm();
}
