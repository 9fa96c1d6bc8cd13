// Patent numbers in any text: find them, normalise them to PatSnap's compact form.
// Runs without VS Code (extension host, CLI, mocha).
import { anchorsFor, type RawMatch, scan } from './scanner';
import { asciiUpper, isYear } from './text';
import { type OfficeCode, type PatentNumberMatch, SUPPORTED_OFFICES } from './types';

export { SUPPORTED_OFFICES } from './types';
export type { FindOptions, NumberType, OfficeCode, PatentNumberMatch } from './types';

const ALL: ReadonlySet<OfficeCode> = new Set(SUPPORTED_OFFICES);

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
  const raw: RawMatch[] = [];
  scan(text, new Set(offices), anchorsFor(offices, false), raw);
  return locate(text, raw);
}

/**
 * One number typed alone (an input box, a command-line argument), in any written form
 * and any letter case; undefined unless the whole input is one number. PatSnap's own
 * application forms `JP2018-234567` and `KR10-2018-0086543` read as applications here
 * (in running text the same shapes are publications unless a label says otherwise),
 * so every `number` this module produces parses back to itself.
 */
export function parsePatentNumber(input: string): PatentNumberMatch | undefined {
  if (input.length > 300) return undefined;
  const lead = input.length - input.trimStart().length;
  // A full stop or comma copied along with the number.
  const trimmed = input.trim().replace(/[.,;]+$/, '');
  if (trimmed.length === 0) return undefined;
  const upper = asciiUpper(trimmed);
  let raw = canonicalApplication(upper);
  if (!raw) {
    const out: RawMatch[] = [];
    scan(upper, ALL, anchorsFor(SUPPORTED_OFFICES, true), out);
    const only = out.length === 1 ? out[0] : undefined;
    if (!only || only.index !== 0 || only.end !== upper.length) return undefined;
    raw = only;
  }
  const [match] = locate(input, [{ ...raw, index: lead, end: lead + trimmed.length }]);
  return match;
}

function canonicalApplication(upper: string): RawMatch | undefined {
  const jp = /^JP(\d{4})-(\d{6})$/.exec(upper);
  if (jp && isYear(upper, 2)) return { index: 0, end: upper.length, number: upper, type: 'application', office: 'JP', kind: null };
  const kr = /^KR(10|20|30)-(\d{4})-(\d{7})$/.exec(upper);
  if (kr && isYear(upper, 5)) return { index: 0, end: upper.length, number: upper, type: 'application', office: 'KR', kind: null };
  return undefined;
}

/** Adds 1-based line and UTF-16 column, counting CRLF, LF and lone CR as VS Code does. */
function locate(text: string, raw: readonly RawMatch[]): PatentNumberMatch[] {
  const result: PatentNumberMatch[] = [];
  // Native regex search for line breaks: far cheaper than a JavaScript loop over every character.
  const breaks = /\r\n?|\n/g;
  let line = 1;
  let lineStart = 0;
  let next = breaks.exec(text);
  for (const r of raw) {
    while (next !== null && next.index < r.index) {
      line++;
      lineStart = breaks.lastIndex;
      next = breaks.exec(text);
    }
    result.push({
      index: r.index,
      length: r.end - r.index,
      line,
      column: r.index - lineStart + 1,
      text: text.slice(r.index, r.end),
      number: r.number,
      type: r.type,
      office: r.office,
      kind: r.kind,
    });
  }
  return result;
}
