// Patent numbers in any text: find them, normalise them to PatSnap's compact form.
// Runs without VS Code (extension host, CLI, mocha).
import { anchorsFor, scan } from './scanner';
import { asciiUpper, isYear } from './text';
import { type OfficeCode, type PatentNumberMatch, SUPPORTED_OFFICES } from './types';

export { SUPPORTED_OFFICES } from './types';
export type { FindOptions, NumberType, OfficeCode, PatentNumberMatch } from './types';

const ALL: ReadonlySet<OfficeCode> = new Set(SUPPORTED_OFFICES);

// Full-width forms (ＵＳ７，１２３，４５６Ｂ２; 特開２０２０－１２３４５６) as CJK text and IMEs
// write them, the ideographic space, and the dashes word processors put for hyphens.
const WIDE_OR_DASH = /[\u2010-\u2015\u2212\u3000\uff01-\uff5e]/;
const WIDE_OR_DASH_ALL = new RegExp(WIDE_OR_DASH.source, 'g');

/**
 * The text with those characters read as their ASCII counterparts, one UTF-16 unit
 * for one, so every offset, line and column stays that of the text as written.
 */
function narrow(text: string): string {
  if (!WIDE_OR_DASH.test(text)) return text;
  return text.replace(WIDE_OR_DASH_ALL, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return code === 0x3000 ? ' ' : '-';
  });
}

/** Matches found in a narrowed copy, given back the text exactly as written. */
function asWritten(original: string, narrowed: string, matches: PatentNumberMatch[]): PatentNumberMatch[] {
  if (original === narrowed) return matches;
  for (const m of matches) m.text = original.slice(m.index, m.index + m.length);
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
export function findPatentNumbers(text: string, options?: { offices?: readonly string[] }): PatentNumberMatch[] {
  const offices = enabledOffices(options?.offices);
  if (offices.length === 0 || text.length === 0) return [];
  const found: PatentNumberMatch[] = [];
  const narrowed = narrow(text);
  scan(narrowed, new Set(offices), anchorsFor(offices, false), found);
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
  // A full stop or comma copied along with the number.
  const trimmed = input.trim().replace(/[.,;]+$/, '');
  if (trimmed.length === 0) return undefined;
  const upper = asciiUpper(trimmed);
  let read: Pick<PatentNumberMatch, 'number' | 'type' | 'office' | 'kind'> | undefined = canonicalApplication(upper);
  if (!read) {
    const out: PatentNumberMatch[] = [];
    scan(upper, ALL, anchorsFor(SUPPORTED_OFFICES, true), out);
    const only = out.length === 1 ? out[0] : undefined;
    if (!only || only.index !== 0 || only.length !== upper.length) return undefined;
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
  return undefined;
}
