/**
 * Filed records and the applications that change or cancel them.
 *
 * A `new` application that reaches `filed` IS the filing record (备案记录): it holds the record
 * number and the data the authority approved. A `change` or `cancel` application is a separate
 * application with `baseId` pointing at that record; it starts as a copy of the record's form and
 * carries the record's number from the start. The record itself stays `filed` (and valid: a change
 * does not interrupt the filing) while such an application is under review. When the authority
 * approves it, `transition` returns a BaseEffect and the server applies it to the record in the
 * same write: a change replaces the record's form (number kept), a cancellation moves the record
 * to `cancelled`. Keeping at most one open change/cancel per record is the server's job.
 */
import type { Application, CancelScope, FilingKind } from '../model/application';
import { emptyForm } from '../model/empty';
import { CANCEL_SCOPE_CHOICE, KIND_INFO } from '../model/kinds';
import type { FilingForm } from '../model/form';
import type { Failure } from '../result';

export type BaseEffect =
  { type: 'replace_form'; baseId: string; form: FilingForm } | { type: 'cancel'; baseId: string };

export interface StartRequest {
  id: string;
  owner: string;
  kind: FilingKind;
  cancelScope: CancelScope | null;
  /** The filed record a change or cancellation starts from; null for a new filing. */
  base: Application | null;
  now: Date;
}

export type Started = { ok: true; application: Application } | { ok: false; error: Failure };

/** The form is plain JSON data; a JSON round trip copies it in any JS engine. */
const copyForm = (form: FilingForm): FilingForm => JSON.parse(JSON.stringify(form)) as FilingForm;

const invalid = (path: string, message: string): Failure => ({
  code: 'VALIDATION',
  message,
  fields: [{ path, code: 'invalid', message }],
});

function refuseStart({ owner, kind, cancelScope, base }: StartRequest): Failure | null {
  if (kind === 'cancel' && cancelScope === null)
    return invalid('cancelScope', `请选择注销类型：${CANCEL_SCOPE_CHOICE}。`);
  if (kind !== 'cancel' && cancelScope !== null)
    return invalid('cancelScope', `只有${KIND_INFO.cancel.label}需要选择注销类型。`);
  if (kind === 'new')
    return base === null ? null : invalid('baseId', `${KIND_INFO.new.label}不需要选择已有备案。`);
  const action = KIND_INFO[kind].verb;
  if (base === null) return invalid('baseId', `请选择要${action}的备案。`);
  // Someone else's record answers as if it did not exist: ids are not to be probed.
  if (base.owner !== owner)
    return { code: 'NOT_FOUND', message: '找不到这条备案记录，请返回列表刷新后重试。' };
  if (base.kind !== 'new' || base.state !== 'filed') {
    return { code: 'INVALID_STATE', message: `只能对已备案成功的备案记录办理${action}。` };
  }
  return null;
}

/** A new application in `draft`: an empty form, or for a change/cancellation a copy of the record's. */
export function startApplication(request: StartRequest): Started {
  const refusal = refuseStart(request);
  if (refusal) return { ok: false, error: refusal };
  const { id, owner, kind, cancelScope, base, now } = request;
  const at = now.toISOString();
  return {
    ok: true,
    application: {
      id,
      owner,
      kind,
      cancelScope,
      baseId: base?.id ?? null,
      state: 'draft',
      version: 1,
      form: base ? copyForm(base.form) : emptyForm(),
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      due: null,
      overdueSince: null,
      sms: null,
      reasons: [],
      recordNumber: base?.recordNumber ?? null,
      timeline: [{ state: 'draft', startedAt: at, endedAt: null }],
    },
  };
}

/** What an approved change/cancellation does to its record; null for a new filing. */
export function baseEffectOf(application: Application): BaseEffect | null {
  if (application.baseId === null) return null;
  if (application.kind === 'change')
    return { type: 'replace_form', baseId: application.baseId, form: copyForm(application.form) };
  if (application.kind === 'cancel') return { type: 'cancel', baseId: application.baseId };
  return null;
}

/**
 * The record after an approved change or cancellation (version + 1). The record must be the
 * effect's base and still filed: anything else means two approvals raced, which the server's
 * one-open-application rule prevents, so it is a bug and throws.
 */
export function applyBaseEffect(base: Application, effect: BaseEffect, now: Date): Application {
  if (base.id !== effect.baseId) throw new Error(`base effect for ${effect.baseId} applied to ${base.id}`);
  if (base.state !== 'filed') throw new Error(`base ${base.id} is ${base.state}, not filed`);
  const at = now.toISOString();
  const written = { ...base, version: base.version + 1, updatedAt: at };
  if (effect.type === 'replace_form') return { ...written, form: copyForm(effect.form) };
  const timeline = base.timeline.map((entry, index) =>
    index === base.timeline.length - 1 ? { ...entry, endedAt: at } : entry,
  );
  return {
    ...written,
    state: 'cancelled',
    due: null,
    overdueSince: null,
    timeline: [...timeline, { state: 'cancelled', startedAt: at, endedAt: null }],
  };
}
