/**
 * The aggregation pipeline of the database double (cloud-db.ts): exactly the stages and the one
 * accumulator the adapter uses, with the real cloud's semantics, and a loud error for anything else
 * (so a new use cannot pass here and fail on the cloud):
 *
 * - `match(condition)`: the same conditions as `where`;
 * - `group({ _id: '$field', name: $.sum(1) })`: one result per distinct value of the field
 *   (a missing field groups under null), `$.sum(n)` adds n per document, `$.sum('$field')` adds the
 *   field's numbers; results in no promised order;
 * - `limit(n)`: at most n results from there on; without any `limit` `end()` answers at most 20
 *   (a cloud function's default for aggregates, unlike the 100 of a plain read);
 * - `end()` → `{ list, errMsg }`, one request.
 */
import type { Aggregate, AggregateCommand, Operator } from '../../../server/cloudbase/db';

type Json = Record<string, unknown>;

class Accumulator {
  constructor(
    readonly name: 'sum',
    readonly operand: number | string,
  ) {}
}

export const aggregateCommand: AggregateCommand = {
  sum: (value) => new Accumulator('sum', value) as Operator,
};

/** The default number of results of an aggregate in a cloud function. */
const DEFAULT_AGGREGATE_LIMIT = 20;

type Stage = (docs: Json[]) => Json[];

function fieldOf(reference: unknown): string {
  if (typeof reference !== 'string' || !reference.startsWith('$')) {
    throw new Error(`aggregate double: group _id must be '$field', got ${JSON.stringify(reference)}`);
  }
  return reference.slice(1);
}

function groupStage(spec: Json, valueAt: (doc: Json, path: string) => unknown): Stage {
  const key = fieldOf(spec._id);
  const accumulators = Object.entries(spec).filter(([name]) => name !== '_id');
  for (const [name, accumulator] of accumulators) {
    if (!(accumulator instanceof Accumulator)) throw new Error(`aggregate double: ${name} is not $.sum`);
  }
  return (docs) => {
    const groups = new Map<string, Json>();
    for (const doc of docs) {
      const value = valueAt(doc, key) ?? null;
      const id = JSON.stringify(value);
      const group = groups.get(id) ?? { _id: value };
      for (const [name, accumulator] of accumulators) {
        const { operand } = accumulator as Accumulator;
        const add = typeof operand === 'number' ? operand : Number(valueAt(doc, fieldOf(operand)) ?? 0);
        group[name] = Number(group[name] ?? 0) + add;
      }
      groups.set(id, group);
    }
    return [...groups.values()];
  };
}

export interface AggregateSource {
  docs(): Json[];
  matches(doc: Json, condition: unknown): boolean;
  valueAt(doc: Json, path: string): unknown;
  /** Called once per `end()`: the request the double counts. */
  request(): void;
}

export function aggregateOf(source: AggregateSource, stages: Stage[] = [], limited = false): Aggregate {
  const then = (stage: Stage, limit = limited) => aggregateOf(source, [...stages, stage], limit);
  return {
    match: (condition) => then((docs) => docs.filter((doc) => source.matches(doc, condition))),
    group: (spec) => then(groupStage(spec, source.valueAt)),
    limit: (n) => {
      if (!Number.isInteger(n) || n < 1) throw new Error(`aggregate double: limit ${n}`);
      return then((docs) => docs.slice(0, n), true);
    },
    async end() {
      source.request();
      const result = stages.reduce((docs, stage) => stage(docs), source.docs());
      const list = limited ? result : result.slice(0, DEFAULT_AGGREGATE_LIMIT);
      return { list: JSON.parse(JSON.stringify(list)) as Json[], errMsg: 'collection.aggregate:ok' };
    },
  };
}
