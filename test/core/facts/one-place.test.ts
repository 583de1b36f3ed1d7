/**
 * Each workflow fact has one definition in core (docs/architecture.md § One place for each fact):
 * which states allow editing, the review stages, open and closed states, the labels of kinds and
 * cancel scopes, the record-number check. These tests fail when a copy reappears elsewhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CANCEL_SCOPE_INFO,
  CANCEL_SCOPES,
  CLOSED_STATES,
  DUE_STAGES,
  EDITABLE_STATES,
  FILING_KINDS,
  FILING_STATES,
  KIND_INFO,
  OPEN_STATES,
  REVIEW_STAGES,
  STATE_INFO,
  SUBMITTED_STATES,
  dueOf,
  eventsFrom,
  isOverdue,
} from '@beian/core';
import { inState } from '../workflow/build';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = ['core/src', 'server', 'miniprogram', 'local', 'cloudfunctions'];
const SKIP = /(^|\/)(miniprogram_npm|node_modules|dist)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.test(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = SOURCES.flatMap(sourceFiles).map((path) => ({
  path: relative(ROOT, join(ROOT, path)),
  text: readFileSync(join(ROOT, path), 'utf8'),
}));

/** `least` or more of `names` written out as a list (`['a', 'b']`, `[\n 'a',\n 'b',\n]`). */
function listOf(names: readonly string[], least = 2): RegExp {
  const name = `'(?:${names.join('|')})'`;
  return new RegExp(`\\[\\s*${name}(?:\\s*,\\s*${name}){${least - 1},}\\s*,?\\s*\\]`, 'g');
}

/** Two or more state names written out as a list: a copy of a workflow fact. */
const STATE_LIST = listOf(FILING_STATES);

function copiesOf(pattern: RegExp, owners: readonly string[]): string[] {
  return FILES.filter((file) => !owners.includes(file.path)).flatMap((file) =>
    [...file.text.matchAll(pattern)].map((match) => `${file.path}: ${match[0].replace(/\s+/g, ' ')}`),
  );
}

describe('workflow facts live in core once', () => {
  it('writes lists of states only where the workflow defines them', () => {
    const owners = ['core/src/model/application.ts', 'core/src/workflow/moves.ts'];
    expect(copiesOf(STATE_LIST, owners)).toEqual([]);
  });

  it('lists the kinds and cancel scopes only in core/src/model/kinds.ts', () => {
    // All of them: a shorter list is a choice of its own (the filer's change and cancel buttons).
    expect(copiesOf(listOf(FILING_KINDS, FILING_KINDS.length), [])).toEqual([]);
    expect(copiesOf(listOf(CANCEL_SCOPES, CANCEL_SCOPES.length), [])).toEqual([]);
    expect(FILING_KINDS).toEqual(Object.keys(KIND_INFO));
    expect(CANCEL_SCOPES).toEqual(Object.keys(CANCEL_SCOPE_INFO));
  });

  it('gives a due date exactly in the due stages, and flags only the reviews overdue', () => {
    const farLater = new Date('2030-01-01T00:00:00.000Z');
    const inEach = FILING_STATES.map((s) => inState(s));
    expect(inEach.filter((app) => dueOf(app) !== null).map((app) => app.state)).toEqual(DUE_STAGES);
    const overdue = inEach
      .map((app) => ({ ...app, due: dueOf(app) }))
      .filter((app) => isOverdue(app, farLater));
    expect(overdue.map((app) => app.state)).toEqual(REVIEW_STAGES);
  });

  it('derives open, closed and submitted states from the states themselves', () => {
    expect(CLOSED_STATES).toEqual(FILING_STATES.filter((s) => STATE_INFO[s].terminal));
    expect(SUBMITTED_STATES).toEqual(FILING_STATES.filter((s) => s !== 'draft'));
    expect([...OPEN_STATES, ...CLOSED_STATES].sort()).toEqual([...SUBMITTED_STATES].sort());
  });

  it('lets the filer edit exactly where a submit may follow', () => {
    expect(EDITABLE_STATES).toEqual(FILING_STATES.filter((s) => eventsFrom(s).includes('submit')));
  });

  it('names kinds and cancel scopes only in core', () => {
    const labels = [
      ...Object.values(KIND_INFO).map((info) => info.label),
      ...Object.values(CANCEL_SCOPE_INFO).map((info) => info.label),
    ];
    const literal = new RegExp(`'(?:${labels.join('|')})'`, 'g');
    const copies = FILES.filter((file) => file.path !== 'core/src/model/kinds.ts').flatMap((file) =>
      [...file.text.matchAll(literal)].map((match) => `${file.path}: ${match[0]}`),
    );
    expect(copies).toEqual([]);
  });

  it('checks record numbers with one pattern', () => {
    const copies = FILES.filter(
      (file) => file.path !== 'core/src/rules/record-number.ts' && /ICP备\(\?:|ICP备\\\\d/.test(file.text),
    ).map((file) => file.path);
    expect(copies).toEqual([]);
  });
});
