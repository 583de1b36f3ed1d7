/**
 * `npm run bench`: the figures that say whether Beian is fast and small — package size, setData
 * bytes, core's checks, the back end on sqlite at 1,000 and 100,000 applications, and the cloud
 * functions' cold start — printed as one markdown table. Options (see bench/README.md):
 *   --json[=file|-]  also write the figures as JSON (default dist/bench/figures.json; `-` = stdout)
 *   --doc            rewrite the generated table in docs/benchmarks.md
 *   --only=a,b       run some sections: package, core, sqlite, submit, cloudbase, cold, wechat, ocr, setdata
 *   --check          exit 1 when a figure misses its target
 * Never part of `npm test`.
 */
import { join } from 'node:path';
import { ROOT } from '../scripts/build-steps';
import { measureCloudbaseQueue } from './cloudbase';
import { measureColdStart } from './cold-start';
import { measureCore } from './core';
import { progress, type Figure } from './figures';
import { measureRecognition } from './ocr';
import { measurePackage } from './package/measure';
import { heading, machine, table, writeDoc, writeJson, type Report } from './report';
import { measureSetData } from './setdata/measure';
import { measureSize, sqliteFigures } from './sqlite/measure';
import { measureSubmit, submitFigures } from './sqlite/submit';
import { measureTokenRefresh } from './wechat';
import { measurePoll } from './wechat-poll';

const SECTIONS = [
  'package',
  'core',
  'sqlite',
  'submit',
  'cloudbase',
  'cold',
  'wechat',
  'ocr',
  'setdata',
] as const;
type Section = (typeof SECTIONS)[number];

/** How often each figure is sampled: enough for a stable median, the whole bench under 3 minutes. */
const RUNS = {
  coreCalls: 2000,
  sqlite: { page: 50, search: 15, sweep: 7 },
  submits: 30,
  sizes: [1_000, 100_000] as const,
  coldStart: 9,
  setData: 3,
  tokenRefresh: 5,
  poll: 5,
  recognition: 3,
};

/** A wrong command line: said in one line, without a stack. */
class UsageError extends Error {}

interface Options {
  json: string | null;
  doc: boolean;
  check: boolean;
  only: Set<Section>;
}

function parse(args: readonly string[]): Options {
  const options: Options = { json: null, doc: false, check: false, only: new Set(SECTIONS) };
  for (const arg of args) {
    const [flag, value] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--json') options.json = value ?? join(ROOT, 'dist', 'bench', 'figures.json');
    else if (flag === '--doc') options.doc = true;
    else if (flag === '--check') options.check = true;
    else if (flag === '--only' && value) {
      const wanted = value.split(',');
      const unknown = wanted.filter((name) => !SECTIONS.includes(name as Section));
      if (unknown.length > 0)
        throw new UsageError(`--only: unknown section ${unknown.join(', ')} (${SECTIONS.join(', ')})`);
      options.only = new Set(wanted as Section[]);
    } else throw new UsageError(`unknown option ${arg}; see bench/README.md`);
  }
  return options;
}

async function sqlite(): Promise<Figure[]> {
  const [small, large] = RUNS.sizes;
  const first = await measureSize(small, RUNS.sqlite);
  const second = await measureSize(large, RUNS.sqlite);
  return sqliteFigures(first, second);
}

/** The submit on its own seeded databases: its withdrawals would change what the sqlite section reads. */
async function submit(): Promise<Figure[]> {
  const [small, large] = RUNS.sizes;
  return submitFigures(await measureSubmit(small, RUNS.submits), await measureSubmit(large, RUNS.submits));
}

/**
 * Sections run in this order on purpose: setData last, because it installs a DOM window into the
 * process; the timing sections first, while nothing else of ours is running.
 */
const RUNNERS: Record<Section, () => Promise<Figure[]>> = {
  package: () => measurePackage(),
  core: async () => measureCore(RUNS.coreCalls),
  sqlite,
  submit,
  cloudbase: () => measureCloudbaseQueue(),
  cold: () => measureColdStart(RUNS.coldStart),
  wechat: async () => [
    ...(await measureTokenRefresh(RUNS.tokenRefresh)),
    ...(await measurePoll(RUNS.sizes, RUNS.poll)),
  ],
  ocr: () => measureRecognition(RUNS.recognition),
  setdata: () => measureSetData(RUNS.setData),
};

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const started = Date.now();
  const report: Report = { date: new Date().toISOString(), machine: machine(), seconds: 0, figures: [] };
  for (const section of SECTIONS) {
    if (!options.only.has(section)) continue;
    const at = Date.now();
    progress(`${section}…`);
    report.figures.push(...(await RUNNERS[section]()));
    progress(`${section} done in ${((Date.now() - at) / 1000).toFixed(1)} s`);
  }
  report.seconds = (Date.now() - started) / 1000;

  const toStdout = options.json === '-';
  const print = (text: string) => (toStdout ? process.stderr : process.stdout).write(`${text}\n`);
  print(`\n${heading(report)}\n\n${table(report.figures)}\n`);
  const missed = report.figures.filter((f) => f.ok === false);
  if (missed.length > 0) print(`targets missed: ${missed.map((f) => f.id).join(', ')}`);
  if (toStdout) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.json) {
    writeJson(report, options.json);
    print(`figures written to ${options.json}`);
  }
  if (options.doc) {
    const doc = join(ROOT, 'docs', 'benchmarks.md');
    writeDoc(report, doc);
    print(`table written to ${doc}`);
  }
  // The DOM, timers and the pages' modules would keep the process alive; the figures are out.
  process.exit(options.check && missed.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
  process.exit(2);
});
