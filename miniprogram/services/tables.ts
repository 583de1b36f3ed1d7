/**
 * WeChat's tables (enumerations and district tree) as the form uses them: the pickers' options and
 * the client-side checks. The server refreshes them from WeChat daily; here they are cached in wx
 * storage with their version, and refreshed once per app run by asking with the cached version
 * (a null answer means it is still current). Core's enumerations are bundled as the offline
 * default, but not its district tree: the phone's copy of core keeps only the provinces
 * (scripts/build-steps.ts), and the tree comes with the first `tables.get`, before the form opens.
 */
import { BUILT_IN_TABLES, isFilingTables, lookupOf, type FilingTables, type TableLookup } from '@beian/core';
import { call } from './cloud';

export const TABLES_STORAGE_KEY = 'beian.tables';

/**
 * The bundled tables. On the phone their tree holds provinces only, so they carry no version: the
 * server then always answers with its tables instead of "still current".
 */
export function builtInTables(): FilingTables {
  const complete = Object.keys(BUILT_IN_TABLES.regions.city_list).length > 0;
  return complete ? BUILT_IN_TABLES : { ...BUILT_IN_TABLES, version: '' };
}

let held: FilingTables | null = null;
let refreshing: Promise<FilingTables> | null = null;

function cached(): FilingTables | null {
  try {
    const stored: unknown = wx.getStorageSync(TABLES_STORAGE_KEY);
    return isFilingTables(stored) ? stored : null;
  } catch {
    // Storage unreadable (quota, a corrupted entry): as if nothing were cached.
    return null;
  }
}

function keep(tables: FilingTables): FilingTables {
  held = tables;
  try {
    wx.setStorageSync(TABLES_STORAGE_KEY, tables);
  } catch {
    // Not cached this time (storage full): this run still uses them, the next asks again.
  }
  return tables;
}

/** The tables to use right now: this run's, else the cached ones, else the bundled ones. */
export function currentTables(): FilingTables {
  held ??= cached() ?? builtInTables();
  return held;
}

/** Lookups over the current tables (kept per tables value, so this is cheap on every keystroke). */
export function currentLookup(): TableLookup {
  return lookupOf(currentTables());
}

async function fetchTables(): Promise<FilingTables> {
  const version = currentTables().version;
  const answer = await call('filing', 'tables.get', { version });
  if (!answer.ok) {
    refreshing = null; // a failure is not remembered: the next page asks again
    return currentTables();
  }
  const { tables } = answer.data;
  if (tables === null || !isFilingTables(tables)) return currentTables();
  return keep(tables);
}

/**
 * Asks the server once per app run whether the tables changed; resolves to the tables to use.
 * Never rejects: offline, the current ones stay.
 */
export function refreshTables(): Promise<FilingTables> {
  refreshing ??= fetchTables();
  return refreshing;
}
