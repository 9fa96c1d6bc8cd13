import { relaxed, withinBounds } from '../bounds';
import { DOT, digitRunEnd, isDigit, readGroupedDigits, readSpacedGroups, stripZeros } from '../text';
import { finish, kinds, NO_KINDS, roundAmount, type OfficeRules, type ParsedNumber, type NumberContext } from './office';

/** Kinds by the number's first digit: 1 inventions, 2 utility models, 3 designs (`CN 1234567 S` names no document). */
const CN_KINDS: Readonly<Record<string, ReadonlySet<string>>> = {
  '1': kinds('CN', 'A', 'B', 'C', 'A8', 'A9', 'B8', 'B9', 'C8', 'C9'),
  '2': kinds('CN', 'U', 'Y', 'U8', 'U9', 'Y8', 'Y9'),
  '3': kinds('CN', 'S', 'S8', 'S9'),
};
const kindsOf = (digits: string): ReadonlySet<string> => CN_KINDS[digits.charAt(0)] as ReadonlySet<string>;

/**
 * CNIPA's check digit of an application number (GB/T 28999 and the 2003 rules): digits
 * weighted 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 from the left, summed, modulo 11; 10 is `X`.
 */
export function cnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (2 + (i % 8));
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

function application(text: string, end: number, digits: string, ctx: NumberContext): ParsedNumber | null {
  const check = text[end + 1] as string;
  if (isDigit(text.charCodeAt(end + 2)) || (cnCheckDigit(digits) !== check && !relaxed.checkDigits) || !/[0-9X]/.test(check)) return null;
  return finish(text, end + 2, `CN${digits}.${check}`, 'application', NO_KINDS, ctx);
}

/** Publications: nine digits since 2007 (1… invention, 2… utility model, 3… design), seven before; within what was issued. */
function publication(digits: string): boolean {
  const first = digits.charCodeAt(0);
  if ((digits.length !== 9 && digits.length !== 7) || first < 0x31 || first > 0x33) return false;
  if (digits.length === 7) return true;
  return withinBounds(first === 0x31 ? 'CN invention' : first === 0x32 ? 'CN utility model' : 'CN design', digits);
}

export const CN: OfficeRules = {
  code: 'CN',
  parse(text, pos, ctx) {
    if (!isDigit(text.charCodeAt(pos))) return null;
    const run = digitRunEnd(text, pos, 12);
    const len = run - pos;
    // Application: `201510570472.5` (since 2003) or `98123456.7`, its check digit right.
    if ((len === 12 || len === 8) && text.charCodeAt(run) === DOT) return application(text, run, text.slice(pos, run), ctx);
    // As certificates print it: year, type (1 invention, 2 utility model, 3 design, 8 and 9 PCT
    // entries), serial: `2020 1 0123456.7`, before 2003 `98 1 23456.7`.
    if (len === 4 || len === 2) {
      const spaced = readSpacedGroups(text, pos, len === 4 ? [4, 1, 7] : [2, 1, 5]);
      const type = spaced ? spaced.digits.charAt(len) : '';
      if (spaced && '12389'.includes(type) && text.charCodeAt(spaced.end) === DOT) return application(text, spaced.end, spaced.digits, ctx);
    }
    if (ctx.intent === 'application') return null;
    // `CN 108,123,456`, and database exports zero-padded to eight (`CN01234567A`, with its kind).
    const g = readGroupedDigits(text, pos, 9);
    if (!g) return null;
    if (g.digits.length === 8 && g.digits.startsWith('0')) {
      const digits = stripZeros(g.digits);
      return publication(digits) ? finish(text, g.end, `CN${digits}`, 'publication', kindsOf(digits), ctx, true) : null;
    }
    if (!publication(g.digits)) return null;
    const r = finish(text, g.end, `CN${g.digits}`, 'publication', kindsOf(g.digits), ctx);
    // `CN 1,585,663` with neither kind nor label is a count in a table of offices: CNIPA never grouped its seven-digit numbers.
    if (r && r.kind === null && !ctx.labelled && g.digits.length === 7 && g.end - pos > 7) return null;
    return roundAmount(r, g.digits, g.end - pos, ctx) ? null : r;
  },
};
