/**
 * For the cross-record rules: another filer's copy of a form (its files under their own prefix),
 * a filing submitted by any filer, and applications put straight into the store in a holding
 * state (filed or open), which the rules must count whatever path put them there.
 */
import type { Application, FilingForm, FilingState, FilingView } from '@beian/core';
import { application } from './applications';
import { fileTo, ok, OTHER, OWNER, type Harness } from './harness';

/** `form` as filer B would send it: every file under B's own storage prefix. */
export function theirs(form: FilingForm): FilingForm {
  return JSON.parse(JSON.stringify(form).split('/o-filer-a/').join('/o-filer-b/')) as FilingForm;
}

/** A draft of `who` holding `form`, ready to submit. */
export async function draftOf(h: Harness, who: 'owner' | 'other', form: FilingForm): Promise<FilingView> {
  if (who === 'owner') return fileTo(h, 'draft', form);
  const caller = h.as('other');
  const draft = ok(await caller.filing('draft.create', { kind: 'new' })).filing;
  return ok(await caller.filing('draft.save', { id: draft.id, version: draft.version, form: theirs(form) }))
    .filing;
}

export function submit(h: Harness, who: 'owner' | 'other', draft: FilingView) {
  const requestId = `req-${draft.id}-${draft.version}`;
  return h.as(who).filing('filing.submit', { id: draft.id, version: draft.version, requestId });
}

/** An application of `owner` in `state`, written to the store as is. */
export async function holding(
  h: Harness,
  form: FilingForm,
  state: FilingState = 'filed',
  owner: string = OTHER,
): Promise<Application> {
  const held = application({ owner, state, form: owner === OWNER ? form : theirs(form) });
  await h.store.insertApplication(held);
  return held;
}
