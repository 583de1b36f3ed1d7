/**
 * core's speed (issue 3): `check()` must be well under a millisecond, because the form runs it on
 * every keystroke of a field that shows an error (checkField and checkSection each run the whole
 * check); `transition()` is what every move of the server computes inside its transaction.
 * Each call is timed on its own; the median is of all timed calls after a warm-up.
 */
import {
  check,
  checkField,
  checkSection,
  startApplication,
  transition,
  type Application,
  type CheckTarget,
} from '@beian/core';
import { enterpriseForm, FILER, personalForm } from './fixtures';
import { elapsedMs, figure, percentile, type Figure, type FigureInput } from './figures';

/** A fixed "now", so the certificates' remaining validity (and so the rules run) never drifts. */
const NOW = new Date('2026-11-25T02:00:00.000Z');
const TODAY = '2026-11-25';
const WARM_UP = 300;

function perCall(calls: number, run: () => unknown): number[] {
  for (let i = 0; i < WARM_UP; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const started = process.hrtime.bigint();
    run();
    samples.push(elapsedMs(started) * 1000);
  }
  return samples;
}

function draft(target: CheckTarget): Application {
  const started = startApplication({
    id: 'app-bench-core',
    owner: FILER,
    kind: target.kind,
    cancelScope: target.cancelScope,
    base: null,
    now: new Date(NOW.getTime() - 3_600_000),
  });
  if (!started.ok) throw new Error(`startApplication: ${started.error.message}`);
  return { ...started.application, form: target.form };
}

/** A full form that fails a rule would stop early and flatter the figure: refuse to measure it. */
function assertClean(name: string, target: CheckTarget): void {
  const { errors, warnings } = check(target, { today: TODAY });
  if (errors.length + warnings.length > 0) {
    const first = [...errors, ...warnings][0];
    throw new Error(`bench fixture ${name} is not clean: ${first?.path} ${first?.message}`);
  }
}

export function measureCore(calls: number): Figure[] {
  const personal: CheckTarget = { kind: 'new', cancelScope: null, form: personalForm() };
  const enterprise: CheckTarget = { kind: 'new', cancelScope: null, form: enterpriseForm() };
  assertClean('personal', personal);
  assertClean('enterprise', enterprise);
  const options = { today: TODAY };
  const timed = (input: Omit<FigureInput, 'area' | 'unit'>, values: number[]): Figure => {
    const spread = `p95 ${percentile(values, 0.95).toFixed(1)} µs (the max is a GC pause or another process)`;
    const note = [input.note, `${calls} timed calls after ${WARM_UP} warm-up`, spread].filter(Boolean);
    return figure({ ...input, area: 'core', unit: 'µs', note: note.join('; ') }, values);
  };
  const checked = (id: string, label: string, of: CheckTarget): Figure => {
    const result = timed(
      { id, label, target: '< 1,000 µs' },
      perCall(calls, () => check(of, options)),
    );
    return { ...result, ok: result.median < 1000 };
  };
  const figures = [
    checked('core.check.personal', 'check() — full 个人 application', personal),
    checked('core.check.enterprise', 'check() — full 企业 application', enterprise),
    timed(
      {
        id: 'core.keystroke',
        label: 'checkField + checkSection — what one keystroke on a field showing an error runs',
        note: '企业, subject.principal.mobile',
      },
      perCall(calls, () => {
        checkField(enterprise, 'subject.principal.mobile', options);
        checkSection(enterprise, 'subjectPrincipal', options);
      }),
    ),
  ];

  const submitted = draft(enterprise);
  const filer = { kind: 'filer', openid: FILER } as const;
  const submit = () => transition(submitted, { type: 'submit' }, filer, NOW);
  const onReview = submit();
  if (!onReview.ok) throw new Error(`submit: ${onReview.error.message}`);
  const reviewer = { kind: 'admin', openid: 'o-bench-admin', name: '审核员' } as const;
  const approve = () => transition(onReview.application, { type: 'platform_approve' }, reviewer, NOW);
  if (!approve().ok) throw new Error('platform_approve was refused');
  figures.push(
    timed(
      {
        id: 'core.transition.submit',
        label: 'transition() — submit (runs check, due date, notices)',
        note: '企业 draft',
      },
      perCall(calls, submit),
    ),
    timed(
      { id: 'core.transition.platform_approve', label: 'transition() — platform_approve' },
      perCall(calls, approve),
    ),
  );
  return figures;
}
