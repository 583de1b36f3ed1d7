/**
 * The sending step, a durable job like the outbox (docs/wechat-platform.md § Sending): upload
 * every referenced file with `upload_icp_media` (cached per file and API field), then
 * `apply_icp_filing` — or, for a cancellation, `cancel_icp_filing`.
 *
 * Never twice for one submission: `send.state = calling` is written (conditional on the version)
 * before the call. A run that finds a `calling` older than the lease does not call blindly: it
 * asks `get_icp_entrance_info` whether WeChat has the order, and only calls again when it has not.
 * WeChat's 86324 (an order is open) is read the same way: the first call got through.
 */
import {
  faceTaskUsable,
  type Application,
  type MediaUpload,
  type Reason,
  type SendAttempt,
} from '@beian/core';
import type { ServerDeps } from '../deps';
import { ERRCODE, type FilingHint } from '../wechat/api';
import { WeChatError } from '../wechat/errors';
import type { IcpClient } from '../wechat/icp';
import { applyBody, CANCEL_TYPES, formPathOfApiPath, mediaNeeds, type MediaNeed } from '../wechat/mapping';
import { note, step, SYSTEM, WECHAT } from './steps';

/** A `calling` younger than this may be another instance's call still running. */
const CALL_LEASE_MS = 2 * 60_000;
const ONE_MINUTE = 60_000;
const HALF_HOUR = 30 * ONE_MINUTE;
/** After the n-th failure: 1 min, 5 min, 30 min, then every 2 h. */
const BACKOFF_MS = [ONE_MINUTE, 5 * ONE_MINUTE, HALF_HOUR, 4 * HALF_HOUR];

/** A failure the job retries later by itself. Others wait for an admin's retry. */
const TRANSIENT: readonly WeChatError['kind'][] = ['busy', 'transport', 'quota', 'token', 'no_ticket'];

export interface SendOptions {
  /** An admin's retry: run now, whatever the backoff says. */
  force?: boolean;
}

export async function followSend(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
  options: SendOptions = {},
): Promise<Application | null> {
  const send = currentSend(application);
  if (waiting(deps, send, options)) return null;
  if (send?.state === 'calling' && (await wechatHasIt(icp, application))) {
    return step(deps, application, { type: 'wechat_sent' }, SYSTEM);
  }
  const face = application.wechat?.face;
  // Lapsed on the way (retries ran past its 3 days): back to the filer for a new one.
  if (application.kind !== 'cancel' && face && !faceTaskUsable(face, deps.clock.now())) {
    return step(deps, application, { type: 'face_task', task: { ...face, status: 'expired' } }, SYSTEM);
  }
  try {
    return await call(deps, icp, application, send);
  } catch (error) {
    if (!(error instanceof WeChatError)) throw error;
    return failed(deps, icp, application, send, error);
  }
}

/** The attempt of the current submission; an older submission's does not count. */
function currentSend(application: Application): SendAttempt | null {
  const send = application.wechat?.send ?? null;
  return send?.submission === (application.submittedAt ?? '') ? send : null;
}

/** Backing off after a failure, or another instance's call may still be running. */
function waiting(deps: ServerDeps, send: SendAttempt | null, options: SendOptions): boolean {
  const now = deps.clock.now().getTime();
  if (send?.state === 'failed') return !options.force && now < Date.parse(send.nextAttemptAt);
  return send?.state === 'calling' && now - Date.parse(send.at) < CALL_LEASE_MS;
}

/** Uploads what is not cached, claims the call, makes it, and moves on WeChat's acceptance. */
async function call(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
  send: SendAttempt | null,
): Promise<Application | null> {
  const media = application.kind === 'cancel' ? [] : await upload(deps, icp, application);
  const claimed = await note(deps, application, {
    media,
    send: attempt(deps, application, send, 'calling', null),
  });
  if (!claimed) return null;
  if (application.kind === 'cancel') {
    await icp.cancelFiling({
      cancel_type: CANCEL_TYPES[application.cancelScope ?? 'miniprogram'],
      reason_type: 1,
    });
  } else {
    const mediaOf = (fileId: string) => media.find((item) => item.file === fileId)?.mediaId ?? '';
    await icp.applyFiling(applyBody(application.form, mediaOf, claimed.wechat?.face?.taskId ?? ''));
  }
  return step(deps, claimed, { type: 'wechat_sent' }, SYSTEM);
}

