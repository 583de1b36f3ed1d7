/**
 * Every transition, the same way: check the version the caller saw, let core's `transition`
 * decide, then write everything it causes in one commit — the application (conditional on that
 * version), its audit event, its outbox messages (rendered with the configured templates), what
 * an approved change/cancellation does to its filed record, the lock that keeps one open
 * change/cancel per record, the stage duration for the stats, and — for a submit — the
 * cross-record keys it was checked against (app/cross-record.ts). Sending happens later
 * (the scheduler's outbox dispatch), so a failed send never blocks or undoes a move.
 */
import {
  applyBaseEffect,
  CLOSED_STATES,
  isDueStage,
  KIND_INFO,
  OPEN_STATES,
  renderMessage,
  stageStartedAt,
  STATE_INFO,
  transition,
  type Actor,
  type Application,
  type FilingEvent,
} from '@beian/core';
import type { ServerDeps } from '../deps';
import { Refusal, refuse } from '../errors';
import type {
  BaseLock,
  Commit,
  CommitResult,
  OutboxMessage,
  RecordNumberClaim,
  StageExit,
  StoredRequest,
} from '../store/types';
import { crossRecordFindings, crossRecordRefusal } from './cross-record';
import { newId } from './ids';
import { currentTables } from './tables';

export interface MoveRequest {
  application: Application;
  /** The version the caller saw. */
  version: number;
  event: FilingEvent;
  actor: Actor;
  requestId?: string;
  /** The answer to store with the move, for an idempotent call (made from the moved application). */
  answer?: (moved: Application) => StoredRequest;
}

export interface Moved {
  application: Application;
  request: StoredRequest | null;
}

/** Submits tried when a related application landed between the check and the commit. */
const RELATED_ATTEMPTS = 3;

export async function move(deps: ServerDeps, request: MoveRequest): Promise<Moved> {
  for (let attempt = 1; ; attempt += 1) {
    const moved = await moveOnce(deps, request);
    // Checked again against what landed: it now passes, or is refused with the finding.
    if (moved !== 'related_changed') return moved;
    if (attempt >= RELATED_ATTEMPTS) throw refuse.conflict();
  }
}

async function moveOnce(deps: ServerDeps, request: MoveRequest): Promise<Moved | 'related_changed'> {
  const { application, event, actor } = request;
  if (application.version !== request.version) throw refuse.conflict();
  const now = deps.clock.now();
  const result = transition(application, event, actor, now, {
    requestId: request.requestId,
    calendar: deps.calendar,
    // Only a submit is checked; the other moves need not read the tables.
    tables: event.type === 'submit' ? await currentTables(deps) : undefined,
  });
  if (!result.ok) throw new Refusal(result.error.code, result.error.message, result.error.fields);
  const moved = result.application;
  const findings = event.type === 'submit' ? await crossRecordFindings(deps, moved) : null;
  if (findings && findings.issues.length > 0) throw crossRecordRefusal(findings.issues);
  const stored = request.answer?.(moved) ?? null;
  const commit: Commit = {
    application: moved,
    expectedVersion: application.version,
    audit: result.effects.audit,
    outbox: result.effects.notices.map((notice) => ({
      id: newId(now),
      applicationId: application.id,
      role: notice.role,
      message: renderMessage(notice, deps.templates),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      leaseUntil: null,
      lastError: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      rev: 1,
    })) satisfies OutboxMessage[],
    base: null,
    lock: lockFor(application, moved),
    request: stored,
    stageExit: stageExitOf(application, moved, now),
    recordNumber: recordNumberClaim(event, moved),
    guards: findings?.guards ?? [],
  };
  if (result.effects.base) {
    const base = await deps.store.getApplication(result.effects.base.baseId);
    if (!base) throw new Error(`filed record ${result.effects.base.baseId} of ${application.id} is missing`);
    commit.base = {
      application: applyBaseEffect(base, result.effects.base, now),
      expectedVersion: base.version,
    };
  }
  const written = await deps.store.commit(commit);
  if (written.ok) return { application: moved, request: stored };
  if (written.reason === 'related_changed') return 'related_changed';
  throw await refusalOf(deps, written, moved);
}

async function refusalOf(
  deps: ServerDeps,
  written: Exclude<CommitResult, { ok: true }>,
  moved: Application,
): Promise<Refusal> {
  if (written.reason === 'base_busy') return baseBusy(deps, written.holder);
  if (written.reason === 'record_number_taken') return recordNumberTaken(moved.recordNumber ?? '');
  return refuse.conflict();
}

/**
 * An approval claims its record number for the record (a change or cancellation: the record it
 * changes, so it keeps its own number); the store refuses a number another record holds.
 */
function recordNumberClaim(event: FilingEvent, moved: Application): RecordNumberClaim | null {
  if (event.type !== 'authority_approve' || !moved.recordNumber) return null;
  return { number: moved.recordNumber, holder: moved.baseId ?? moved.id };
}

/** Names the number, never the record that holds it (another filer's). */
function recordNumberTaken(number: string): Refusal {
  const message = `备案号 ${number} 已属于另一条备案：请核对通管局发来的备案号后重新填写。`;
  return refuse.validation(message, [{ path: 'recordNumber', code: 'record_number.taken', message }]);
}

/** A change/cancel takes its record's lock while it is open (submitted, not finished) and gives it back when it closes. */
function lockFor(before: Application, after: Application): BaseLock | null {
  if (after.baseId === null || before.state === after.state) return null;
  if (OPEN_STATES.includes(after.state)) return { baseId: after.baseId, holder: after.id, action: 'acquire' };
  if (CLOSED_STATES.includes(after.state))
    return { baseId: after.baseId, holder: after.id, action: 'release' };
  return null;
}

function stageExitOf(before: Application, after: Application, now: Date): StageExit | null {
  const stage = before.state;
  if (stage === after.state || !isDueStage(stage)) return null;
  const hours = (now.getTime() - Date.parse(stageStartedAt(before))) / 3_600_000;
  return {
    applicationId: before.id,
    stage,
    leftAt: now.toISOString(),
    hours: Math.max(0, Math.round(hours * 100) / 100),
  };
}

/** The refusal when another change/cancel of the same filed record is still open, naming it. */
export async function baseBusy(deps: ServerDeps, holderId: string): Promise<Refusal> {
  const holder = await deps.store.getApplication(holderId);
  const what = holder ? `${KIND_INFO[holder.kind].verb}申请（${STATE_INFO[holder.state].label}）` : '申请';
  return refuse.conflict(`这条备案已有一个进行中的${what}，请等它办结或撤回后再提交。`);
}
