/**
 * A figure is what the table prints and the JSON keeps: the median of its samples with the min and
 * max, so a noisy run shows as a wide range instead of hiding behind one number. Every section of
 * the bench turns its samples into figures here, the same way.
 */

export type Unit = 'B' | 'µs' | 'ms' | '×' | 'count';

export type Area = 'package' | 'setData' | 'core' | 'sqlite' | 'cloudbase' | 'cold start' | 'wechat' | 'ocr';

export interface Figure {
  area: Area;
  /** Stable id for comparing runs (`sqlite.filing.list.100000`). */
  id: string;
  /** What a reader of the table sees. */
  label: string;
  unit: Unit;
  median: number;
  min: number;
  max: number;
  /** How many samples the median is of. */
  samples: number;
  /** A stated target, e.g. `< 2×`, `≤ 2 MB`; `ok` says whether this run met it. */
  target?: string;
  ok?: boolean;
  /** What the samples are, or a breakdown worth reading next to the number. */
  note?: string;
}

export type FigureInput = Omit<Figure, 'median' | 'min' | 'max' | 'samples'>;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The value below which `share` of the samples fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function figure(input: FigureInput, values: readonly number[]): Figure {
  if (values.length === 0) throw new Error(`${input.id}: no samples`);
  return {
    ...input,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values.length,
  };
}

/** A single measured quantity that does not vary between runs (a byte count of files). */
export function exact(input: FigureInput, value: number): Figure {
  return figure(input, [value]);
}

/** Milliseconds since `started` (a `process.hrtime.bigint()` reading), with sub-µs precision. */
export function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs `run` `times` times in a row and answers each run's duration in milliseconds. */
export async function timeRuns(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(elapsedMs(started));
  }
  return samples;
}

/** Lets a section report what it is doing on stderr, so `--json=-` keeps stdout clean. */
export function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}
