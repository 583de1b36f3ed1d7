/**
 * A decrypted message (or an envelope) as one bag of fields, whichever format WeChat chose: the
 * open platform pushes XML, and a console setting (数据格式) switches some pushes to JSON.
 */
import { parseXml } from './xml';

export type Fields = Readonly<Record<string, unknown>>;

/** The message's top-level fields, or undefined when it is neither WeChat's XML nor a JSON object. */
export function parseFields(text: string): Fields | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return parseXml(trimmed);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  // Null prototype, so a `__proto__` or `constructor` key reads as data and nothing else does.
  return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
}

/** A field as text: XML gives strings, JSON may give numbers for the same field. */
export function textField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function intField(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Reads the fields an event needs and remembers which were missing or malformed, so an event is
 * refused with every problem named at once instead of being half-filled.
 */
export class FieldReader {
  readonly problems: string[] = [];

  constructor(private readonly fields: Fields) {}

  text(name: string): string {
    const value = textField(this.fields, name);
    if (value === undefined || value === '') this.problems.push(name);
    return value ?? '';
  }

  optionalText(name: string): string | undefined {
    const value = textField(this.fields, name);
    return value === '' ? undefined : value;
  }

  int(name: string): number {
    const value = intField(this.fields, name);
    if (value === undefined) this.problems.push(name);
    return value ?? 0;
  }

  optionalInt(name: string): number | undefined {
    const present = this.fields[name] !== undefined && this.fields[name] !== '';
    const value = intField(this.fields, name);
    if (present && value === undefined) this.problems.push(name);
    return value;
  }

  oneOf<T extends number>(name: string, allowed: readonly T[]): T {
    const value = intField(this.fields, name);
    const found = allowed.find((a) => a === value);
    if (found === undefined) this.problems.push(name);
    return found ?? (allowed[0] as T);
  }
}
