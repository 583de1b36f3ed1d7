/**
 * What WeChat pushes to Beian, taken in once (docs/wechat-platform.md § Events): verified and
 * decrypted (events.ts), then handled — the verify ticket stored, an authorization turned into
 * tokens with api_query_auth, a revocation recorded, an ICP result noted for the channel.
 *
 * WeChat redelivers a push it did not see `success` for (three tries). Each event is claimed
 * under its key before it is handled and marked done after: a redelivery of a done event is
 * answered `success` and changes nothing; one that failed is handled again on the next try.
 */
import { createHash } from 'node:crypto';
import type { Clock, Logger } from '../ports';
import { eventKey, openEnvelope, type PushRequest, type WeChatEvent } from './events';
import type { Platform } from './platform';
import { replaceRecord, type PlatformRecords } from './records';

/** A claim older than this is taken to be from an instance that died while handling. */
const CLAIM_MS = 60_000;

export interface IntakeAnswer {
  status: 200 | 400 | 403 | 500 | 503;
  body: string;
}

export interface IntakeDeps {
  platform: Platform | null;
  records: PlatformRecords;
  clock: Clock;
  logger: Logger;
  /**
   * An ICP result or a face-verification result arrived for this mini-program: the channel looks
   * at its applications now (server/channel/follow.ts). Its own failures are its own: the push is
   * handled once the event is noted, and the poll comes back to whatever the look missed.
   */
  follow?: (appid: string) => Promise<void>;
}

interface Claim {
  state: 'handling' | 'done' | 'failed';
  type: string;
  at: string;
}

export async function takeIn(deps: IntakeDeps, request: PushRequest): Promise<IntakeAnswer> {
  if (!deps.platform) return { status: 503, body: 'not a third-party platform' };
  const opened = openEnvelope(deps.platform.config, request);
  if (!opened.ok) {
    deps.logger.error(`wechat push refused: ${opened.error}`);
    return {
      status: opened.error === 'signature' || opened.error === 'appid' ? 403 : 400,
      body: opened.error,
    };
  }
  const event = opened.event;
  const key = `event:${createHash('sha256').update(eventKey(event)).digest('hex').slice(0, 40)}`;
  const claimed = await claim(deps, key, event.type);
  if (claimed === null) {
    deps.logger.info(`wechat push ${event.type}: already handled`);
    return { status: 200, body: 'success' };
  }
  try {
    await handle(deps.platform, deps, event);
  } catch (error) {
    await settle(deps, key, claimed, {
      state: 'failed',
      type: event.type,
      at: deps.clock.now().toISOString(),
    });
    deps.logger.error(`wechat push ${event.type} failed (WeChat will retry)`, error);
    return { status: 500, body: 'retry' };
  }
  await settle(deps, key, claimed, { state: 'done', type: event.type, at: deps.clock.now().toISOString() });
  deps.logger.info(`wechat push ${event.type}: handled`);
  return { status: 200, body: 'success' };
}

async function handle(platform: Platform, deps: IntakeDeps, event: WeChatEvent): Promise<void> {
  switch (event.type) {
    case 'component_verify_ticket':
      return platform.tokens.acceptTicket(event.ticket);
    case 'authorized':
    case 'updateauthorized':
      await platform.tokens.authorize(event.authorizationCode);
      return;
    case 'unauthorized':
      return platform.tokens.revoke(event.authorizerAppid);
    case 'notify_apply_icpfiling_result':
    case 'notify_icpfiling_verify_result':
      // Kept for the channel's sync, which reads WeChat's state itself: the push says when, not what.
      await note(deps, event);
      await deps.follow?.(
        event.type === 'notify_apply_icpfiling_result' ? event.authorizerAppid : event.verifyAppid,
      );
      return;
    default:
      return;
  }
}

async function note(deps: IntakeDeps, event: WeChatEvent): Promise<void> {
  const appid = event.type === 'notify_apply_icpfiling_result' ? event.authorizerAppid : '';
  const key = event.type === 'notify_icpfiling_verify_result' ? `verify:${event.taskId}` : `icp:${appid}`;
  await replaceRecord(deps.records, key, () => JSON.stringify(event), deps.clock.now().toISOString());
}

/** The claim's revision when this instance may handle the event; null when it is taken or done. */
async function claim(deps: IntakeDeps, key: string, type: string): Promise<number | null> {
  const now = deps.clock.now();
  const record = await deps.records.read(key);
  if (record) {
    const held = JSON.parse(record.value) as Claim;
    const live = held.state === 'handling' && now.getTime() - Date.parse(held.at) < CLAIM_MS;
    if (held.state === 'done' || live) return null;
  }
  const next: Claim = { state: 'handling', type, at: now.toISOString() };
  const won = await deps.records.write(key, JSON.stringify(next), record?.rev ?? null, now.toISOString());
  return won ? (record?.rev ?? 0) + 1 : null;
}

async function settle(deps: IntakeDeps, key: string, rev: number, claimState: Claim): Promise<void> {
  await deps.records.write(key, JSON.stringify(claimState), rev, claimState.at);
}
