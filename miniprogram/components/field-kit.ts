/**
 * The two events every form control sends up to the form page, whatever section it sits in:
 * `fieldchange` (a value at a form path) and `fieldblur` (the filer left a field: check it).
 * They bubble across component boundaries, so a section never has to forward them and the page
 * binds them once per section.
 */

/** A form path such as `subject.principal.mobile`, and its new value (the path decides its type). */
export interface FieldChange {
  path: string;
  value: unknown;
  /**
   * A choice (picker, date, photo, switch) is final when made, so it is checked at once; typed
   * text is checked when the filer leaves the field.
   */
  settled: boolean;
}

export interface FieldBlur {
  path: string;
}

/** What a bubbling component event looks like to the handler that receives it. */
export interface DetailEvent<T> {
  detail: T;
}

interface EventSource {
  triggerEvent(
    name: string,
    detail?: unknown,
    options?: WechatMiniprogram.Component.TriggerEventOption,
  ): void;
}

const ACROSS_COMPONENTS = { bubbles: true, composed: true };

export function emitFieldChange(source: EventSource, path: string, value: unknown, settled = true): void {
  const detail: FieldChange = { path, value, settled };
  source.triggerEvent('fieldchange', detail, ACROSS_COMPONENTS);
}

export function emitFieldBlur(source: EventSource, path: string): void {
  const detail: FieldBlur = { path };
  source.triggerEvent('fieldblur', detail, ACROSS_COMPONENTS);
}

/**
 * The id a field's wrapper carries, so the page can scroll to `subject.principal.mobile`. field.wxs
 * derives the same id in WXML; test/miniprogram/components/field-wxs.test.ts keeps the two equal.
 */
export function anchorOf(path: string): string {
  return `f-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}

/**
 * Whether a control at `path` is the one the page jumps to: the exact field, or the control that
 * holds it (the region picker for `subject.region.district`, the face capture for its photo). Also
 * in field.wxs, for the mark.
 */
export function isFocused(path: string, focusPath: string): boolean {
  return path !== '' && (focusPath === path || focusPath.startsWith(`${path}.`));
}

/**
 * Whether a text field needs its input now rather than a cell showing its value (field.wxs
 * `showsCell`, the same rule): it is empty, shows an error or a reviewer's reason, or the page jumps
 * to it. Until its properties arrive (`path` is '') it needs nothing.
 */
export function needsInput(
  path: string,
  value: string,
  error: string,
  reason: string,
  focusPath: string,
): boolean {
  if (path === '') return false;
  return value === '' || error !== '' || reason !== '' || isFocused(path, focusPath);
}

interface Measurable {
  createSelectorQuery(): WechatMiniprogram.SelectorQuery;
}

/** Offset from the top of the screen the marked field stops at, so the step title stays visible. */
const SCROLL_MARGIN_PX = 96;

/**
 * Scrolls the page so the control's anchor is in view: the "去修改" jump from a rejection reason
 * lands on the field itself, not just on its step. Waits a tick for the step to lay out.
 */
export function scrollIntoView(component: Measurable, anchor: string): void {
  setTimeout(() => {
    const query = component.createSelectorQuery();
    query.select(`#${anchor}`).boundingClientRect();
    query.selectViewport().scrollOffset();
    query.exec((results: unknown[]) => {
      const [rect, viewport] = results as [{ top: number } | null, { scrollTop: number } | null];
      if (!rect || !viewport) return;
      void wx.pageScrollTo({
        scrollTop: Math.max(0, viewport.scrollTop + rect.top - SCROLL_MARGIN_PX),
        duration: 300,
      });
    });
  }, 50);
}

/**
 * The `'path, focusPath'` observer every field control shares (see form-field.ts): brings the
 * control into view when the page jumps to it. Its anchor id and its mark are derived in WXML
 * (field.wxs) from the same two properties, so following the focus sets no data.
 */
export function followFocus(this: Measurable, path: string, focusPath: string): void {
  if (isFocused(path, focusPath)) scrollIntoView(this, anchorOf(path));
}
