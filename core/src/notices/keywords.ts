/**
 * Keyword types and how a text is fitted to one. A template keyword's name carries its type as a
 * prefix (`thing1`, `phrase2`, `character_string3`); each type has its own rule (wechat-platform.md
 * §6.3). `fitText` and `fitTime` always return a value `validateMessage` accepts.
 */
import { formatBeijingDate, formatBeijingTime } from '../calendar/beijing';
import {
  codePoints,
  fromCodePoints,
  isAsciiLetter,
  isAsciiSymbol,
  isAsciiVisible,
  isHan,
  isTextCharacter,
  isWhitespace,
} from './characters';

export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
  'enum',
] as const;

export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** The types Beian fills from free text. */
export type TextKeywordType =
  'thing' | 'name' | 'phrase' | 'character_string' | 'number' | 'letter' | 'symbol';

/** The types Beian fills from an instant. */
export type TimeKeywordType = 'time' | 'date';

export const LIMITS = {
  thing: 20,
  nameChinese: 10,
  nameLatin: 20,
  phrase: 5,
  characterString: 32,
  number: 32,
  letter: 32,
  symbol: 5,
};

/** The type of a keyword from its name (`thing12` → `thing`), or null for a malformed name. */
export function keywordTypeOf(name: string): KeywordType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(name);
  const prefix = match?.[1];
  return KEYWORD_TYPES.find((type) => type === prefix) ?? null;
}

/** Text characters only, whitespace runs collapsed to one space, trimmed. */
function readableText(text: string): number[] {
  const points: number[] = [];
  for (const point of codePoints(text)) {
    if (isWhitespace(point)) {
      if (points.length > 0 && points[points.length - 1] !== 0x20) points.push(0x20);
    } else if (isTextCharacter(point)) {
      points.push(point);
    }
  }
  while (points[points.length - 1] === 0x20) points.pop();
  return points;
}

function truncate(points: number[], max: number, ellipsis: boolean): number[] {
  if (points.length <= max) return points;
  if (!ellipsis) return points.slice(0, max);
  const kept = points.slice(0, max - 1);
  while (kept[kept.length - 1] === 0x20) kept.pop();
  return [...kept, 0x2026];
}

/** ≤ 10 characters when any is Chinese (or otherwise non-Latin), ≤ 20 when all are Latin letters/symbols. */
function fitName(text: string): string {
  const points = readableText(text).filter(
    (p) => isHan(p) || isAsciiLetter(p) || isAsciiSymbol(p) || p === 0x20 || p === 0xb7,
  );
  const latin = points.every((p) => p < 0x80);
  const kept = truncate(points, latin ? LIMITS.nameLatin : LIMITS.nameChinese, false);
  while (kept[kept.length - 1] === 0x20) kept.pop();
  return fromCodePoints(kept);
}

function fitNumber(text: string): string {
  const match = /\d+(\.\d+)?/.exec(text);
  if (!match) return '';
  const [whole = '', fraction] = match[0].split('.');
  const digits = whole.slice(0, LIMITS.number);
  const room = LIMITS.number - digits.length;
  return fraction && room > 0 ? `${digits}.${fraction.slice(0, room)}` : digits;
}

/** The types that keep only characters of one class, and at most how many of them. */
const KEPT: Readonly<
  Record<'phrase' | 'character_string' | 'letter' | 'symbol', readonly [(point: number) => boolean, number]>
> = {
  phrase: [isHan, LIMITS.phrase],
  character_string: [isAsciiVisible, LIMITS.characterString],
  letter: [isAsciiLetter, LIMITS.letter],
  symbol: [isAsciiSymbol, LIMITS.symbol],
};

function fitOnce(type: TextKeywordType, text: string): string {
  switch (type) {
    case 'thing':
      return fromCodePoints(truncate(readableText(text), LIMITS.thing, true));
    case 'name':
      return fitName(text);
    case 'number':
      return fitNumber(text);
    case 'phrase':
    case 'character_string':
    case 'letter':
    case 'symbol': {
      const [keep, limit] = KEPT[type];
      return fromCodePoints(codePoints(text).filter(keep).slice(0, limit));
    }
  }
}

/** What a type gets when nothing of the text survives: never an empty value. */
const LAST_RESORT: Record<TextKeywordType, string> = {
  thing: '详见小程序',
  name: '详见小程序',
  phrase: '详见小程序',
  character_string: '-',
  number: '0',
  letter: 'NA',
  symbol: '-',
};

/**
 * `text` fitted to a keyword type: characters the type does not allow are dropped, a long `thing`
 * ends in an ellipsis, other types are cut. When nothing is left, `fallback` is fitted instead,
 * then a fixed value, so the result is never empty.
 */
export function fitText(type: TextKeywordType, text: string, fallback = ''): string {
  return fitOnce(type, text) || fitOnce(type, fallback) || LAST_RESORT[type];
}

/** An instant as a `time` (`2026年10月1日 15:01`) or `date` (`2026年10月1日`) keyword, in Beijing time. */
export function fitTime(type: TimeKeywordType, at: string): string {
  return type === 'time' ? formatBeijingTime(at) : formatBeijingDate(at);
}
