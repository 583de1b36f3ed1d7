/**
 * The local cloud a WeChat bench measures against (its emulated open platform over HTTP), apart
 * from bench/deps.ts so that a bench of the store alone does not load the cloud's server.
 */
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../local/cloud';
import { intakeSink } from '../local/wechat-intake';
import type { ServerDeps } from '../server/deps';

/**
 * A local cloud on a manual clock, no timers, whose emulated WeChat pushes to the Beian that
 * `deps()` answers once the bench has built it (a push before then is refused).
 */
export function startBenchCloud(
  dir: string,
  startAt: Date,
  deps: () => ServerDeps | null,
): Promise<LocalCloud> {
  return startLocalCloud({
    port: 0,
    dataDir: join(dir, 'cloud'),
    clock: 'manual',
    startAt,
    schedule: false,
    wechatSink: intakeSink(() => {
      const up = deps();
      if (!up) throw new Error('Beian is not up yet');
      return up;
    }),
  });
}