async function upload(deps: ServerDeps, icp: IcpClient, application: Application): Promise<MediaUpload[]> {
  const cached = application.wechat?.media ?? [];
  const kept: MediaUpload[] = [];
  for (const need of mediaNeeds(application.form)) {
    const hit = cached.find(
      (item) => item.file === need.fileId && item.field === need.fields.icp_order_field,
    );
    kept.push(hit ?? (await uploadOne(deps, icp, need)));
  }
  return kept;
}

async function uploadOne(deps: ServerDeps, icp: IcpClient, need: MediaNeed): Promise<MediaUpload> {
  const content = await deps.files.content(need.fileId);
  if (!content) {
    throw new WeChatError('upload_icp_media', 0, `文件已不存在：${need.fields.icp_order_field}`, 'other');
  }
  const answer = await icp.uploadMedia(need.fields, content);
  return {
    file: need.fileId,
    field: need.fields.icp_order_field,
    mediaId: answer.media_id,
    at: deps.clock.now().toISOString(),
  };
}

async function wechatHasIt(icp: IcpClient, application: Application): Promise<boolean> {
  const { info } = await icp.entranceInfo();
  return application.kind === 'cancel' ? info.is_canceling === true : info.status === 2;
}

async function failed(
  deps: ServerDeps,
  icp: IcpClient,
  application: Application,
  send: SendAttempt | null,
  error: WeChatError,
): Promise<Application | null> {
  const latest = (await deps.store.getApplication(application.id)) ?? application;
  if (error.errcode === ERRCODE.openOrderExists && (await wechatHasIt(icp, latest))) {
    return step(deps, latest, { type: 'wechat_sent' }, SYSTEM);
  }
  if (error.errcode === ERRCODE.applyInvalid && error.hints.length > 0) {
    return step(deps, latest, { type: 'platform_reject', reasons: reasonsOf(error.hints) }, WECHAT);
  }
  deps.logger.error(`wechat send ${application.id}: ${error.kind} ${error.errcode}`);
  // The claim written before the call counted this attempt; a failure before it did not.
  const prior = currentSend(latest) ?? send;
  const change = {
    send: attempt(deps, latest, prior, 'failed', error),
    ...(isStale(error) ? { media: [] } : {}),
  };
  return note(deps, latest, change);
}

function attempt(
  deps: ServerDeps,
  application: Application,
  send: SendAttempt | null,
  state: SendAttempt['state'],
  error: WeChatError | null,
): SendAttempt {
  const now = deps.clock.now();
  const attempts = (send?.attempts ?? 0) + (state === 'calling' ? 1 : 0);
  return {
    submission: application.submittedAt ?? '',
    state,
    attempts,
    at: now.toISOString(),
    nextAttemptAt: new Date(now.getTime() + backoff(error, attempts)).toISOString(),
    error: error ? error.message : null,
  };
}

/** How long to wait after `error`: none to upload again, growing for a transient failure. */
function backoff(error: WeChatError | null, attempts: number): number {
  if (error === null || isStale(error)) return 0;
  const grown = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? ONE_MINUTE;
  // What WeChat refuses for a reason of its own will not pass in a minute: wait for an admin.
  return TRANSIENT.includes(error.kind) ? grown : Math.max(grown, HALF_HOUR);
}

/** A media_id WeChat forgot, or a certificate photo sent under the wrong type: upload again. */
function isStale(error: WeChatError): boolean {
  return error.errcode === ERRCODE.unknownMedia || error.errcode === ERRCODE.certificateTypeMismatch;
}

/** Where a reason no field of our form matches is shown: with the application as a whole. */
export const GENERAL_FIELD = '备案信息';

/** WeChat's per-field hints → reasons at our form's fields; an unmapped one is a general reason. */
export function reasonsOf(hints: readonly FilingHint[]): Reason[] {
  return hints.map((hint) => {
    const field = formPathOfApiPath(hint.err_field);
    const error = hint.errmsg || '微信审核未通过';
    return field
      ? { field, error, suggest: '' }
      : {
          field: GENERAL_FIELD,
          error: hint.err_field ? `${error}（${hint.err_field}）` : error,
          suggest: '',
        };
  });
}
