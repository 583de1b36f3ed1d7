/**
 * Reading a saved certificate photo (docs/certificate-recognition.md): the server reads the photo
 * the saved draft holds at `field` and answers what it read, mapped onto form paths.
 */
import type { DataOf, Envelope } from '@beian/core';
import { call } from './cloud';

export type Reading = DataOf<'filing', 'certificate.recognize'>;

export function recognizeCertificate(id: string, field: string): Promise<Envelope<Reading>> {
  return call('filing', 'certificate.recognize', { id, field });
}
