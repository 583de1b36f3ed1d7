/**
 * The story's view of a running local cloud besides the pages: its manual clock (`/_/clock`), an
 * operator call to the `admin` function (the cloud console's "invoke with JSON"), and its HTTP
 * contract for what a story sets up without pictures.
 */
import { TEMPLATE_ROLES } from '@beian/core';
import { loadConfig } from '../../server/config';
import { CloudClient } from '../client';
import type { StoryCloud } from './story-data';

export function localCloudClient(url: string, operatorKey: string): StoryCloud {
  const json = async (path: string, init?: RequestInit): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json' },
    });
    const body = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const { templates } = loadConfig(process.env);
  return {
    client: new CloudClient(url),
    templateIds: TEMPLATE_ROLES.map((role) => templates[role].templateId),
    now: async () => new Date(((await json('/_/clock')) as { now: string }).now),
    advance: async (ms) => {
      await json('/_/clock', { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
    },
    addAdmin: async (openid, name) => {
      const answer = (await json('/functions/admin', {
        method: 'POST',
        body: JSON.stringify({
          event: {
            action: 'admins.add',
            openid,
            name,
            operator: { name: 'preview story', key: operatorKey },
          },
        }),
      })) as { ok: boolean; error?: { code: string; message: string } };
      if (!answer.ok && answer.error?.code !== 'CONFLICT') {
        throw new Error(`admins.add ${openid}: ${answer.error?.message ?? 'failed'}`);
      }
    },
  };
}
