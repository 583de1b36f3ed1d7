/**
 * Work in flight that a page is waiting for (cloud calls, uploads), so a script driving the
 * preview knows when the page has its data and has rendered it.
 */

let pending = 0;

export function pendingCount(): number {
  return pending;
}

/** Counts `work` as in flight until it settles and the page's own continuation has run. */
export async function track<T>(work: Promise<T>): Promise<T> {
  pending++;
  try {
    return await work;
  } finally {
    setTimeout(() => pending--, 0);
  }
}
