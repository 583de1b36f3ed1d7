/**
 * A local cloud for the emulated open platform's tests, driven over HTTP only: the API at
 * `cloud.wechat.apiBaseUrl`, the `/_/wechat/*` routes, and the recorded pushes, decrypted with the
 * platform's secrets as Beian's intake would decrypt them. It plays Beian's part of the token
 * chain (ticket → component token → authorization code → authorizer token) itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud, LocalCloudOptions } from '../../../local/cloud';
import { TempCloud } from '../../helpers/temp-cloud';
import { RECORDING_SINK } from '../../../local/wechat/push';
import { openEnvelope, type WeChatEvent } from '../../../server/wechat/events';
import { APPLY_UPLOADS, wechatApplyBody, type ApplyMedia } from '../../fixtures/wechat-apply';
import type { ApplyIcpFilingRequest } from '../../../server/wechat/api';

export const START = new Date('2026-11-02T02:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  json: Json;
}

export class WeChatCloud extends TempCloud {
  static async start(options: Partial<LocalCloudOptions> = {}): Promise<WeChatCloud> {
    const test = new WeChatCloud(mkdtempSync(join(tmpdir(), 'beian-wechat-')), options);
    await test.boot();
    return test;
  }

  /** Drives a cloud someone else started (and will close). */
  static of(cloud: LocalCloud): WeChatCloud {
    const test = new WeChatCloud('', {});
    test.cloud = cloud;
    return test;
  }

  protected defaults(): Partial<LocalCloudOptions> {
    return {
      operatorKey: 'wechat-test-key',
      startAt: START,
      // These tests play Beian's side of the token chain themselves: pushes are only recorded.
      wechatSink: RECORDING_SINK,
    };
  }

  /** A call to the emulated WeChat API, as Beian's client makes it. */
  async api(path: string, query: Record<string, string>, body?: unknown): Promise<Json> {
    const url = `${this.cloud.wechat.apiBaseUrl}${path}?${new URLSearchParams(query).toString()}`;
    const response = await fetch(
      url,
      body === undefined
        ? {}
        : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }

  async upload(token: string, fields: Record<string, string>, bytes = Buffer.from('photo')): Promise<Json> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    const url = `${this.cloud.wechat.apiBaseUrl}/wxa/icp/upload_icp_media?access_token=${token}`;
    const response = await fetch(url, { method: 'POST', body: form });
    return (await response.json()) as Json;
  }

  /** A development route. */
  async post(path: string, body: unknown): Promise<Answer> {
    const response = await fetch(`${this.cloud.url}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  async get(path: string): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.cloud.url}${path}`);
    return { status: response.status, json: await response.json() };
  }

  async advance(ms: number): Promise<void> {
    expect((await this.post('/_/clock', { advanceMs: ms })).status).toBe(200);
  }

  /** Every push so far, opened as Beian's intake opens it. */
  events(): WeChatEvent[] {
    const { appid, token, encodingAesKey } = this.secrets();
    return this.cloud.wechat.deliveries().map((delivery) => {
      const opened = openEnvelope({ appid, token, encodingAesKey }, delivery.request);
      if (!opened.ok) throw new Error(`push did not open: ${opened.error}`);
      return opened.event;
    });
  }

  lastEvent(): WeChatEvent {
    const event = this.events().at(-1);
    if (!event) throw new Error('no push yet');
    return event;
  }

  secrets(): { appid: string; appsecret: string; token: string; encodingAesKey: string } {
    const { componentAppid, componentAppsecret, token, encodingAesKey } = this.cloud.wechat.secrets;
    return { appid: componentAppid, appsecret: componentAppsecret, token, encodingAesKey };
  }

  /** The ticket of the latest component_verify_ticket push. */
  lastTicket(): string {
    const ticket = [...this.events()].reverse().find((e) => e.type === 'component_verify_ticket');
    if (ticket?.type !== 'component_verify_ticket') throw new Error('no ticket pushed');
    return ticket.ticket;
  }

  /** WeChat's answer to api_component_token for `ticket`. */
  componentTokenAnswer(ticket: string): Promise<Json> {
    const { appid, appsecret } = this.secrets();
    return this.api(
      '/cgi-bin/component/api_component_token',
      {},
      { component_appid: appid, component_appsecret: appsecret, component_verify_ticket: ticket },
    );
  }

  async componentToken(): Promise<string> {
    const answer = await this.componentTokenAnswer(this.lastTicket());
    return String(answer.component_access_token);
  }

  /** A call of the component's own API: its token in the query, its appid first in the body. */
  componentCall(path: string, componentToken: string, body: Json): Promise<Json> {
    return this.api(
      path,
      { component_access_token: componentToken },
      { component_appid: this.secrets().appid, ...body },
    );
  }

  /** Authorizes `appid` and exchanges the pushed code, as Beian's intake does. */
  async authorizerToken(appid: string): Promise<{ token: string; refreshToken: string }> {
    expect((await this.post('/_/wechat/authorize', { appid })).status).toBe(200);
    const event = this.lastEvent();
    if (event.type !== 'authorized') throw new Error(`expected authorized, got ${event.type}`);
    const answer = await this.componentCall(
      '/cgi-bin/component/api_query_auth',
      await this.componentToken(),
      {
        authorization_code: event.authorizationCode,
      },
    );
    const info = answer.authorization_info as Json;
    return {
      token: String(info.authorizer_access_token),
      refreshToken: String(info.authorizer_refresh_token),
    };
  }

  /** Uploads each media a valid apply needs, with its certificate type. */
  async uploadAll(token: string): Promise<ApplyMedia> {
    const media: Partial<ApplyMedia> = {};
    for (const [key, upload] of Object.entries(APPLY_UPLOADS)) {
      const answer = await this.upload(token, {
        type: 'image',
        certificate_type: String(upload.certificate_type),
        icp_order_field: upload.icp_order_field,
      });
      media[key as keyof ApplyMedia] = String(answer.media_id);
    }
    return media as ApplyMedia;
  }

  async finishedTask(token: string, faceStatus: 2 | 3 = 3, alongWithAuth = false): Promise<string> {
    const created = await this.api(
      '/wxa/icp/create_icp_verifytask',
      { access_token: token },
      { along_with_auth: alongWithAuth },
    );
    const taskId = String(created.task_id);
    expect((await this.post(`/_/wechat/verify-tasks/${taskId}`, { face_status: faceStatus })).status).toBe(
      200,
    );
    return taskId;
  }

  /** An authorized appid with every media uploaded and a finished verify task: a body WeChat takes. */
  async readyToApply(
    appid: string,
  ): Promise<{ token: string; media: ApplyMedia; body: ApplyIcpFilingRequest }> {
    const { token } = await this.authorizerToken(appid);
    const media = await this.uploadAll(token);
    const body = wechatApplyBody(media, await this.finishedTask(token));
    return { token, media, body };
  }

  async apply(token: string, body: unknown): Promise<Json> {
    return this.api('/wxa/icp/apply_icp_filing', { access_token: token }, body);
  }

  async review(appid: string, outcome: string, auditData?: unknown): Promise<Answer> {
    return this.post(
      `/_/wechat/icp/${appid}/review`,
      auditData === undefined ? { outcome } : { outcome, auditData },
    );
  }
}

/** The hints' err_fields of a refused apply. */
export function hintFields(answer: Json): string[] {
  expect(answer.errcode).toBe(86202);
  return (answer.hints as { err_field: string }[]).map((hint) => hint.err_field);
}
