/**
 * The calls the server suites make over and over, each on one line: a filer's save by path and
 * submission, and the authority's approval with a record number, all at the version a test read.
 * `version` is passed through as given (undefined included), so a suite can still send a wrong one.
 */
import type { Caller } from './harness';

/** `draft.save` of `patch` to application `id` at `version`. */
export const patchAt = (
  caller: Caller,
  id: string,
  version: number | undefined,
  patch: Record<string, unknown>,
) => caller.filing('draft.save', { id, version, patch });

/** `filing.submit` of application `id` at `version`, under `requestId`. */
export const submitAt = (caller: Caller, id: string, version: number | undefined, requestId: string) =>
  caller.filing('filing.submit', { id, version, requestId });

/** `authority.approve` of application `id` at `version`, with `recordNumber`. */
export const fileAt = (
  caller: Caller,
  id: string,
  version: number | undefined,
  recordNumber: string | null,
) => caller.admin('authority.approve', { id, version, recordNumber });
