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

/** `input` as an object (parsed first when it is text); `notJson` / `notObject` say what is wrong. */
export function configObject(
  input: unknown,
  notJson: string,
  notObject: string,
): { ok: true; value: Record<string, unknown> } | Refused {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return invalid(notJson);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(notObject);
  return { ok: true, value: value as Record<string, unknown> };
}
