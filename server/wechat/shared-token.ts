/**
 * A token every function instance shares through the store, refreshed by exactly one of them.
 *
 * The record holds the token and, while someone refreshes it, a lease. An instance that finds
 * the token due claims the lease with a conditional write; the one whose write lands calls
 * WeChat, the others keep using the current token while it is still valid (we refresh well ahead
 * of expiry) or wait for the winner's write. A refresher that dies mid-call loses its lease after
 * LEASE_MS and the next caller takes over. Calling WeChat's token endpoint twice would not only
 * waste quota: a second `api_authorizer_token` can invalidate the first one's token.
 */
import type { Clock } from '../ports';
import { WeChatError } from './errors';
import { replaceRecord, type PlatformRecords } from './records';

/** Refresh this long before expiry; WeChat's tokens live 7,200 s. */
export const REFRESH_AHEAD_MS = 10 * 60_000;
const LEASE_MS = 30_000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 15_000;

export interface Expiring {
  /** ISO time the token stops working. */
  expiresAt: string;
}

interface Stored<T> {
  value: T | null;
  refreshUntil: string | null;
}

export interface SharedTokenOptions<T extends Expiring> {
  records: PlatformRecords;
  key: string;
  clock: Clock;
  /** Fetches a new value from WeChat; gets the current one (e.g. for its refresh token). */
  refresh(current: T | null): Promise<T>;
  /** A value that must not be refreshed automatically (e.g. a revoked authorization). */
  blocked?(value: T | null): WeChatError | null;
  sleep?: (ms: number) => Promise<void>;
}

export async function sharedToken<T extends Expiring>(options: SharedTokenOptions<T>): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  for (;;) {
    const record = await options.records.read(options.key);
    const stored = parse<T>(record?.value);
    const blocked = options.blocked?.(stored.value) ?? null;
    if (blocked) throw blocked;
    const now = options.clock.now().getTime();
    const next = decide(stored, now);
    if (next === 'use') return stored.value as T;
    if (next === 'claim') {
      const lease: Stored<T> = { value: stored.value, refreshUntil: new Date(now + LEASE_MS).toISOString() };
      const at = new Date(now).toISOString();
      if (await options.records.write(options.key, JSON.stringify(lease), record?.rev ?? null, at)) {
        return finishRefresh(options, stored.value, (record?.rev ?? 0) + 1);
      }
      continue; // someone else claimed it between our read and write: look again
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new WeChatError(options.key, 0, '另一个实例刷新凭证超时', 'transport');
    }
    await sleep(WAIT_STEP_MS);
  }
}

/** Use the stored token, claim the refresh, or wait for the instance refreshing it. */
function decide<T extends Expiring>(stored: Stored<T>, now: number): 'use' | 'claim' | 'wait' {
  const left = stored.value ? remaining(stored.value, now) : 0;
  if (left > REFRESH_AHEAD_MS) return 'use';
  const leaseFree = !stored.refreshUntil || Date.parse(stored.refreshUntil) <= now;
  if (leaseFree) return 'claim';
  // Another instance is refreshing ahead of expiry: the current token still works meanwhile.
  return left > 0 ? 'use' : 'wait';
}

/** Marks `token` spent (WeChat said 40001/42001) so the next call refreshes; a newer one is kept. */
export async function spendToken<T extends Expiring>(
  records: PlatformRecords,
  key: string,
  isSame: (value: T) => boolean,
  at: Date,
): Promise<void> {
  const record = await records.read(key);
  const stored = parse<T>(record?.value);
  if (!record || !stored.value || !isSame(stored.value)) return;
  const spent: Stored<T> = { ...stored, value: { ...stored.value, expiresAt: new Date(0).toISOString() } };
  await records.write(key, JSON.stringify(spent), record.rev, at.toISOString());
}

/** Writes a value obtained elsewhere (api_query_auth, an event), whatever is stored. */
export async function storeToken<T>(
  records: PlatformRecords,
  key: string,
  update: (current: T | null) => T,
  at: Date,
): Promise<T> {
  let next: T | undefined;
  await replaceRecord(
    records,
    key,
    (current) => {
      next = update(parse<T>(current ?? undefined).value);
      const value: Stored<T> = { value: next, refreshUntil: null };
      return JSON.stringify(value);
    },
    at.toISOString(),
  );
  return next as T;
}

export async function readToken<T>(records: PlatformRecords, key: string): Promise<T | null> {
  return parse<T>((await records.read(key))?.value).value;
}

async function finishRefresh<T extends Expiring>(
  options: SharedTokenOptions<T>,
  current: T | null,
  rev: number,
): Promise<T> {
  const at = () => options.clock.now().toISOString();
  let next: T;
  try {
    next = await options.refresh(current);
  } catch (error) {
    const released: Stored<T> = { value: current, refreshUntil: null };
    await options.records.write(options.key, JSON.stringify(released), rev, at());
    throw error;
  }
  const fresh: Stored<T> = { value: next, refreshUntil: null };
  // Lost only if our lease ran out and another instance refreshed: its token is as good as ours.
  await options.records.write(options.key, JSON.stringify(fresh), rev, at());
  return next;
}

function remaining(value: Expiring, now: number): number {
  return Date.parse(value.expiresAt) - now;
}

function parse<T>(json: string | undefined): Stored<T> {
  if (json === undefined) return { value: null, refreshUntil: null };
  const parsed = JSON.parse(json) as Partial<Stored<T>>;
  return { value: parsed.value ?? null, refreshUntil: parsed.refreshUntil ?? null };
}
