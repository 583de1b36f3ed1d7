/**
 * What the emulated open platform pushes to Beian, sealed as WeChat seals it: the message as flat
 * XML, encrypted with the platform's EncodingAESKey and signed with its token (crypto.ts), in an
 * `<xml><AppId/><Encrypt/></xml>` envelope for the 授权事件接收 URL (the ticket and authorization
 * events, named by InfoType) or `<xml><ToUserName/><Encrypt/></xml>` for the 消息与事件接收 URL of
 * one authorizer (the ICP events, MsgType event named by Event). Where it goes is the sink's
 * business: the local cloud records it by default, and Beian's intake can be wired in instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sealEnvelope } from '../../server/wechat/events';
import { toXml } from '../../server/wechat/xml';
import type { LocalClock } from '../clock';
import type { PlatformSecrets } from './secrets';

export type PushTarget = { kind: 'component' } | { kind: 'authorizer'; appid: string };

/** One HTTP push as WeChat makes it: the URL's query and the raw body. */
export interface PushRequest {
  query: { msg_signature: string; timestamp: string; nonce: string; encrypt_type: 'aes' };
  body: string;
}

/** Where pushes go. A throw (or a rejected promise) is a delivery that failed: WeChat heard no "success". */
export interface EventSink {
  deliver(target: PushTarget, request: PushRequest): Promise<void>;
}

export interface Delivery {
  seq: number;
  at: string;
  target: PushTarget;
  /** InfoType or Event. */
  event: string;
  /** The plaintext message, for reading in a test or with curl. */
  message: string;
  request: PushRequest;
  outcome: 'delivered' | 'failed';
  error?: string;
}

/** A delivery the sink refused; the route that pushed says so. */
export class PushFailed extends Error {
  constructor(readonly delivery: Delivery) {
    super(`推送 ${delivery.event} 给 Beian 失败：${delivery.error ?? ''}`);
    this.name = 'PushFailed';
  }
}

/** What is kept of the pushes in memory, newest last. */
const MAX_KEPT_DELIVERIES = 1000;

/** The default sink: keeps nothing itself; the pusher records every delivery. */
export const RECORDING_SINK: EventSink = { deliver: async () => undefined };

export class Pusher {
  private readonly kept: Delivery[] = [];
  private seq = 0;

  constructor(
    private readonly sink: EventSink,
    private readonly secrets: PlatformSecrets,
    private readonly clock: LocalClock,
  ) {}

  deliveries(): readonly Delivery[] {
    return this.kept;
  }

  /** An event for the 授权事件接收 URL: `InfoType` names it. */
  component(infoType: string, fields: Record<string, string | number>): Promise<Delivery> {
    const message = toXml({
      AppId: this.secrets.componentAppid,
      CreateTime: this.createTime(),
      InfoType: infoType,
      ...fields,
    });
    return this.push({ kind: 'component' }, infoType, message, undefined);
  }

  /** An event of one authorizer for the 消息与事件接收 URL: `MsgType=event`, `Event` names it. */
  authorizer(appid: string, event: string, fields: Record<string, string | number>): Promise<Delivery> {
    const toUserName = originalIdOf(appid);
    const message = toXml({
      ToUserName: toUserName,
      FromUserName: `o${createHash('sha1').update(`system:${appid}`).digest('base64url').slice(0, 27)}`,
      CreateTime: this.createTime(),
      MsgType: 'event',
      Event: event,
      ...fields,
    });
    return this.push({ kind: 'authorizer', appid }, event, message, toUserName);
  }

  private async push(
    target: PushTarget,
    event: string,
    message: string,
    toUserName?: string,
  ): Promise<Delivery> {
    const timestamp = String(this.createTime());
    const nonce = String(randomBytes(4).readUInt32BE());
    const sealed = sealEnvelope(
      {
        appid: this.secrets.componentAppid,
        token: this.secrets.token,
        encodingAesKey: this.secrets.encodingAesKey,
      },
      message,
      { timestamp, nonce, ...(toUserName === undefined ? {} : { toUserName }) },
    );
    const request: PushRequest = {
      query: { msg_signature: String(sealed.query.msg_signature), timestamp, nonce, encrypt_type: 'aes' },
      body: sealed.body,
    };
    this.seq += 1;
    const delivery: Delivery = {
      seq: this.seq,
      at: this.clock.now().toISOString(),
      target,
      event,
      message,
      request,
      outcome: 'delivered',
    };
    this.kept.push(delivery);
    if (this.kept.length > MAX_KEPT_DELIVERIES) this.kept.shift();
    try {
      await this.sink.deliver(target, request);
    } catch (error) {
      delivery.outcome = 'failed';
      delivery.error = error instanceof Error ? error.message : String(error);
      throw new PushFailed(delivery);
    }
    return delivery;
  }

  private createTime(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

/** A mini-program's original id (原始 ID, gh_…), stable per appid. */
export function originalIdOf(appid: string): string {
  return `gh_${createHash('sha1').update(appid).digest('hex').slice(0, 12)}`;
}
