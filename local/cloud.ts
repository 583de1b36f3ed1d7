/**
 * The local cloud: the same action maps the deployed functions run, on local adapters, behind
 * the HTTP contract. `npm start` runs it; the tests start it on a free port.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Envelope } from '@beian/core';
import type { ServerDeps } from '../server/deps';
import { functions } from '../server/functions';
import { createHttpServer } from './http';

export interface LocalCloudOptions {
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  /** Overrides the operator key kept in the data folder. */
  operatorKey?: string;
  /** Where call log lines go; silent in tests. */
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  operatorKey: string;
  close(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  mkdirSync(options.dataDir, { recursive: true });
  const operatorKey = options.operatorKey ?? loadOrCreateOperatorKey(options.dataDir);
  const log = options.log ?? (() => undefined);
  const deps: ServerDeps = {
    clock: { now: () => new Date() },
    operatorKey,
    logger: {
      info: log,
      error: (line, error) =>
        log(`${line} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    },
  };
  const server = createHttpServer({
    runFunction: (name, event, invocation): Promise<Envelope<unknown>> | null => {
      if (!Object.prototype.hasOwnProperty.call(functions, name)) return null;
      return functions[name as keyof typeof functions](event, invocation, deps);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the local cloud has no authentication of its own beyond the operator key.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    operatorKey,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Kept in the data folder so `npm run call` and restarts keep working with the same key. */
function loadOrCreateOperatorKey(dataDir: string): string {
  const file = join(dataDir, 'operator-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(18).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
