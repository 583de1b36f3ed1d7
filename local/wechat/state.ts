/**
 * Everything the emulated open platform remembers, in one JSON file of the data folder (kept like
 * the messenger's ledger: read once, written whole after every change, so a restart carries on
 * where it stopped). Media bytes are files of their own (media.ts): the state stays small enough
 * to rewrite on every call. Times are milliseconds of the local clock.
 */
import { z } from 'zod';
import type { ApplyIcpFilingRequest } from '../../server/wechat/api';
import { readJsonFile, writeJsonFile } from '../json-file';

/** What `GET /_/wechat/requests` keeps; the oldest calls go first. */
export const MAX_KEPT_REQUESTS = 2000;

const expiring = z.object({ value: z.string(), expiresAt: z.number() });

const auditItem = z.object({ key_name: z.string(), error: z.string(), suggest: z.string() });

/** An apply body is only ever stored after validation: the file holds what WeChat accepted. */
const application = z.custom<ApplyIcpFilingRequest>(
  (value) => typeof value === 'object' && value !== null && 'icp_subject' in value && 'icp_applets' in value,
);

const order = z.object({
  status: z.number().int(),
  smsVerifyStatus: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  isCanceling: z.boolean(),
  auditData: z.array(auditItem),
  /** The last application WeChat accepted (null once withdrawn). */
  application: application.nullable(),
  /** The filing in force: what `get_online_icp_order` answers. */
  filed: z.object({ application, subjectRecordNumber: z.string(), recordNumber: z.string() }).nullable(),
});

const requestEntry = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  body: z.unknown(),
  response: z.unknown(),
});

const stateSchema = z.object({
  /** component_verify_ticket pushes, newest last. */
  tickets: z.array(z.object({ value: z.string(), pushedAt: z.number() })),
  componentTokens: z.array(expiring),
  preAuthCodes: z.array(expiring),
  authCodes: z.array(expiring.extend({ appid: z.string(), used: z.boolean() })),
  authorizers: z.record(
    z.string(),
    z.object({ authorized: z.boolean(), refreshToken: z.string(), authorizedAt: z.number() }),
  ),
  authorizerTokens: z.array(expiring.extend({ appid: z.string() })),
  media: z.record(
    z.string(),
    z.object({
      appid: z.string(),
      type: z.enum(['image', 'video']),
      certificateType: z.number().int().nullable(),
      icpOrderField: z.string(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      createdAt: z.number(),
    }),
  ),
  verifyTasks: z.record(
    z.string(),
    z.object({
      appid: z.string(),
      alongWithAuth: z.boolean(),
      createdAt: z.number(),
      faceStatus: z.union([z.literal(0), z.literal(2), z.literal(3)]),
      finishedAt: z.number().nullable(),
    }),
  ),
  orders: z.record(z.string(), order),
  /** The last subject number issued (京ICP备2026000123号 → 123). */
  recordSeq: z.number().int().min(0),
  requests: z.array(requestEntry),
});

export type PlatformState = z.infer<typeof stateSchema>;
export type OrderState = z.infer<typeof order>;
export type MediaRecord = PlatformState['media'][string];
export type VerifyTaskRecord = PlatformState['verifyTasks'][string];
export type RequestEntry = z.infer<typeof requestEntry>;

function empty(): PlatformState {
  return {
    tickets: [],
    componentTokens: [],
    preAuthCodes: [],
    authCodes: [],
    authorizers: {},
    authorizerTokens: [],
    media: {},
    verifyTasks: {},
    orders: {},
    recordSeq: 0,
    requests: [],
  };
}

export class StateFile {
  readonly state: PlatformState;

  constructor(private readonly file: string) {
    this.state = readJsonFile(file, stateSchema) ?? empty();
  }

  /** Runs a change and writes the whole state, so no answer is given for a change not on disk. */
  change<T>(work: (state: PlatformState) => T): T {
    const result = work(this.state);
    this.save();
    return result;
  }

  logRequest(entry: RequestEntry): void {
    this.change((state) => {
      state.requests.push(entry);
      if (state.requests.length > MAX_KEPT_REQUESTS) state.requests.shift();
    });
  }

  private save(): void {
    writeJsonFile(this.file, this.state);
  }
}
