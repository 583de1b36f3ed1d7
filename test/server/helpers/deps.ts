/**
 * The server's dependencies for a test of one part: the store and what the test looks at are
 * given, the rest are the benches' quiet stand-ins (bench/deps.ts), with files a test can inspect.
 */
import { benchDeps } from '../../../bench/deps';
import type { ServerDeps } from '../../../server/deps';
import { FakeFiles } from './files';

export function quietDeps(store: ServerDeps['store'], overrides: Partial<ServerDeps> = {}): ServerDeps {
  return benchDeps(store, { files: new FakeFiles(), ...overrides });
}
