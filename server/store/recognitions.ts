/**
 * What was read off an application's certificate photos (certificate.recognize), kept beside the
 * application rather than in it: reading a photo must not change the application's version, or
 * the filer's next save would be refused as stale.
 */
import type { Recognition } from '@beian/core';

export interface RecognitionRecords {
  /** Keeps the reading of one photo, replacing an earlier reading of the same photo path. */
  put(applicationId: string, recognition: Recognition): Promise<void>;
  /** The readings of an application's photos, oldest first. */
  of(applicationId: string): Promise<Recognition[]>;
}

/** A stored reading, as far as storage can be trusted: what does not parse is left out. */
export function parseRecognition(text: unknown): Recognition | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Recognition) : null;
  } catch {
    return null;
  }
}
