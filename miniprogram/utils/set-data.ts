/**
 * The one way the mini-program sends what it shows: only what differs from what is already
 * rendered, compared as JSON (which is what crosses to the view layer). Pages use `changedPatch`
 * and `listPatch`; components show their derived view with `setChanged` (and `derivedView`).
 * docs/benchmarks.md § What the bench found has the figures behind each rule here.
 *
 * WeChat runs an observer whenever a property it watches is set, even to the value it already had
 * (a section's `subject` is set again on every keystroke anywhere in the section), so each observer
 * derives its view and hands it to `setChanged`: an unchanged view costs no setData at all.
 *
 * While a component is being created its observers run more than once: first with the template's
 * constant attributes and its parent's defaults, then again when the parent's data arrives. With
 * the `derivedView` behavior (every field control has it, through components/form-field.ts), what
 * they derive before the component is attached is gathered and sent in one setData when it
 * attaches. Sections do without it: whether the subject is a person decides which fields they
 * build, and that should be settled as soon as their data arrives, not after fields for the other
 * layout were made.
 */
import { instanceState } from './page-load';

interface Renders<T> {
  readonly data: Partial<T>;
  setData(patch: Record<string, unknown>): void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function isEmpty(data: object): boolean {
  return Object.keys(data).length === 0;
}

/**
 * A list that kept or grew its length sends its changed rows by path (`rows[2]`); a new, shorter
 * or wholly changed list is sent whole, which is smaller than a path per row. (setData cannot
 * delete rows by path.)
 */
function addList(patch: Record<string, unknown>, key: string, before: unknown, after: readonly unknown[]) {
  if (!Array.isArray(before) || after.length < before.length) {
    if (!same(before, after)) patch[key] = after;
    return;
  }
  const changed = after.flatMap((row, index) => (same(before[index], row) ? [] : [index]));
  if (changed.length === after.length && changed.length > 0) patch[key] = after;
  else for (const index of changed) patch[`${key}[${index}]`] = after[index];
}

/**
 * The setData payload that turns what a page or component shows into `view`: the keys, or list
 * rows, whose JSON differs; empty when nothing does.
 */
export function changedPatch<T extends object>(current: Partial<T>, view: T): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(view) as (keyof T & string)[]) {
    const before: unknown = current[key];
    const after: unknown = view[key];
    if (Array.isArray(after)) addList(patch, key, before, after);
    else if (!same(before, after)) patch[key] = after;
  }
  return patch;
}

/** The payload that turns list `key` from `current` into `next` (rows by path, or the whole list). */
export function listPatch<T>(
  key: string,
  current: readonly T[],
  next: readonly T[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  addList(patch, key, current, next);
  return patch;
}

/** The view a `derivedView` component derives while it is created and not yet attached. */
const beforeAttach = instanceState<{ gathered?: Record<string, unknown> }>(() => ({}));

function send<T extends object>(component: Renders<T>, view: T): void {
  const patch = changedPatch(component.data, view);
  if (!isEmpty(patch)) component.setData(patch);
}

/** Shows `view`: sends the keys (or list rows) that differ from the component's data, if any. */
export function setChanged<T extends object>(component: Renders<T>, view: T): void {
  const { gathered } = beforeAttach(component);
  if (gathered) Object.assign(gathered, view);
  else send(component, view);
}

/** Gathers what the component's observers derive while it is created; sends it once, attached. */
export const derivedView = Behavior({
  lifetimes: {
    // `this` named: the type checker of the tests (DOM lib) would not infer it here.
    created(this: Renders<Record<string, unknown>>) {
      beforeAttach(this).gathered = {};
    },
    attached(this: Renders<Record<string, unknown>>) {
      const { gathered } = beforeAttach(this);
      beforeAttach(this).gathered = undefined;
      if (gathered) send(this, gathered);
    },
  },
});
