/**
 * Whether Beian may file through WeChat for a mini-program (`platform.authorization`). Asked when
 * the filer reaches the summary; remembered per appid for a minute, since the links inside
 * expire and the administrator may authorize in the meantime.
 */
import type { PlatformAuthorization } from '@beian/core';
import { call } from './cloud';

const KEEP_MS = 60_000;
const asked = new Map<string, { at: number; answer: PlatformAuthorization }>();

/** The answer, or null when it cannot be had now (offline): the form simply shows nothing. */
export async function platformAuthorization(appid: string): Promise<PlatformAuthorization | null> {
  const kept = asked.get(appid);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.answer;
  const envelope = await call('filing', 'platform.authorization', { appid });
  if (!envelope.ok) return null;
  asked.set(appid, { at: Date.now(), answer: envelope.data });
  return envelope.data;
}
