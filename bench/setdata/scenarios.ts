/**
 * What a filer does, on the real pages with the real back end behind wx.cloud, and what each step
 * of it sends through setData:
 * - the filing form: open a draft, type an address (no error showing), wait for the autosave,
 *   go to the next step, type an email into a field that shows an error (re-checked on every
 *   keystroke until it is fixed), and walk the remaining steps to the summary (which asks the
 *   server for the full check);
 * - the progress page: open an application in 通管局 review with its history, come back to it
 *   with nothing changed, and one tick of the SMS countdown of an application in SMS check.
 */
import { FILER, personalForm } from '../fixtures';
import { benchCloud, type BenchCloud } from './cloud';
import type { Pages, RenderedNode, RenderedPage, SetDataCall } from './env';

/** One user action and every setData it caused, across all components. */
export interface Sample {
  calls: SetDataCall[];
  bytes: number;
}

export interface FormRun {
  open: Sample;
  keystrokes: Sample[];
  errorKeystrokes: Sample[];
  autosave: Sample[];
  steps: Sample[];
}

export interface ProgressRun {
  open: Sample;
  reload: Sample;
  countdownTick: Sample;
}

/** services/drafts.ts AUTOSAVE_DELAY_MS: typing pauses this long before the draft is saved. */
const AUTOSAVE_DELAY_MS = 800;
const ADDRESS = '高碑店路181号1单元101室';
const EMAIL = 'zhangsan@example.com';
const ADMIN = 'o-bench-admin';

type Instance = Record<string, (...args: unknown[]) => unknown>;

/** Lets every promise chain (and the in-process cloud behind it) run to its end. */
async function settle(rounds = 12): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `act`, lets it settle, and answers the setData calls it caused. */
async function measure(pages: Pages, act: () => unknown, wait = 0): Promise<Sample> {
  const mark = pages.mark();
  await act();
  if (wait > 0) await sleep(wait);
  await settle();
  const calls = pages.since(mark);
  return { calls, bytes: calls.reduce((sum, call) => sum + call.bytes, 0) };
}

function lifecycle(page: RenderedPage): Instance {
  return page.instance as unknown as Instance;
}

function anchor(path: string): string {
  return `#f-${path.replace(/[.[\]]+/g, '-')}`;
}

function inputAt(page: RenderedPage, path: string): RenderedNode {
  const found = page
    .querySelectorAll(`#section >>> ${anchor(path)} >>> .van-field__control`)
    .find((node) => node.dom?.tagName === 'WX-INPUT' || node.dom?.tagName === 'WX-TEXTAREA');
  if (!found) throw new Error(`the form shows no input for ${path}`);
  return found;
}

function tapNext(page: RenderedPage): void {
  const next = page.querySelector('#next');
  if (!next) throw new Error('the form shows no 下一步 button');
  (next.querySelector('.van-button') ?? next).dispatchEvent('tap');
}

/** Read through a call, so each check sees the step as it is now (not narrowed by the last one). */
function activeStep(page: RenderedPage): unknown {
  return page.instance.data.active;
}

