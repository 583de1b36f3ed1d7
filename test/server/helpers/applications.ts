/**
 * Hand-built applications for the store contract suite, which tests storage without the workflow:
 * past the fresh draft, each field is set directly, so a store bug cannot hide behind a workflow
 * rule.
 */
import { startApplication, type Application, type AuditEvent, type FilingState } from '@beian/core';
import { plainWrite, type Commit, type OutboxMessage } from '../../../server/store/types';
import { personalForm } from '../../fixtures/forms';

let counter = 0;

/**
 * A draft as the workflow starts one (so the record has every field it would have), with a
 * complete form and whatever the suite sets directly on top.
 */
export function application(overrides: Partial<Application> = {}): Application {
  counter += 1;
  const at = overrides.updatedAt ?? new Date(Date.UTC(2026, 10, 1, 0, counter)).toISOString();
  const started = startApplication({
    id: `app-${String(counter).padStart(6, '0')}`,
    owner: 'o-filer-a',
    kind: 'new',
    cancelScope: null,
    base: null,
    now: new Date(at),
  });
  if (!started.ok) throw new Error(started.error.message);
  return { ...started.application, form: personalForm(), ...overrides };
}

/** The application after one write: version + 1, new state, new updatedAt. */
export function next(app: Application, changes: Partial<Application> = {}): Application {
  return { ...app, version: app.version + 1, updatedAt: changes.updatedAt ?? app.updatedAt, ...changes };
}

export function auditOf(app: Application, from: FilingState, to: FilingState, at: string): AuditEvent {
  return {
    applicationId: app.id,
    at,
    actor: { kind: 'filer', openid: app.owner },
    event: { type: 'submit' },
    from,
    to,
    requestId: null,
  };
}

export function message(app: Application, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  counter += 1;
  const at = '2026-11-02T00:00:00.000Z';
  return {
    id: `msg-${String(counter).padStart(6, '0')}`,
    applicationId: app.id,
    role: 'progress',
    message: {
      touser: app.owner,
      templateId: 'tmpl-progress',
      page: `pages/progress/index?id=${app.id}`,
      data: { thing1: { value: '平台初审中' } },
    },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    leaseUntil: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    rev: 1,
    ...overrides,
  };
}

export function commitOf(app: Application, expectedVersion: number, extra: Partial<Commit> = {}): Commit {
  return { ...plainWrite(app, expectedVersion), ...extra };
}
