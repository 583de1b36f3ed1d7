/**
 * Rebuilding an application from its audit trail: every transition is recorded with its event,
 * actor, time and request id, so replaying them from the draft must land on the stored
 * application. Useful to check a record's integrity, and the property tests prove it.
 */
import type { Calendar } from '../calendar/calendar';
import type { Application, AuditEvent } from '../model/application';
import type { Failure } from '../result';
import { transition } from './transition';

export type Replayed = { ok: true; application: Application } | { ok: false; error: Failure; index: number };

export function replay(draft: Application, audit: readonly AuditEvent[], calendar?: Calendar): Replayed {
  let application = draft;
  for (const [index, entry] of audit.entries()) {
    const options = entry.requestId === null ? { calendar } : { calendar, requestId: entry.requestId };
    const result = transition(application, entry.event, entry.actor, new Date(entry.at), options);
    if (!result.ok) return { ok: false, error: result.error, index };
    if (result.effects.audit.from !== entry.from || result.effects.audit.to !== entry.to) {
      const message = `审计记录第 ${index + 1} 条为 ${entry.from} → ${entry.to}，重放得到 ${result.effects.audit.from} → ${result.effects.audit.to}。`;
      return { ok: false, error: { code: 'INTERNAL', message }, index };
    }
    application = result.application;
  }
  return { ok: true, application };
}