function errorAt(page: RenderedPage, path: string): string {
  let node: unknown = page.instance.data.errors;
  for (const segment of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return typeof node === 'string' ? node : '';
}

async function typeInto(page: RenderedPage, pages: Pages, path: string, text: string): Promise<Sample[]> {
  const input = inputAt(page, path);
  const samples: Sample[] = [];
  for (let end = 1; end <= text.length; end += 1) {
    samples.push(
      await measure(pages, () => input.dispatchEvent('input', { detail: { value: text.slice(0, end) } })),
    );
  }
  return samples;
}

export async function formRun(pages: Pages): Promise<FormRun> {
  const cloud = benchCloud();
  try {
    cloud.install(pages.wx, FILER);
    const { filing } = await cloud.call<{ filing: { id: string; version: number } }>('filing', FILER, {
      action: 'draft.create',
      kind: 'new',
    });
    const form = personalForm();
    form.subject.address = '';
    form.subject.principal.email = '';
    await cloud.call('filing', FILER, { action: 'draft.save', id: filing.id, version: filing.version, form });
    pages.storage.clear();

    const page = pages.open('pages/filing-form/index');
    const open = await measure(pages, () => lifecycle(page).onLoad?.({ id: filing.id }));
    if (activeStep(page) !== 0) throw new Error('the form did not open at its first step');

    const keystrokes = await typeInto(page, pages, 'subject.address', ADDRESS);
    const autosave = [await measure(pages, () => undefined, AUTOSAVE_DELAY_MS + 100)];
    const steps = [await measure(pages, () => tapNext(page))];
    if (activeStep(page) !== 1) throw new Error('下一步 did not move to the principal step');

    // Leaving the empty email shows its error; every keystroke then re-checks until it is valid.
    await measure(pages, () =>
      inputAt(page, 'subject.principal.email').dispatchEvent('blur', { detail: { value: '' } }),
    );
    if (errorAt(page, 'subject.principal.email') === '') throw new Error('an empty email showed no error');
    const errorKeystrokes: Sample[] = [];
    const input = inputAt(page, 'subject.principal.email');
    for (let end = 1; end <= EMAIL.length && errorAt(page, 'subject.principal.email') !== ''; end += 1) {
      errorKeystrokes.push(
        await measure(pages, () => input.dispatchEvent('input', { detail: { value: EMAIL.slice(0, end) } })),
      );
    }
    autosave.push(await measure(pages, () => undefined, AUTOSAVE_DELAY_MS + 100));
    for (const step of [2, 3, 4]) {
      steps.push(await measure(pages, () => tapNext(page)));
      if (activeStep(page) !== step) throw new Error(`下一步 did not reach step ${step}`);
    }
    if (!page.instance.data.checkFresh) throw new Error('the summary did not get the server check');
    lifecycle(page).onUnload?.();
    await settle();
    page.detach();
    return { open, keystrokes, errorKeystrokes, autosave, steps };
  } finally {
    await cloud.close();
  }
}

/** A filed-for application moved by the real actions: submitted, approved, SMS confirmed. */
async function inAuthorityReview(cloud: BenchCloud, stopAtSms: boolean, appid: string): Promise<string> {
  type Moved = { filing: { id: string; version: number } };
  const created = await cloud.call<Moved>('filing', FILER, { action: 'draft.create', kind: 'new' });
  const id = created.filing.id;
  let version = created.filing.version;
  const step = async (fn: 'filing' | 'admin', openid: string, event: Record<string, unknown>) => {
    version = (await cloud.call<Moved>(fn, openid, { ...event, id, version })).filing.version;
  };
  // Each its own mini-program: one AppID holds one open application at a time.
  const form = personalForm();
  form.miniprogram.appid = appid;
  await step('filing', FILER, { action: 'draft.save', form });
  await step('filing', FILER, { action: 'filing.submit', requestId: `req-${id}` });
  await step('admin', ADMIN, { action: 'review.approve' });
  if (!stopAtSms) await step('filing', FILER, { action: 'sms.confirm' });
  return id;
}

export async function progressRun(pages: Pages): Promise<ProgressRun> {
  const cloud = benchCloud();
  try {
    cloud.install(pages.wx, FILER);
    await cloud.deps.store.putAdmin({ openid: ADMIN, name: '审核员', addedAt: new Date().toISOString() });
    const reviewed = await inAuthorityReview(cloud, false, 'wx00000000000bea01');
    const checking = await inAuthorityReview(cloud, true, 'wx00000000000bea02');

    const page = pages.open('pages/progress/index');
    const open = await measure(pages, () => {
      lifecycle(page).onLoad?.({ id: reviewed });
      lifecycle(page).onShow?.();
    });
    if (page.instance.data.state !== 'authority_review')
      throw new Error('progress did not show 通管局审核中');
    const reload = await measure(pages, () => {
      lifecycle(page).onHide?.();
      lifecycle(page).onShow?.();
    });
    lifecycle(page).onUnload?.();
    page.detach();

    const sms = pages.open('pages/progress/index');
    await measure(pages, () => {
      lifecycle(sms).onLoad?.({ id: checking });
      lifecycle(sms).onShow?.();
    });
    if (sms.instance.data.sms === null) throw new Error('progress did not show the SMS check');
    const countdownTick = await measure(pages, () => lifecycle(sms).tick?.());
    lifecycle(sms).onUnload?.();
    sms.detach();
    return { open, reload, countdownTick };
  } finally {
    await cloud.close();
  }
}
