/**
 * Shared by the form tests: a draft as the server answers it, opening the form page on it, and
 * finding a field's real input inside the nested section components.
 */
import { emptyForm, type DataOf, type FilingForm, type FilingView } from '@beian/core';
import { fakeCloud, type CloudHandlers, type FakeCloud } from '../../helpers/cloud';
import { render, sleep } from '../../helpers/simulate';

export { tap } from '../../helpers/simulate';

export type Rendered = ReturnType<typeof render>;
type Node = NonNullable<ReturnType<Rendered['querySelector']>>;

export const OPENID = 'o-filer-a';
/** The template ids the server is configured with (session.get): what consent must be asked for. */
export const SERVER_TEMPLATE_IDS = ['tmpl-progress-live', 'tmpl-result-live', 'tmpl-todo-live'];

export function draft(overrides: Partial<FilingView> = {}, form: FilingForm = emptyForm()): FilingView {
  return {
    id: 'app-1',
    kind: 'new',
    cancelScope: null,
    baseId: null,
    state: 'draft',
    version: 1,
    form,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    submittedAt: null,
    due: null,
    overdueSince: null,
    sms: null,
    reasons: [],
    recordNumber: null,
    timeline: [{ state: 'draft', startedAt: '2026-11-20T08:00:00.000Z', endedAt: null }],
    ...overrides,
  };
}

/** The filer's `filing.get` answer for a draft: nothing to do yet, nothing recognised. */
export function draftDetail(filing: FilingView): DataOf<'filing', 'filing.get'> {
  return {
    filing,
    timeline: filing.timeline,
    eta: null,
    todo: { title: '', detail: '', actions: [] },
    recognitions: [],
  };
}

/** The server side of a draft: `filing.get` answers it, `draft.save` bumps its version. */
export function draftCloud(filing: FilingView, more: CloudHandlers = {}): FakeCloud {
  let version = filing.version;
  return fakeCloud({
    filing: {
      'session.get': () => ({
        ok: true,
        data: { openid: OPENID, role: 'filer', name: null, templateIds: SERVER_TEMPLATE_IDS },
      }),
      'filing.get': () => ({ ok: true, data: draftDetail({ ...filing, version }) }),
      'draft.save': () => {
        version += 1;
        return { ok: true, data: { filing: { ...filing, version } } };
      },
      ...more.filing,
    },
  });
}

const opened: Rendered[] = [];

export async function openForm(query: Record<string, string>): Promise<Rendered> {
  const page = render('pages/filing-form/index');
  opened.push(page);
  (page.instance as unknown as { onLoad(q: Record<string, string>): void }).onLoad(query);
  await settle();
  return page;
}

/**
 * The form opened on app-1, a draft of `form` that draftCloud serves (with `handlers` beside), at
 * the remembered `step` when one is given.
 */
export async function openDraft(
  form: FilingForm,
  options: { step?: number; handlers?: CloudHandlers } = {},
): Promise<{ page: Rendered; cloud: FakeCloud }> {
  const cloud = draftCloud(draft({}, form), options.handlers);
  if (options.step !== undefined) atStep(options.step);
  return { page: await openForm({ id: 'app-1' }), cloud };
}

/**
 * Leaves every page a test opened (as WeChat does when the test's "user" closes it): the last
 * save goes to that test's cloud, and no debounce timer outlives its test.
 */
export async function closeForms(): Promise<void> {
  for (const page of opened.splice(0)) {
    (page.instance as unknown as { onUnload(): void }).onUnload();
  }
  await settle();
}

/** After each form test: its pages closed (closeForms) and every mock restored. */
export async function leaveForms(): Promise<void> {
  await closeForms();
  jest.restoreAllMocks();
}

/** The step the form remembers for app-1 (pages/filing-form/steps.ts): the one it opens on. */
export function atStep(step: number): void {
  jest
    .spyOn(wx, 'getStorageSync')
    .mockImplementation((key: string) => (key === 'filing-form:step:app-1' ? step : ''));
}

/** Lets the fake cloud answer and the pages re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await sleep(0);
}

export function anchor(path: string): string {
  return `#f-${path.replace(/[.[\]]+/g, '-')}`;
}

/** The exparser node j-component keeps behind a rendered node, as far as finding its host goes. */
interface ExparserNode {
  ownerShadowRoot?: { __wxHost?: { __methodCaller?: { onEdit?(): void } } };
}

/** The text-field component whose anchor is `path` (the anchor view lies in its shadow tree). */
function fieldAt(page: Rendered, path: string): { onEdit?(): void } | undefined {
  const view = page.querySelector(`#section >>> ${anchor(path)}`) as unknown as
    { _exparserNode?: ExparserNode } | undefined;
  return view?._exparserNode?.ownerShadowRoot?.__wxHost?.__methodCaller;
}

function controlAt(page: Rendered, path: string): Node | undefined {
  return page
    .querySelectorAll(`#section >>> ${anchor(path)} >>> .van-field__control`)
    .find((node) => node.dom?.tagName === 'WX-INPUT' || node.dom?.tagName === 'WX-TEXTAREA');
}

/**
 * A text field's real `<input>` (van-field's control that is a WX-INPUT). A filled field shows its
 * value in a cell until the filer taps it (components/text-field): its tap handler runs here first,
 * directly, since simulate delivers a tap on the cell after the caller has moved on.
 */
export function inputAt(page: Rendered, path: string): Node {
  if (!controlAt(page, path)) fieldAt(page, path)?.onEdit?.();
  const found = controlAt(page, path);
  if (!found) throw new Error(`no input for ${path}`);
  return found;
}

export function fieldText(page: Rendered, path: string): string {
  return page.querySelector(`#section >>> ${anchor(path)}`)?.dom?.textContent ?? '';
}

export function type(page: Rendered, path: string, value: string): void {
  inputAt(page, path).dispatchEvent('input', { detail: { value } });
}

export function blur(page: Rendered, path: string): void {
  inputAt(page, path).dispatchEvent('blur', { detail: { value: '' } });
}

/**
 * Records every event the rendered component triggers from now on; ask by name when asserting.
 * (simulate's wrapper types have no event listener, and the instance's triggerEvent is the source.)
 */
export function triggered(root: Rendered): (name: string) => unknown[] {
  const seen: { name: string; detail: unknown }[] = [];
  const original = root.instance.triggerEvent.bind(root.instance);
  jest.spyOn(root.instance, 'triggerEvent').mockImplementation((...args: unknown[]) => {
    const [name, detail, options] = args as [
      string,
      unknown,
      WechatMiniprogram.Component.TriggerEventOption?,
    ];
    seen.push({ name, detail });
    original(name, detail, options);
  });
  return (name) => seen.filter((event) => event.name === name).map((event) => event.detail);
}
