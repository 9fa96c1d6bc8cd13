// Character tests and bounded readers shared by the office rules. Every reader looks
// at most a constant number of characters ahead, which keeps the whole scan linear.

export const SPACE = 0x20;
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const NBSP = 0xa0;
export const HYPHEN = 0x2d;
export const SLASH = 0x2f;
export const DOT = 0x2e;
export const COMMA = 0x2c;
export const COLON = 0x3a;

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** ASCII only, so numbers glued to CJK text (`参见CN104169186A`) still have a word boundary. */
export function isWordChar(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 0x5f;
}

/** Spaces that may separate the parts of one number (no line breaks). */
export function isInlineSpace(c: number): boolean {
  return c === SPACE || c === NBSP || c === 0x2009 || c === 0x202f || c === TAB;
}

/** True when `pos` is past the end or not an ASCII word character. */
export function boundaryAt(text: string, pos: number): boolean {
  return pos >= text.length || !isWordChar(text.charCodeAt(pos));
}

/** End of the run of digits at `pos`, reading at most `max` + 1 so an over-long run shows as too long. */
export function digitRunEnd(text: string, pos: number, max: number): number {
  const limit = Math.min(text.length, pos + max + 1);
  let i = pos;
  while (i < limit && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Exactly `n` digits at `pos`, not followed by another digit. */
export function exactDigits(text: string, pos: number, n: number): boolean {
  return digitRunEnd(text, pos, n) - pos === n;
}

/** A space between digit groups: plain, no-break, thin or narrow no-break. */
function isSpaceSeparator(c: number): boolean {
  return c === SPACE || c === NBSP || c === 0x2009 || c === 0x202f;
}

function isGroupSeparator(c: number): boolean {
  return c === COMMA || c === DOT || isSpaceSeparator(c);
}

/**
 * Digits in groups of exactly the given sizes, one space between groups (`20 123 456`,
 * `2020 1 0123456`): how application numbers are printed on certificates and in EPO
 * letters. Null unless every group is there, whole.
 */
export function readSpacedGroups(text: string, pos: number, sizes: readonly number[]): DigitsRead | null {
  let end = pos;
  let digits = '';
  for (let i = 0; i < sizes.length; i++) {
    if (i > 0) {
      if (!isSpaceSeparator(text.charCodeAt(end))) return null;
      end++;
    }
    const size = sizes[i] as number;
    if (!exactDigits(text, end, size)) return null;
    digits += text.slice(end, end + size);
    end += size;
  }
  return { end, digits };
}

export interface DigitsRead {
  end: number;
  digits: string;
}

/**
 * Digits as people group them: a plain run, or 1–3 digits then groups of exactly three
 * joined by one consistent separator (`7,123,456`, `1 234 567`, `1.234.567`).
 * Null when there are no digits or more than `maxDigits`.
 */
export function readGroupedDigits(text: string, pos: number, maxDigits: number): DigitsRead | null {
  let end = digitRunEnd(text, pos, maxDigits);
  if (end === pos || end - pos > maxDigits) return null;
  let digits = text.slice(pos, end);
  if (digits.length <= 3) {
    const sep = text.charCodeAt(end);
    if (isGroupSeparator(sep)) {
      while (text.charCodeAt(end) === sep && exactDigits(text, end + 1, 3)) {
        digits += text.slice(end + 1, end + 4);
        end += 4;
        if (digits.length > maxDigits) return null;
      }
    }
  }
  return { end, digits };
}

/** Skips at most four whitespace characters with at most one line break (labels wrap in prose). */
export function skipGap(text: string, pos: number): number {
  let i = pos;
  let breaks = 0;
  const limit = Math.min(text.length, pos + 4);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isInlineSpace(c)) i++;
    else if (c === LF || c === CR) {
      if (breaks++ > 0) break;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else break;
  }
  return i;
}

/** One optional separator between an office code and its number: `US 7…`, `US-2021-…`. */
export function skipCodeSeparator(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  return isInlineSpace(c) || c === HYPHEN ? pos + 1 : pos;
}

/** Whether the digits seem to go on past `end` in a way no rule read (`7,123,456.78`, `2020-01-15`). */
export function continuesNumber(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return (c === COMMA || c === DOT || c === SLASH || c === HYPHEN || c === COLON) && isDigit(text.charCodeAt(end + 1));
}

/** Four digits that make a plausible year of a patent document (1900–2099). */
export function isYear(text: string, pos: number): boolean {
  const a = text.charCodeAt(pos);
  const b = text.charCodeAt(pos + 1);
  return (a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30);
}

/** Strips leading zeros; US serials are written with and without them. */
export function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Copies with ASCII letters upper-cased only, so offsets stay valid (unlike toUpperCase on `ß`). */
export function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

/** Line breaks in text[from, to): CRLF, LF and lone CR each count once, as VS Code counts lines. */
export function lineBreaks(text: string, from: number, to: number): number {
  if (to - from > 64) return lineBreaksBySearch(text, from, to);
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * The same over a long span by indexOf, native and many times faster than a loop over every
 * character. Searched in a slice (a view, not a copy), so a search never runs past `to`.
 */
function lineBreaksBySearch(text: string, from: number, to: number): number {
  const s = from === 0 && to === text.length ? text : text.slice(from, to);
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) if (text.charCodeAt(from + i + 1) !== LF) n++;
  return n;
}
