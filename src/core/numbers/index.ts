// Patent numbers in any text: find them, normalise them to PatSnap's compact form, compare
// and format them. Runs without VS Code (extension host, CLI, mocha). The one home of
// number knowledge: the scanner, Open Patent…, the CLI, the hover and the lookups use this.
import { formatNumber, type NumberStyle } from './format';
import { anchorsFor, scan } from './scanner';
import { LAST_YEAR } from './bounds';
import { asciiUpper, isYear } from './text';
import { type FindOptions, type OfficeCode, type PatentNumberMatch, SUPPORTED_OFFICES } from './types';

export { SUPPORTED_OFFICES } from './types';
export type { FindOptions, NumberProblem, NumberProblemReason, NumberType, OfficeCode, PatentNumberMatch } from './types';
export { answersNumber, compactNumber, withoutKind } from './match';
export { isPreGrant, kindCode, kindCodes, type KindCode, type KindRight, type KindStage } from './kinds';
export { BOUNDS_AS_OF, LAST_YEAR, SERIES_BOUNDS } from './bounds';
export type { NumberStyle } from './format';

const ALL: ReadonlySet<OfficeCode> = new Set(SUPPORTED_OFFICES);
const GAZETTE_WORD = /(?<=[号號])(?:公報|公报|明細書|明细书)$/;
const NUMBER_LABEL = /^(?:申请号|专利号|公开号|公告号|公布号|申請號|公開號|公告號|證書號)[:：]? ?$/;
const ANY_DIGIT = /[0-9]/;

// Full-width forms (ＵＳ７，１２３，４５６Ｂ２; 特開２０２０－１２３４５６) as CJK text and IMEs
// write them, the ideographic space, and the dashes word processors put for hyphens; and the
// katakana prolonged sound mark that Japanese input often gives for one between digits (特開2005ー123456).
const WIDE_OR_DASH = /[\u2010-\u2015\u2212\u3000\uff01-\uff5e]/;
const WIDE_OR_DASH_ALL = new RegExp(WIDE_OR_DASH.source, 'g');
const PROLONGED_BETWEEN_DIGITS = /(?<=[0-9])\u30fc(?=[0-9])/g;

/**
 * The text with those characters read as their ASCII counterparts, one UTF-16 unit
 * for one, so every offset, line and column stays that of the text as written.
 */
function narrow(text: string): string {
  const wide = !WIDE_OR_DASH.test(text)
    ? text
    : text.replace(WIDE_OR_DASH_ALL, (c) => {
        const code = c.charCodeAt(0);
        if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
        return code === 0x3000 ? ' ' : '-';
      });
  // Most Japanese text has the mark (コーヒー): only one between two digits is read as a hyphen.
  return wide.indexOf('\u30fc') < 0 ? wide : wide.replace(PROLONGED_BETWEEN_DIGITS, '-');
}

/** Matches found in a narrowed copy, given back the text exactly as written. */
function asWritten(original: string, narrowed: string, matches: PatentNumberMatch[], from = 0): PatentNumberMatch[] {
  if (original === narrowed) return matches;
  for (let i = from; i < matches.length; i++) {
    const m = matches[i] as PatentNumberMatch;
    m.text = original.slice(m.index, m.index + m.length);
  }
  return matches;
}

function enabledOffices(offices: readonly string[] | undefined): OfficeCode[] {
  if (offices === undefined) return [...SUPPORTED_OFFICES];
  const wanted = new Set(offices.map((o) => o.toUpperCase()));
  return SUPPORTED_OFFICES.filter((o) => wanted.has(o));
}

/**
 * Every patent publication or application number written in `text`, in order, never
 * overlapping. Linear in the length of the text.
 */
export function findPatentNumbers(text: string, options?: FindOptions): PatentNumberMatch[] {
  return findPatentNumbersIn(text, 0, text.length, options);
}

/**
 * The numbers whose first character is in `text[from, to)` (a number may end past `to`),
 * with index, line and column counted from the start of `text`. What an editor rescans
 * after an edit: the lines around it, given as their own string.
 */
export function findPatentNumbersIn(text: string, from: number, to: number, options?: FindOptions): PatentNumberMatch[] {
  const offices = enabledOffices(options?.offices);
  if (offices.length === 0 || text.length === 0 || from >= to) return [];
  const found: PatentNumberMatch[] = [];
  const narrowed = narrow(text);
  // Every number has an ASCII digit (wide ones are narrowed): text without one after `from` has none,
  // and a search for a digit is far cheaper than one for the anchors.
  if (!ANY_DIGIT.test(from === 0 ? narrowed : narrowed.slice(from))) return found;
  scan(narrowed, new Set(offices), anchorsFor(offices, false), found, { flag: options?.flagImpossible === true, from, to });
  return asWritten(text, narrowed, found);
}

