/**
 * A local cloud for end-to-end tests: started on a free port with a temporary data folder and a
 * manual clock, driven only through its HTTP contract — the functions, `/_/clock`,
 * `/_/triggers`, `/_/subscriptions`, `/_/messages` and storage — as the preview and the bench do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_ROLES,
  type ActionName,
  type DataOf,
  type Envelope,
  type FilingForm,
  type FilingView,
  type FunctionName,
  type OperatorCredentials,
  type ParamsOf,
  type TickReport,
} from '@beian/core';
import { CloudClient } from '../../local/client';
import type { LocalCloudOptions } from '../../local/cloud';
import { solidPng } from '../../local/demo-image';
import type { MessageRecord } from '../../local/messenger';
import { TempCloud } from '../helpers/temp-cloud';

export const OPERATOR_KEY = 'e2e-operator-key-0123';
export const OPERATOR: OperatorCredentials = { name: '值班操作员', key: OPERATOR_KEY };
export const FILER = 'o-filer-a';
export const OTHER_FILER = 'o-filer-b';
export const ADMIN = 'o-admin-1';
/** A Monday, 10:00 in Beijing. */
export const START = new Date('2026-11-02T02:00:00.000Z');
export const TEMPLATE = {
  progress: DEFAULT_TEMPLATES.progress.templateId,
  result: DEFAULT_TEMPLATES.result.templateId,
  todo: DEFAULT_TEMPLATES.todo.templateId,
};

export class TestCloud extends TempCloud {
  readonly logs: string[] = [];
  client!: CloudClient;

  static async start(options: Partial<LocalCloudOptions> = {}): Promise<TestCloud> {
    const test = new TestCloud(mkdtempSync(join(tmpdir(), 'beian-e2e-')), options);
    await test.boot();
    return test;
  }

  protected defaults(): Partial<LocalCloudOptions> {
    return { operatorKey: OPERATOR_KEY, startAt: START, log: (line) => this.logs.push(line) };
  }

  protected override async boot(): Promise<void> {
    await super.boot();
    this.client = new CloudClient(this.cloud.url);
  }

  get url(): string {
    return this.cloud.url;
  }

  /** A typed call as the mini-program user `openid`. */
  as<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    params: ParamsOf<F, A>,
  ): Promise<Envelope<DataOf<F, A>>> {
    return this.client.as(openid, fn, action, params);
  }

  /** A console call with the cloud's operator key. */
  operator<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    params: ParamsOf<F, A>,
  ): Promise<Envelope<DataOf<F, A>>> {
    return this.client.operator({ ...OPERATOR, key: this.cloud.operatorKey }, fn, action, params);
  }

  async get(path: string): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.url}${path}`);
    return { status: response.status, json: await response.json() };
  }

  async post(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  }

  async advance(ms: number): Promise<string> {
    const { status, json } = await this.post('/_/clock', { advanceMs: ms });
    if (status !== 200) throw new Error(`clock: ${JSON.stringify(json)}`);
    return (json as { now: string }).now;
  }

  /** Fires the scheduler's timer trigger now and answers what the tick did. */
  async tick(): Promise<TickReport> {
    const { json } = await this.post('/_/triggers/scheduler');
    return ok(json as Envelope<TickReport>);
  }

  async messages(touser?: string): Promise<MessageRecord[]> {
    const { json } = await this.get(`/_/messages${touser ? `?touser=${touser}` : ''}`);
    return (json as { messages: MessageRecord[] }).messages;
  }

  /**
   * One tap's consent, as the mini-program gives it: WeChat's sheet accepted for `templates`
   * (credits at WeChat), then `subscription.record` (credits the server counts).
   */
  async consent(openid: string, templates: readonly string[] = TEMPLATE_ROLES.map((r) => TEMPLATE[r])) {
    const results = Object.fromEntries(templates.map((id) => [id, 'accept' as const]));
    const sheet = await this.post('/_/subscriptions', { openid, results });
    if (sheet.status !== 200) throw new Error(`consent: ${JSON.stringify(sheet.json)}`);
    ok(await this.as(openid, 'filing', 'subscription.record', { results }));
  }

  /** `openid`'s new draft saved with `form`, its files uploaded to the local storage first. */
  async draftWith(openid: string, form: FilingForm): Promise<FilingView> {
    const draft = ok(await this.as(openid, 'filing', 'draft.create', { kind: 'new' })).filing;
    const local = await this.withLocalFiles(openid, form);
    return ok(
      await this.as(openid, 'filing', 'draft.save', { id: draft.id, version: draft.version, form: local }),
    ).filing;
  }

  /** `openid` submits application `id` at `version`; anything but acceptance fails the test. */
  async submitted(openid: string, id: string, version: number, requestId: string): Promise<FilingView> {
    return ok(await this.as(openid, 'filing', 'filing.submit', { id, version, requestId })).filing;
  }

  /** Uploads a small PNG for every file of `form` under `openid`'s prefix and points the form at them. */
  async withLocalFiles(openid: string, form: FilingForm): Promise<FilingForm> {
    const uploaded = new Map<string, string>();
    const replace = async (value: unknown): Promise<unknown> => {
      if (typeof value === 'string' && value.startsWith('cloud://')) {
        const name = value.split('/').pop() ?? 'file.jpg';
        const existing = uploaded.get(name);
        if (existing) return existing;
        const fileId = await this.client.upload(
          openid,
          `filings/${openid}/${name.replace(/\.jpg$/, '.png')}`,
          solidPng(8, 8, [200, 180, 160]),
          'image/png',
        );
        uploaded.set(name, fileId);
        return fileId;
      }
      if (Array.isArray(value)) return Promise.all(value.map(replace));
      if (typeof value === 'object' && value !== null) {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await replace(v)]));
        return Object.fromEntries(entries);
      }
      return value;
    };
    return (await replace(form)) as FilingForm;
  }
}

/**
 * A TestCloud for every test of the file: started before the first, closed after the last. `use`
 * receives it as it starts, so the file can name it once at its top.
 */
export function cloudForAll(use: (cloud: TestCloud) => void, options: Partial<LocalCloudOptions> = {}): void {
  let started: TestCloud | undefined;
  beforeAll(async () => {
    started = await TestCloud.start(options);
    use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

export function ok<T>(answer: Envelope<T>): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.data;
}
