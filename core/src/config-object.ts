/**
 * Reading an operator's configuration (the extra holidays, the subscribe-message templates): an
 * object, or its JSON text, whose entries the caller then checks one by one, collecting issues.
 */
import type { Failure, Issue } from './result';

export interface Refused {
  ok: false;
  error: Failure;
}

/** A configuration refused as a whole, or with one issue per path in `fields`. */
export function invalid(message: string, fields?: Issue[]): Refused {
  return {
    ok: false,
    error: fields ? { code: 'VALIDATION', message, fields } : { code: 'VALIDATION', message },
  };
}

/** What a configuration is told when it is not JSON, not an object, or wrong in some entries. */
export interface ConfigMessages {
  notJson: string;
  notObject: string;
  wrong: string;
}

/**
 * Reads `input` (an object, or its JSON text parsed first) entry by entry: `entry` checks one and
 * pushes an issue per problem; any issue refuses the whole configuration, with every issue in it.
 */
export function readConfig(
  input: unknown,
  messages: ConfigMessages,
  entry: (key: string, value: unknown, issues: Issue[]) => void,
): { ok: true } | Refused {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return invalid(messages.notJson);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(messages.notObject);
  const issues: Issue[] = [];
  for (const [key, item] of Object.entries(value)) entry(key, item, issues);
  return issues.length > 0 ? invalid(messages.wrong, issues) : { ok: true };
}