/**
 * One number typed alone (an input box, a command-line argument), in any written form
 * and any letter case; undefined unless the whole input is one number. PatSnap's own
 * application forms `JP2018-234567` and `KR10-2018-0086543` read as applications here
 * (in running text the same shapes are publications unless a label says otherwise),
 * so every `number` this module produces parses back to itself.
 */
export function parsePatentNumber(written: string): PatentNumberMatch | undefined {
  if (written.length > 300) return undefined;
  const input = narrow(written);
  const lead = input.length - input.trimStart().length;
  // A full stop or comma copied along with the number; the gazette's word after a Japanese or
  // Chinese citation (`特開2006-256783号公報`, `…号明細書`).
  const trimmed = input.trim().replace(/[.,;]+$/, '').replace(GAZETTE_WORD, '');
  if (trimmed.length === 0) return undefined;
  const upper = asciiUpper(trimmed);
  let read: Pick<PatentNumberMatch, 'number' | 'type' | 'office' | 'kind'> | undefined = canonicalApplication(upper);
  if (!read) {
    const out: PatentNumberMatch[] = [];
    scan(upper, ALL, anchorsFor(SUPPORTED_OFFICES, true), out, { typed: true });
    const only = out.length === 1 ? out[0] : undefined;
    // A Chinese or Taiwanese label is not part of the match it makes (`申请号：201510570472.5`).
    if (!only || (only.index !== 0 && !NUMBER_LABEL.test(upper.slice(0, only.index))) || only.index + only.length !== upper.length) return undefined;
    read = only;
  }
  // Line and column of the number in the input as given, leading blank lines included.
  const before = input.slice(0, lead);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return {
    index: lead,
    length: trimmed.length,
    line: before.split(/\r\n?|\n/).length,
    column: lead - lineStart + 1,
    text: written.slice(lead, lead + trimmed.length),
    number: read.number,
    type: read.type,
    office: read.office,
    kind: read.kind,
  };
}

function canonicalApplication(upper: string): Pick<PatentNumberMatch, 'number' | 'type' | 'office' | 'kind'> | undefined {
  const jp = /^JP(\d{4})-(\d{6})$/.exec(upper);
  if (jp && isYear(upper, 2)) return { number: upper, type: 'application', office: 'JP', kind: null };
  const kr = /^KR(10|20|30)-(\d{4})-(\d{7})$/.exec(upper);
  if (kr && isYear(upper, 5)) return { number: upper, type: 'application', office: 'KR', kind: null };
  // Taiwan's applications, ROC year (088 = 1999) and six digits; its publications start with a Western year.
  const tw = /^TW([01]\d\d)\d{6}$/.exec(upper);
  if (tw && Number(tw[1]) >= 88 && Number(tw[1]) <= LAST_YEAR - 1911) return { number: upper, type: 'application', office: 'TW', kind: null };
  return undefined;
}

/** What a typed number comes to: the compact publication number to ask for, or why not. */
export type TypedPublicationNumber = { ok: true; number: string; recognised: boolean } | { ok: false; problem: string };

const EXAMPLE = 'e.g. US11205304B2 or EP 1 234 567 B1';

/**
 * The one normaliser of typed input (Open Patent…, the CLI's NUMBER arguments): the compact
 * publication number the API takes. A number our rules do not know but that looks like one
 * (an office code, then digits) passes through compacted, `recognised: false`, so the service,
 * not this parser, has the last word on what exists. Application numbers are refused with a
 * message that says so.
 */
export function typedPublicationNumber(input: string): TypedPublicationNumber {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: `Type a publication number, ${EXAMPLE}.` };
  const parsed = parsePatentNumber(typed);
  if (parsed?.type === 'application') {
    return { ok: false, problem: `${parsed.number} is an application number; give the publication number, e.g. US11205304B2.` };
  }
  if (parsed) return { ok: true, number: parsed.number, recognised: true };
  const compact = typed.replace(/[\s,_-]/g, '').toUpperCase();
  if (/^[A-Z]{2}[A-Z0-9./]*\d[A-Z0-9]*$/.test(compact)) return { ok: true, number: compact, recognised: false };
  return { ok: false, problem: `"${typed}" does not look like a patent number (${EXAMPLE}).` };
}

/**
 * `number` (compact, or any form `parsePatentNumber` reads) in the office's printed style
 * (`US 11,205,304 B2`, `EP 1 234 567 B1`, `WO 2020/123456 A1`, `JP 2020-123456 A`,
 * `CN 104169186 A`, `DE 10 2019 123 456 A1`) or compact; undefined when it is not a number.
 */
export function formatPatentNumber(number: string, style: NumberStyle = 'office'): string | undefined {
  const m = parsePatentNumber(number);
  return m ? formatNumber(m, style, parsePatentNumber) : undefined;
}
