/**
 * The bench's outputs: one markdown table (printed, and kept in docs/benchmarks.md between two
 * markers so the prose around it survives a re-run), and the same figures as JSON for comparing
 * runs (`npm run bench -- --json`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Figure } from './figures';

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  os: string;
  memoryGb: number;
  /** 1-minute load average when the bench started: other work on the machine shows up here. */
  loadAtStart: number;
}

export interface Report {
  date: string;
  machine: Machine;
  /** Seconds the whole bench took. */
  seconds: number;
  figures: Figure[];
}

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function formatValue(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'B':
      return value >= 10_000
        ? `${Math.round(value).toLocaleString('en')} B (${(value / 1024).toFixed(1)} KB)`
        : `${Math.round(value).toLocaleString('en')} B`;
    case 'µs':
      return `${value.toFixed(1)} µs`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case '×':
      return `${value.toFixed(2)}×`;
    case 'count':
      return String(Math.round(value));
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(figures: readonly Figure[]): string {
  const rows = [
    '| area | figure | median | min | max | n | target | notes |',
    '|---|---|--:|--:|--:|--:|---|---|',
  ];
  for (const f of figures) {
    const single = f.samples === 1;
    const target = f.target ? `${f.target} ${f.ok === false ? '✗' : '✓'}` : '';
    rows.push(
      `| ${[
        f.area,
        f.label,
        formatValue(f.median, f.unit),
        single ? '—' : formatValue(f.min, f.unit),
        single ? '—' : formatValue(f.max, f.unit),
        String(f.samples),
        target,
        f.note ?? '',
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return rows.join('\n');
}

export function heading(report: Report): string {
  const m = report.machine;
  return [
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}, Node ${m.node};`,
    `1-minute load average at start ${m.loadAtStart}; the whole bench took ${report.seconds.toFixed(0)} s.`,
  ].join('\n');
}

export function writeJson(report: Report, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export const DOC_START = '<!-- bench:start (written by `npm run bench -- --doc`) -->';
export const DOC_END = '<!-- bench:end -->';

/** Replaces the generated part of the document, keeping everything written around it. */
export function writeDoc(report: Report, file: string): void {
  const generated = `${DOC_START}\n${heading(report)}\n\n${table(report.figures)}\n${DOC_END}`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `# Benchmarks\n\n${DOC_START}\n${DOC_END}\n`;
  const start = current.indexOf(DOC_START);
  const end = current.indexOf(DOC_END);
  const next =
    start === -1 || end === -1
      ? `${current.trimEnd()}\n\n${generated}\n`
      : `${current.slice(0, start)}${generated}${current.slice(end + DOC_END.length)}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
}
