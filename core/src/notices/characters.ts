/**
 * Character classes for subscribe-message values. WeChat documents each keyword type only loosely
 * ("Chinese, digits, letters, symbols"), so these are deliberately conservative: whatever passes
 * here is text WeChat is known to accept. Emoji, other astral characters, control and invisible
 * characters are left out everywhere, since a 47003 is final and the filer never hears of it.
 * Code points are classified one by one without `\p{…}` escapes or the `u` flag, which old
 * mini-program engines may lack.
 */

/** Chinese characters: CJK unified ideographs, extension A, compatibility ideographs. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Printable ASCII punctuation: ! " # … / : … @ [ … ` { … ~. */
export function isAsciiSymbol(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/** Visible ASCII, space excluded. */
export function isAsciiVisible(code: number): boolean {
  return code >= 0x21 && code <= 0x7e;
}

const TEXT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII letters, digits, symbols, space
  [0xa1, 0xff], // Latin-1 punctuation and letters (· é ü)
  [0x100, 0x24f], // Latin extended
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes
  [0x2100, 0x214f], // letterlike symbols (℃ №)
  [0x2160, 0x2188], // Roman numerals
  [0x2190, 0x21ff], // arrows
  [0x2460, 0x24ff], // enclosed numbers (①)
  [0x3000, 0x303f], // CJK punctuation (，。「」、ideographic space)
  [0x3040, 0x30ff], // kana
  [0xac00, 0xd7a3], // Hangul syllables
  [0xff01, 0xff5e], // full-width forms (（）：！Ａ１)
  [0xffe0, 0xffe6], // full-width signs (￥)
];

/** A character a `thing` value may hold: readable text, nothing invisible, no emoji. */
export function isTextCharacter(code: number): boolean {
  if (isHan(code)) return true;
  return TEXT_RANGES.some(([low, high]) => code >= low && code <= high);
}

export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0xa0 || (code >= 0x09 && code <= 0x0d);
}

/** Code points, so a surrogate pair (an emoji) is one character and never split in half. */
export function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const character of text) points.push(character.codePointAt(0) ?? 0);
  return points;
}

export function fromCodePoints(points: readonly number[]): string {
  return points.map((point) => String.fromCodePoint(point)).join('');
}
