/**
 * One look at one WeChat-channel application: whatever its state waits on — the face task, the
 * sending step, WeChat's review — is asked of WeChat, and what it answers moves the application
 * (docs/wechat-platform.md § Following WeChat). The same step serves every trigger: the move that
 * entered the state, a pushed event, the filer's "我已完成核验", an admin's retry, and the poll.
 *
 * Never throws: a failure is logged (and, for the sending step, recorded on the application for
 * the admins); the poll comes back to it.
 */
import { channelOf, FOLLOWED_STATES, type Application } from '@beian/core';
import type { ServerDeps } from '../deps';
import { Refusal } from '../errors';
import { followFace } from './face';
import { followSend, type SendOptions } from './send';
import { followReview } from './sync';

/** Moves of one look are chained (face verified → sent); this bounds a run of them. */
const MAX_STEPS = 4;

export async function advance(
  deps: ServerDeps,
  application: Application,
  options: SendOptions = {},
): Promise<Application> {
  let current = application;
  for (let i = 0; i < MAX_STEPS; i += 1) {
    const next = await look(deps, current, options);
    // Nothing learned, someone else wrote first, or a step that waits (WeChat's review): done.
    if (next === null || next.state === current.state || !chains(next)) return next ?? current;
    current = next;
  }
  return current;
}

/** A state the next look can act on at once (the others wait on someone). */
function chains(application: Application): boolean {
  return application.state === 'sending';
}

async function look(
  deps: ServerDeps,
  application: Application,
  options: SendOptions,
): Promise<Application | null> {
  const platform = deps.wechat.platform;
  if (!platform || channelOf(application) !== 'wechat' || !FOLLOWED_STATES.includes(application.state))
    return null;
  const icp = platform.icp(application.form.miniprogram.appid);
  try {
    switch (application.state) {
      case 'face_verification':
        return await followFace(deps, icp, application);
      case 'sending':
        return await followSend(deps, icp, application, options);
      default:
        return await followReview(deps, icp, application);
    }
  } catch (error) {
    // CONFLICT: another trigger moved it first; the next look starts from what it wrote.
    if (!(error instanceof Refusal)) deps.logger.error(`wechat follow ${application.id} failed`, error);
    else deps.logger.info(`wechat follow ${application.id}: ${error.failure.code}`);
    return null;
  }
}

/** The poll's share of one tick: a bounded batch, the application checked longest ago first. */
export async function followBatch(
  deps: ServerDeps,
  limit: number,
): Promise<{ checked: number; moved: number }> {
  if (!deps.wechat.platform) return { checked: 0, moved: 0 };
  const batch = await deps.store.followed(limit);
  let moved = 0;
  for (const application of batch) {
    const after = await advance(deps, application);
    if (after.state !== application.state) moved += 1;
  }
  return { checked: batch.length, moved };
}

/** A pushed ICP event names the mini-program: look at its followed applications now. */
export async function followAppid(deps: ServerDeps, appid: string): Promise<void> {
  for (const application of await deps.store.followedByAppid(appid)) await advance(deps, application);
}
