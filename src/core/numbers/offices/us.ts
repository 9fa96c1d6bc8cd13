import { COMMA, DOT, digitRunEnd, exactDigits, HYPHEN, isDigit, isInlineSpace, isUpper, isYear, readGroupedDigits, SLASH, stripZeros } from '../text';
import { LAST_YEAR, relaxed, type Series, withinBounds } from '../bounds';
import { finish, kinds, NO_KINDS, roundAmount, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

// WIPO ST.16 as the USPTO uses it, by document family.
const UTILITY = kinds('US', 'A', 'B1', 'B2', 'C1', 'C2', 'C3');
/** Since 2001 (patents from 6,167,xxx) kind A is a pre-grant publication's: `US 10,123,456 A` names no patent. */
const UTILITY_SINCE_2001 = kinds('US', 'B1', 'B2', 'C1', 'C2', 'C3');
const LAST_KIND_A = 6_200_000;
const PRE_GRANT = kinds('US', 'A1', 'A2', 'A9');
const DESIGN = kinds('US', 'S', 'S1');
const REISSUE = kinds('US', 'E', 'E1');
const PLANT = kinds('US', 'P', 'P2', 'P3');
const SIR = kinds('US', 'H', 'H1');
const SERIES: Readonly<Record<string, Series>> = { D: 'US design', RE: 'US reissue', PP: 'US plant', H: 'US SIR' };

/**
 * Prefixed series: `D912,345`, `RE45,678`, `Re. 45,678`, `PP12,345`, statutory invention
 * registrations `H1,234`; as exports write them, `DES374176` and `0D337000` (DEPATISnet pads before the letter).
 */
function prefixed(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  if (text.charCodeAt(pos) === 0x30 /* 0 */ && !isDigit(text.charCodeAt(pos + 1))) pos++;
  const c = text.charCodeAt(pos);
  const c1 = text.charCodeAt(pos + 1);
  let at: number;
  let prefix: string;
  if (c === 0x44 /* D */ && isDigit(c1)) {
    at = pos + 1;
    prefix = 'D';
  } else if (c === 0x44 /* D */ && text.startsWith('es. ', pos + 1) && isDigit(text.charCodeAt(pos + 5))) {
    // `U.S. Pat. No. Des. 845,123`
    at = pos + 5;
    prefix = 'D';
  } else if (c === 0x44 /* D */ && text.startsWith('ES', pos + 1) && isDigit(text.charCodeAt(pos + 3))) {
    at = pos + 3;
    prefix = 'D';
  } else if (c === 0x48 /* H */ && isDigit(c1)) {
    at = pos + 1;
    prefix = 'H';
  } else if (c === 0x52 /* R */ && (c1 === 0x45 || c1 === 0x65) /* E|e */) {
    at = pos + 2;
    if (text.charCodeAt(at) === DOT) at++;
    if (isInlineSpace(text.charCodeAt(at))) at++; // `Re. 45,678`, `RE 45,678`
    prefix = 'RE';
  } else if (c === 0x50 /* P */ && c1 === 0x50 && isDigit(text.charCodeAt(pos + 2))) {
    at = pos + 2;
    prefix = 'PP';
  } else return null;
  return series(text, at, prefix, ctx);
}

function series(text: string, at: number, prefix: string, ctx: NumberContext): ParsedNumber | null {
  // Exports pad to a fixed width: `D000123456`.
  const g = readGroupedDigits(text, at, text.charCodeAt(at) === 0x30 ? 9 : 7);
  if (!g) return null;
  const digits = stripZeros(g.digits);
  if (digits.length < 3 || digits === '0' || (prefix !== 'D' && digits.length > 6)) return null;
  if (!withinBounds(SERIES[prefix] as Series, digits)) return null;
  const allowed = prefix === 'D' ? DESIGN : prefix === 'RE' ? REISSUE : prefix === 'H' ? SIR : PLANT;
  const r = finish(text, g.end, `US${prefix}${digits}`, 'publication', allowed, ctx);
  // `H100` or `US H2000` alone is as often a model or a part as a SIR: without a kind or a label, only
  // four digits or more glued to the code (`USH1234`) are read.
  if (r && prefix === 'H' && r.kind === null && !ctx.labelled && (digits.length < 4 || !isUpper(text.charCodeAt(at - 2)))) return null;
  // `USD123,456` glued and grouped, without a kind, is an amount in dollars.
  if (r && r.kind === null && prefix === 'D' && g.end - at !== g.digits.length && text.startsWith('USD', at - 3)) return null;
  return r;
}

/**
 * USPTO series codes of applications: 01–19 utility (18 began in 2024), 29 design, 60–63
 * provisional. Others (`90/` reexamination control numbers, `97/` trademark serials) are not applications.
 */
function isSeriesCode(code: string): boolean {
  const n = Number(code);
  return (n >= 1 && n <= 19) || n === 29 || (n >= 60 && n <= 63);
}

/** Application `14/706,838` or `14/706838`: a two-digit series code and a six-digit serial. */
function application(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  if (!exactDigits(text, pos, 2) || text.charCodeAt(pos + 2) !== SLASH || !isSeriesCode(text.slice(pos, pos + 2))) return null;
  const s = pos + 3;
  let serial: string;
  let end: number;
  if (exactDigits(text, s, 6)) {
    serial = text.slice(s, s + 6);
    end = s + 6;
  } else if (exactDigits(text, s, 3) && text.charCodeAt(s + 3) === COMMA && exactDigits(text, s + 4, 3)) {
    serial = text.slice(s, s + 3) + text.slice(s + 4, s + 7);
    end = s + 7;
  } else return null;
  return finish(text, end, `US${text.slice(pos, pos + 2)}/${serial}`, 'application', NO_KINDS, ctx);
}

/** Pre-grant publication: `2005/0262868`, `2005-0262868`, `20050262868`, DOCDB `2005262868`. */
function preGrant(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  if (!text.startsWith('20', pos)) return null;
  const run = digitRunEnd(text, pos, 11);
  const len = run - pos;
  let year: string;
  let serial: string;
  let end: number;
  if (len === 4) {
    const sep = text.charCodeAt(run);
    if (sep !== SLASH && sep !== HYPHEN && !(isInlineSpace(sep) && text.charCodeAt(run + 1) === 0x30)) return null; // `2005 0262868` too
    const sEnd = digitRunEnd(text, run + 1, 7);
    if (sEnd - run - 1 !== 7) return null;
    year = text.slice(pos, run);
    serial = text.slice(run + 1, sEnd);
    end = sEnd;
  } else if (len === 11 || len === 10) {
    year = text.slice(pos, pos + 4);
    serial = text.slice(pos + 4, run);
    end = run;
  } else return null;
  if (year < '2001' || Number(year) > LAST_YEAR || !withinBounds('US pre-grant serial', serial)) return null;
  return finish(text, end, `US${year}${serial.padStart(7, '0')}`, 'publication', PRE_GRANT, ctx);
}

export const US: OfficeRules = {
  code: 'US',
  parse(text, pos, ctx) {
    const c = text.charCodeAt(pos);
    if (!isDigit(c) || (c === 0x30 && !isDigit(text.charCodeAt(pos + 1)))) return ctx.intent === 'application' ? null : prefixed(text, pos, ctx);
    if (ctx.intent !== 'publication') {
      const app = application(text, pos, ctx);
      if (app || ctx.intent === 'application') return app;
    }
    if (isYear(text, pos)) {
      const pub = preGrant(text, pos, ctx);
      if (pub) return pub;
    }
    // DEPATISnet pads a publication to twelve digits: `US020170285092A1` (with its kind).
    if (c === 0x30 && text.startsWith('20', pos + 1) && digitRunEnd(text, pos, 13) - pos === 12) {
      return preGrant(text, pos + 1, ctx.requireKind ? ctx : { ...ctx, requireKind: true });
    }
    // PatentPublicData pads to nine (`US005973683A`): read with its kind only.
    if (c === 0x30 && digitRunEnd(text, pos, 10) - pos === 9) {
      const digits = stripZeros(text.slice(pos, pos + 9));
      if (digits.length < 7 || !withinBounds('US utility', digits)) return null;
      return finish(text, pos + 9, `US${digits}`, 'publication', Number(digits) > LAST_KIND_A ? UTILITY_SINCE_2001 : UTILITY, { ...ctx, requireKind: true });
    }
    if (ctx.variant === 'design') return series(text, pos, 'D', ctx);
    if (ctx.variant === 'reissue') return series(text, pos, 'RE', ctx);
    if (ctx.variant === 'plant') return series(text, pos, 'PP', ctx);
    const g = readGroupedDigits(text, pos, 8);
    if (!g) return null;
    const digits = stripZeros(g.digits);
    // Fewer than six digits is more often a count or an amount than an 1800s patent.
    if (digits.length < 6 || !withinBounds('US utility', digits)) return null;
    const r = finish(text, g.end, `US${digits}`, 'publication', Number(digits) > LAST_KIND_A ? UTILITY_SINCE_2001 : UTILITY, ctx);
    // `US09054439` is as much application 09/054,439 written without its slash (patent_client's
    // form) as patent 9,054,439 padded: exports that pad a patent give its kind (`US07318131B2`).
    if (r && r.kind === null && !ctx.labelled && !relaxed.kinds && g.digits.length === 8 && g.digits.charCodeAt(0) === 0x30) return null;
    // Six digits are patents of before 1911, cited with a label or a kind; bare (`US 518,364`) a figure.
    if (r && digits.length === 6 && r.kind === null && !ctx.labelled && !relaxed.kinds) return null;
    return roundAmount(r, g.digits, g.end - pos, ctx) ? null : r;
  },
};
