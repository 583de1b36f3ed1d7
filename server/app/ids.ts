import { randomBytes } from 'node:crypto';

/**
 * A new id: time first (base36 milliseconds, fixed width) so ids sort roughly by creation, then
 * 12 random hex digits so they cannot be guessed or enumerated.
 */
export function newId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
