/**
 * setData bytes (issue 9): what each interaction of the filing form and the progress page sends to
 * the view layer, summed over every component's setData (the page's, ours, Vant's). The figure is
 * miniprogram-simulate as it is; the note gives the page's own share (exact), the breakdown and the
 * lower bound with only changed properties passed on to children (see env.ts for why both).
 */
import { figure, median, progress, type Figure } from '../figures';
import { installPages, type Pages, type Propagation, type SetDataCall } from './env';
import { formRun, progressRun, type FormRun, type ProgressRun, type Sample } from './scenarios';

type Interaction =
  | 'form.open'
  | 'form.keystroke'
  | 'form.keystroke.error'
  | 'form.autosave'
  | 'form.step'
  | 'progress.open'
  | 'progress.reload'
  | 'progress.tick';

const LABELS: Record<Interaction, string> = {
  'form.open': 'open the filing form on a saved draft',
  'form.keystroke': 'one typed character (no error showing)',
  'form.keystroke.error': 'one typed character in a field showing an error',
  'form.autosave': 'autosave after a typing pause (save indicator)',
  'form.step': 'step change (下一步), steps 1→2 … 4→5',
  'progress.open': 'open the progress page (通管局审核中, with history)',
  'progress.reload': 'back to the progress page, nothing changed',
  'progress.tick': 'one tick of the SMS countdown',
};

type Collected = Record<Interaction, Sample[]>;

function empty(): Collected {
  return Object.fromEntries(Object.keys(LABELS).map((key) => [key, []])) as unknown as Collected;
}

function collect(into: Collected, form: FormRun, shown: ProgressRun): void {
  into['form.open'].push(form.open);
  into['form.keystroke'].push(...form.keystrokes);
  into['form.keystroke.error'].push(...form.errorKeystrokes);
  into['form.autosave'].push(...form.autosave);
  into['form.step'].push(...form.steps);
  into['progress.open'].push(shown.open);
  into['progress.reload'].push(shown.reload);
  into['progress.tick'].push(shown.countdownTick);
}

/** Pages are under pages/ or a subpackage's page folders; components under a components/ folder. */
function owner(call: SetDataCall): 'page' | 'ours' | 'Vant' {
  if (call.component.startsWith('miniprogram_npm/')) return 'Vant';
  return /(^|\/)components\//.test(call.component) ? 'ours' : 'page';
}

/** Where the bytes of a typical sample went, and the biggest single setData in it. */
function breakdown(sample: Sample): string {
  const by = { page: 0, ours: 0, Vant: 0 };
  for (const call of sample.calls) by[owner(call)] += call.bytes;
  const parts = [`page ${by.page} B`, `our components ${by.ours} B`, `Vant ${by.Vant} B`];
  parts.push(`${sample.calls.length} calls`);
  const biggest = [...sample.calls].sort((a, b) => b.bytes - a.bytes)[0];
  if (biggest) {
    const where = biggest.component.replace(/\/index$/, '');
    parts.push(`largest ${where} {${biggest.keys.join(', ')}} ${biggest.bytes} B`);
  }
  return parts.join(' · ');
}

/** The bytes and calls of each step change of the first run, in order. */
function perStep(samples: readonly Sample[]): string {
  const first = samples.slice(0, 4);
  return ` · per step ${first.map((s) => s.bytes).join(' / ')} B, ${first.map((s) => s.calls.length).join(' / ')} calls`;
}

/**
 * Issue 19, target 3 (docs/benchmarks.md finding 8): at most 12 setData calls per step change, and
 * at most 1,000 B median. Counted: every setData of the page, of our components and of Vant's,
 * including those a component makes before it is attached (its observers run as its properties
 * arrive) — each is a call that crosses to the view layer. The figures before are 091b156's.
 */
const STEP_TARGET = { bytes: 1000, calls: 12 };
const STEP_BEFORE = 'before: 1,694 B median (93 – 6,560 B), 40 / 17 / 1 / 40 calls per step';

function stepCalls(samples: readonly Sample[]): Figure {
  const calls = samples.map((s) => s.calls.length);
  const worst = Math.max(...calls);
  return figure(
    {
      area: 'setData',
      id: 'setData.form.step.calls',
      label:
        'setData calls per step change (下一步), steps 1→2 … 4→5 (page, ours and Vant’s, attached or not)',
      unit: 'count',
      target: `≤ ${STEP_TARGET.calls} per step`,
      ok: worst <= STEP_TARGET.calls,
      note: 'the max is the costliest step; before: 40 calls for steps 1→2 and 4→5 (091b156)',
    },
    calls,
  );
}

function typical(samples: readonly Sample[]): Sample | undefined {
  const middle = median(samples.map((s) => s.bytes));
  return [...samples].sort((a, b) => Math.abs(a.bytes - middle) - Math.abs(b.bytes - middle))[0];
}

async function runAll(pages: Pages, mode: Propagation, runs: number): Promise<Collected> {
  pages.propagation = mode;
  const collected = empty();
  for (let run = 1; run <= runs; run += 1) {
    progress(`setData: run ${run}/${runs} (${mode} propagation)`);
    collect(collected, await formRun(pages), await progressRun(pages));
  }
  return collected;
}

export async function measureSetData(runs: number): Promise<Figure[]> {
  const pages = installPages();
  const upper = await runAll(pages, 'simulate', runs);
  const lower = await runAll(pages, 'changed', 1);
  const figures = (Object.keys(LABELS) as Interaction[]).map((id) => {
    const samples = upper[id];
    const sample = typical(samples);
    const floor = median(lower[id].map((s) => s.bytes));
    const parts = [`lower bound ${floor} B (only changed properties passed on)`];
    if (sample) parts.push(breakdown(sample));
    const bytes = samples.map((s) => s.bytes);
    const step = id === 'form.step';
    const met = median(bytes) <= STEP_TARGET.bytes;
    return figure(
      {
        area: 'setData',
        id: `setData.${id}`,
        label: LABELS[id],
        unit: 'B',
        ...(step ? { target: '≤ 1,000 B median', ok: met } : {}),
        note: parts.join(' · ') + (step ? `${perStep(samples)} · ${STEP_BEFORE}` : ''),
      },
      bytes,
    );
  });
  const at = figures.findIndex((f) => f.id === 'setData.form.step') + 1;
  figures.splice(at, 0, stepCalls(upper['form.step']));
  return figures;
}
