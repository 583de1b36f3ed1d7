/**
 * Who the caller is (`session.get`). Asked once per app run and remembered: the role decides only
 * what the pages offer (the server checks every admin action itself), so a stale answer can at
 * worst show an entry that the server then refuses.
 */
import type { DataOf } from '@beian/core';
import { call } from './cloud';

export type Session = DataOf<'filing', 'session.get'>;

let remembered: Promise<Session | null> | null = null;
let known: Session | null = null;

/** The caller's session, or null when it cannot be had (offline, old WeChat): the page degrades. */
export function loadSession(): Promise<Session | null> {
  if (!remembered) {
    remembered = call('filing', 'session.get', {}).then((envelope) => {
      if (envelope.ok) return (known = envelope.data);
      remembered = null; // a failure is not remembered: the next page asks again
      return null;
    });
  }
  return remembered;
}

/**
 * The session if it has already arrived. A subscribe request must be made synchronously inside
 * the tap, so pages warm the session on load and read it here without awaiting.
 */
export function knownSession(): Session | null {
  return known;
}

export async function isAdmin(): Promise<boolean> {
  const session = await loadSession();
  return session?.role === 'admin';
}
