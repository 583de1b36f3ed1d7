/**
 * The one way the channel changes an application: a transition (with the actor it names) or, when
 * nothing moves, a plain write of what Beian learned — both conditional on the version read, and
 * both stamping `checkedAt`, which orders the poll.
 */
import type { Actor, Application, FilingEvent, WeChatTrack } from '@beian/core';
import { emptyTrack } from '@beian/core';
import { move } from '../app/move';
import type { ServerDeps } from '../deps';
import { plainWrite } from '../store/types';

export const SYSTEM: Actor = { kind: 'system' };
export const WECHAT: Actor = { kind: 'wechat' };

function checked(application: Application, now: Date, change: Partial<WeChatTrack> = {}): Application {
  const track = { ...(application.wechat ?? emptyTrack()), ...change, checkedAt: now.toISOString() };
  return { ...application, wechat: track };
}

/** Moves by `event`; the application after it. Refusals (CONFLICT, …) propagate. */
export async function step(
  deps: ServerDeps,
  application: Application,
  event: FilingEvent,
  actor: Actor,
  change: Partial<WeChatTrack> = {},
): Promise<Application> {
  const now = deps.clock.now();
  const moved = await move(deps, {
    application: checked(application, now, change),
    version: application.version,
    event,
    actor,
  });
  return moved.application;
}

/** Writes what was learned without a move; null when someone else wrote first. */
export async function note(
  deps: ServerDeps,
  application: Application,
  change: Partial<WeChatTrack> = {},
): Promise<Application | null> {
  const now = deps.clock.now();
  const next = { ...checked(application, now, change), version: application.version + 1 };
  const written = await deps.store.commit(plainWrite(next, application.version));
  return written.ok ? next : null;
}
