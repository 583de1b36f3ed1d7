/**
 * WeChat's tables (enumerations and district tree) as the server knows them: one platform record
 * (`tables`), refreshed by the scheduler at most once a day, read by every check. WeChat updates
 * them irregularly and says not to hard-code them; without a stored copy (a manual deployment, or
 * before the first refresh) the checks use core's BUILT_IN_TABLES.
 */
import {
  BUILT_IN_TABLES,
  isFilingTables,
  tablesFromWeChat,
  type FilingTables,
  type TablesRefreshReport,
} from '@beian/core';
import type { ServerDeps } from '../deps';
import type { Platform } from '../wechat/platform';
import type { PlatformRecord } from '../wechat/records';

export const TABLES_KEY = 'tables';
/** WeChat's lists change now and then, not by the hour: a day is fresh enough and costs 5 calls. */
export const TABLES_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How long one function instance reuses the stored tables before reading them again. */
export const TABLES_CACHE_MS = 60 * 1000;

export interface StoredTables {
  version: string;
  fetchedAt: string;
  tables: FilingTables;
}

function parse(record: PlatformRecord | null): StoredTables | null {
  if (!record) return null;
  try {
    const stored = JSON.parse(record.value) as Partial<StoredTables>;
    if (typeof stored.fetchedAt !== 'string' || !isFilingTables(stored.tables)) return null;
    return { version: stored.tables.version, fetchedAt: stored.fetchedAt, tables: stored.tables };
  } catch {
    // A record nobody can read is as good as none: the next refresh overwrites it.
    return null;
  }
}

interface Cached {
  at: number;
  tables: FilingTables;
}

// Per deps (one per function instance; one per harness in tests), so instances never share it.
const cache = new WeakMap<ServerDeps, Cached>();

/** The tables the checks use now: the stored ones when there are, else the built-in ones. */
export async function currentTables(deps: ServerDeps): Promise<FilingTables> {
  const now = deps.clock.now().getTime();
  const cached = cache.get(deps);
  if (cached && now - cached.at >= 0 && now - cached.at < TABLES_CACHE_MS) return cached.tables;
  const stored = parse(await deps.store.platform.read(TABLES_KEY));
  const tables = stored?.tables ?? BUILT_IN_TABLES;
  cache.set(deps, { at: now, tables });
  return tables;
}

async function fetchTables(platform: Platform, appid: string): Promise<FilingTables> {
  const icp = platform.icp(appid);
  // One after another: five small calls once a day, and a failure stops the rest.
  const subjectTypes = await icp.subjectTypes();
  const certificateTypes = await icp.certificateTypes();
  const serviceContentTypes = await icp.serviceContentTypes();
  const nrlxTypes = await icp.nrlxTypes();
  const districts = await icp.districts();
  return tablesFromWeChat({ subjectTypes, certificateTypes, serviceContentTypes, nrlxTypes, districts });
}

/**
 * The tick's step: fetch WeChat's tables as the first mini-program that authorized Beian when the
 * stored ones are missing or a day old. A WeChat failure throws (the tick logs and counts it) and
 * leaves the stored tables as they were.
 */
export async function refreshTables(deps: ServerDeps): Promise<TablesRefreshReport> {
  const record = await deps.store.platform.read(TABLES_KEY);
  const stored = parse(record);
  const version = stored?.version ?? BUILT_IN_TABLES.version;
  const platform = deps.wechat.platform;
  if (!platform) return { status: 'skipped', version };
  const now = deps.clock.now();
  if (stored && now.getTime() - Date.parse(stored.fetchedAt) < TABLES_MAX_AGE_MS) {
    return { status: 'current', version };
  }
  const [appid] = await platform.tokens.filingAppids();
  if (appid === undefined) return { status: 'skipped', version };
  const tables = await fetchTables(platform, appid);
  const next: StoredTables = { version: tables.version, fetchedAt: now.toISOString(), tables };
  // Lost only to another tick that refreshed at the same time: its copy is as fresh as ours.
  await deps.store.platform.write(TABLES_KEY, JSON.stringify(next), record?.rev ?? null, now.toISOString());
  cache.delete(deps);
  return { status: 'refreshed', version: tables.version };
}

/** What the tick reports when the step failed: the tables in use stay the stored ones. Never throws. */
export async function failedRefresh(deps: ServerDeps): Promise<TablesRefreshReport> {
  try {
    return { status: 'failed', version: (await currentTables(deps)).version };
  } catch {
    // The store failed too (already counted by the step): the checks fall back to the built-in tables.
    return { status: 'failed', version: BUILT_IN_TABLES.version };
  }
}
