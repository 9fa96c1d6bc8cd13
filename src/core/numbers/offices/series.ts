// Offices whose numbers are a plain serial per series (DE, GB, FR, CA, AU, TW, IN, BR, RU,
// ES, IT, NL, CH, AT, SE, DK, MX): each series is a digit count, an optional letter prefix,
// a test of its leading digits, its kind codes and its bound. One reader serves them all:
// digits as written (plain, grouped by spaces as most offices print them, or by commas),
// then the series whose length and test fit, then the kind.
import { type Series, withinBounds } from '../bounds';
import { COMMA, DOT, digitRunEnd, isDigit, isUpper, readGroupedDigits, stripZeros } from '../text';
import type { NumberType, OfficeCode } from '../types';
import { finish, NO_KINDS, roundAmount, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

export interface SeriesRule {
  /** Digits of the serial, after any letter prefix. */
  digits: number;
  /** Letters printed before the digits: TW `I`, `M`, `D`; BR `PI`, `MU`; MX `PA`. */
  prefix?: string;
  /** A test of the digits (a year, a first digit). */
  test?: (digits: string) => boolean;
  kinds: ReadonlySet<string>;
  /** Read only with a kind code written or an office label before it: short series, codes that are words (IN, IT, AT). */
  needsKind?: boolean;
  /** As `needsKind` when written as one run of digits: only the office's own grouping (`2 123 456`) tells a publication. */
  plainNeedsKind?: boolean;
  /** The highest serial issued (bounds.ts). */
  bound?: Series;
  /** `.7` after the digits makes it an application with its check digit (`DE 10 2019 123 456.7`); 'only': never a publication. */
  checkDigitApplication?: boolean | 'only';
  /** Only read after an application label (`Taiwan Patent Application No. 105123456`). */
  applicationOnly?: boolean;
  /** The compact number; default office + prefix + digits. */
  compact?: (digits: string) => string;
}

export interface SeriesOffice {
  code: OfficeCode;
  series: readonly SeriesRule[];
  /** Forms the generic reader does not cover (`AU 2020/123456`, `BR 10-2019-012345-2`), tried first. */
  special?: (text: string, pos: number, ctx: NumberContext) => ParsedNumber | null;
  /** Whether commas group the digits (`CA 2,123,456`); dots never do (`2.000.000` is an amount). */
  commas?: boolean;
  /** The application number is the document's number (CA, AU, IN, MX, DK): `Application No.` names the same document. */
  sameNumber?: boolean;
}

const MAX_GROUPS = 6;

/** A single space, no-break space or thin space between digit groups. */
function isGroupSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/**
 * Digits at `pos` as the office prints them: one run, or runs of up to six digits each joined by
 * single spaces (`10 2019 123 456`, `2 123 456`, `195 12 345`). Only the whole sequence counts:
 * stopping inside it (`4 123 456 12`) would make a number nobody wrote.
 */
export function readSpacedDigits(text: string, pos: number, maxDigits = 16): { digits: string; end: number } | null {
  let end = digitRunEnd(text, pos, maxDigits);
  if (end === pos || end - pos > maxDigits) return null;
  let digits = text.slice(pos, end);
  for (let n = 1; n < MAX_GROUPS && isGroupSpace(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1)); n++) {
    const groupEnd = digitRunEnd(text, end + 1, 6);
    if (groupEnd - end - 1 > 6) return null;
    digits += text.slice(end + 1, groupEnd);
    end = groupEnd;
    if (digits.length > maxDigits) return null;
  }
  return { digits, end };
}

function fits(rule: SeriesRule, digits: string, ctx: NumberContext): boolean {
  if (rule.digits !== digits.length || (rule.test && !rule.test(digits))) return false;
  if (rule.applicationOnly && ctx.intent !== 'application') return false;
  return !rule.bound || withinBounds(rule.bound, digits);
}

