/**
 * WeChat's check of subscribe-message data, by keyword type (docs/cloud-platform.md § Subscribe messages): the local
 * cloud's messenger answers with it exactly as `subscribeMessage.send` would, and the tests use it
 * to prove that rendered messages never earn error 47003. Where WeChat's rule is vague, the check
 * is the stricter reading.
 */
import {
  codePoints,
  isAsciiLetter,
  isAsciiSymbol,
  isAsciiVisible,
  isDigit,
  isHan,
  isTextCharacter,
  isWhitespace,
} from './characters';
import { keywordTypeOf, LIMITS, type KeywordType } from './keywords';
import type { SubscribeMessage } from './message';

export interface MessageRejection {
  errCode: 47003;
  errMsg: string;
}

const DATE = '(\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{1,2}-\\d{1,2})';
const CLOCK = '([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?';
const ranged = (one: string) => new RegExp(`^${one}(~${one})?$`);
const TIME = ranged(`(${DATE} )?${CLOCK}`);
const DATE_ONLY = ranged(`${DATE}( ${CLOCK})?`);
const AMOUNT = /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/;
const PHONE = /^[\d+\-() ]{1,17}$/;
const NUMBER = /^\d+(\.\d+)?$/;

function isThing(points: number[]): boolean {
  return points.length <= LIMITS.thing && points.every(isTextCharacter);
}

function isName(points: number[]): boolean {
  const allowed = points.every(
    (p) => isHan(p) || isAsciiLetter(p) || isAsciiSymbol(p) || p === 0x20 || p === 0xb7,
  );
  const latin = points.every((p) => p < 0x80);
  return allowed && points.length <= (latin ? LIMITS.nameLatin : LIMITS.nameChinese);
}

function isCarNumber(points: number[]): boolean {
  const inner = (p: number) => isAsciiLetter(p) || isDigit(p);
  return (
    points.length <= 8 &&
    points.every((p, index) => inner(p) || (isHan(p) && (index === 0 || index === points.length - 1)))
  );
}

type Rule = (value: string, points: number[]) => boolean;

const RULES: Readonly<Record<KeywordType, Rule>> = {
  thing: (_value, points) => isThing(points),
  number: (value, points) => NUMBER.test(value) && points.filter(isDigit).length <= LIMITS.number,
  letter: (_value, points) => points.length <= LIMITS.letter && points.every(isAsciiLetter),
  symbol: (_value, points) => points.length <= LIMITS.symbol && points.every(isAsciiSymbol),
  character_string: (_value, points) =>
    points.length <= LIMITS.characterString && points.every(isAsciiVisible),
  time: (value) => TIME.test(value),
  date: (value) => DATE_ONLY.test(value),
  amount: (value) => AMOUNT.test(value),
  phone_number: (value, points) => PHONE.test(value) && points.some(isDigit),
  car_number: (_value, points) => isCarNumber(points),
  name: (_value, points) => isName(points),
  phrase: (_value, points) => points.length <= LIMITS.phrase && points.every(isHan),
  // The allowed values live in the template; only emptiness can be checked here.
  enum: () => true,
};

const rejection = (key: string, problem: 'empty' | 'invalid'): MessageRejection => ({
  errCode: 47003,
  errMsg: `argument invalid! data.${key}.value ${problem}`,
});

/** null when WeChat would accept the message's data; otherwise the 47003 it would answer. */
export function validateMessage(message: SubscribeMessage): MessageRejection | null {
  for (const [key, keyword] of Object.entries(message.data)) {
    const value: unknown = keyword?.value;
    if (value === undefined || value === null || value === '') return rejection(key, 'empty');
    if (typeof value !== 'string') return rejection(key, 'invalid');
    if (codePoints(value).every(isWhitespace)) return rejection(key, 'empty');
    const type = keywordTypeOf(key);
    if (type === null || !RULES[type](value, codePoints(value))) return rejection(key, 'invalid');
  }
  return null;
}