function readAs(office: SeriesOffice, rule: SeriesRule, text: string, start: number, end: number, digits: string, ctx: NumberContext, padded: boolean): ParsedNumber | null {
  const base = rule.compact ? rule.compact(digits) : `${office.code}${rule.prefix ?? ''}${digits}`;
  if (rule.checkDigitApplication && text.charCodeAt(end) === DOT && isDigit(text.charCodeAt(end + 1)) && !isDigit(text.charCodeAt(end + 2))) {
    return finish(text, end + 2, `${base}.${text[end + 1]}`, 'application', NO_KINDS, ctx);
  }
  if (rule.checkDigitApplication === 'only') return null;
  const type: NumberType = rule.applicationOnly ? 'application' : 'publication';
  if (ctx.intent === 'application' && type !== 'application' && !office.sameNumber) return null;
  const plain = rule.plainNeedsKind === true && end - start === digits.length;
  const r = finish(text, end, base, type, type === 'application' ? NO_KINDS : rule.kinds, ctx, padded || rule.needsKind === true || plain);
  return roundAmount(r, digits, end - start, ctx) ? null : r;
}

function tryRules(office: SeriesOffice, rules: readonly SeriesRule[], text: string, start: number, end: number, digits: string, ctx: NumberContext): ParsedNumber | null {
  // A serial is never written with a leading zero (`AT 001 234 B`): zeros before it are padding, read below.
  // Application numbers may lead with one (`GB 0912345.6`, of 2009).
  const zeroLed = digits.charCodeAt(0) === 0x30;
  for (const rule of rules) {
    if ((zeroLed && !rule.prefix && !rule.checkDigitApplication) || !fits(rule, digits, ctx)) continue;
    const r = readAs(office, rule, text, start, end, digits, ctx, false);
    if (r) return r;
  }
  // Database exports pad with zeros (`AT00256702B`, `FR000002853021A1`): read only with the kind written.
  if (digits.startsWith('0')) {
    const bare = stripZeros(digits);
    for (const rule of rules) {
      if (!fits(rule, bare, ctx)) continue;
      const r = readAs(office, rule, text, start, end, bare, ctx, true);
      if (r) return r;
    }
  }
  return null;
}

/** The letter prefix at `pos` (`I`, `PI`), one space allowed after it, and the rules that use it. */
function withPrefix(office: SeriesOffice, text: string, pos: number): { at: number; rules: readonly SeriesRule[] } | null {
  // Exports pad before a prefix too: `MX00PA05006297A`.
  let z = pos;
  while (z < pos + 3 && text.charCodeAt(z) === 0x30) z++;
  if (z > pos && isUpper(text.charCodeAt(z))) pos = z;
  if (!isUpper(text.charCodeAt(pos))) return { at: pos, rules: office.series.filter((r) => !r.prefix) };
  for (const rule of office.series) {
    const prefix = rule.prefix;
    if (!prefix || !text.startsWith(prefix, pos)) continue;
    let at = pos + prefix.length;
    if (isGroupSpace(text.charCodeAt(at))) at++;
    if (!isDigit(text.charCodeAt(at))) continue;
    return { at, rules: office.series.filter((r) => r.prefix === prefix) };
  }
  return null;
}

export function seriesRules(office: SeriesOffice): OfficeRules {
  return {
    code: office.code,
    parse(text, pos, ctx) {
      const special = office.special?.(text, pos, ctx);
      if (special) return special;
      const p = withPrefix(office, text, pos);
      if (!p || p.rules.length === 0) return null;
      const spaced = readSpacedDigits(text, p.at);
      // `19 12345` is how INPI writes a French application (year, serial), which no office prints a publication as.
      if (spaced && spaced.end - p.at === 8 && isDigit(text.charCodeAt(p.at + 1)) && !isDigit(text.charCodeAt(p.at + 2))) return null;
      if (spaced) {
        const r = tryRules(office, p.rules, text, p.at, spaced.end, spaced.digits, ctx);
        if (r) return r;
      }
      if (office.commas && text.charCodeAt(digitRunEnd(text, p.at, 3)) === COMMA) {
        const g = readGroupedDigits(text, p.at, 8);
        if (g && text.charCodeAt(g.end - 4) === COMMA) return tryRules(office, p.rules, text, p.at, g.end, g.digits, ctx);
      }
      return null;
    },
  };
}

/** A test of the first digit(s): `first('12')` accepts serials that start with 1 or 2. */
export function first(digits: string): (s: string) => boolean {
  return (s) => digits.includes(s.charAt(0));
}

/** Serials that start with a plausible year (`from`…`to`), then anything. */
export function yearLed(from: number, to: number): (s: string) => boolean {
  return (s) => {
    const y = Number(s.slice(0, 4));
    return y >= from && y <= to;
  };
}
