import { isSeriesYear, withinBounds } from '../bounds';
import { DOT, digitRunEnd, exactDigits, HYPHEN, isDigit, isInlineSpace, isLetter, isUpper, isYear, readGroupedDigits, stripZeros } from '../text';
import { finish, finishImplied, kinds, NO_KINDS, roundAmount, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

const JP_KINDS = kinds('JP', 'A', 'A1', 'B', 'B1', 'B2', 'B4', 'C', 'U', 'U1', 'Y', 'Y1', 'Y2', 'S');
/** Grants and examined publications: a zero-padded eight-digit grant carries one of these. */
const GRANT_KINDS: ReadonlySet<string> = new Set(['B', 'B1', 'B2', 'B4', 'C', 'Y', 'Y1', 'Y2']);
/**
 * Kinds of a seven-digit number (a grant, a registered utility model or design): `B` alone and `A`
 * are an examined and a laid-open publication, numbered by year (`JP6123456B` names no document).
 */
const SEVEN_DIGIT_KINDS = kinds('JP', 'B1', 'B2', 'B4');
/**
 * By the first digit: grants of the old law (C) and utility models registered before 1994 (Y) are below
 * 3 000 000, designs below 2 000 000, and utility models registered since 1994 (U) from 3 000 001:
 * `JP 6123456 U`, `JP6123456Y2`, `JP4219000C` name nothing.
 */
const SEVEN_DIGIT_BY_FIRST: Readonly<Record<string, ReadonlySet<string>>> = {
  '1': kinds('JP', 'B1', 'B2', 'B4', 'C', 'Y1', 'Y2', 'S'),
  '2': kinds('JP', 'B1', 'B2', 'B4', 'C', 'Y1', 'Y2'),
  '3': kinds('JP', 'B1', 'B2', 'B4', 'U', 'U1'),
};
/** Numbered by a Western year (from 2000): only laid-open and re-published applications; examined ones ended in 1996. */
const YEAR_KINDS = kinds('JP', 'A', 'A1');
/** Numbered by an era year: laid-open (A), examined (B, B2, B4) and their utility models (U, Y, Y2); no grant or design kinds. */
const ERA_YEAR_KINDS = kinds('JP', 'A', 'A1', 'B', 'B2', 'B4', 'U', 'U1', 'Y', 'Y2');

/** Japanese eras by the letter (or kanji) written for them: year 1 of the era and its last year number. */
const ERAS: Readonly<Record<string, { base: number; last: number }>> = {
  S: { base: 1925, last: 64 }, // Showa
  H: { base: 1988, last: 31 }, // Heisei
  R: { base: 2018, last: 99 }, // Reiwa
  昭: { base: 1925, last: 64 },
  平: { base: 1988, last: 31 },
  令: { base: 2018, last: 99 },
};

/** The era as English texts spell it out: `Hei 7-264711`, `Heisei 7-…`, `Sho 63-…`, `Showa 63-…`. */
const ERA_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['heisei', 'H'],
  ['showa', 'S'],
  ['reiwa', 'R'],
  ['hei', 'H'],
  ['sho', 'S'],
];

/** The document type a Japanese prefix names, and the kind it implies when the number alone would not tell. */
export type JpDocument = 'kokai' | 'kohyo' | 'kokoku' | 'grant' | 'um-kokai' | 'um-kokoku' | 'um-registration' | 'application';

/** Implied kinds: an examined publication and a utility model share their numbers with a kokai. */
const IMPLIED: Partial<Record<JpDocument, string>> = { kokoku: 'B', 'um-kokai': 'U', 'um-kokoku': 'Y', 'um-registration': 'U' };

/** The Western year of an era year, or null if the era never had it. */
export function eraYear(era: string, yearOfEra: number): string | null {
  const e = ERAS[era];
  if (!e || yearOfEra < 1 || yearOfEra > e.last) return null;
  return String(e.base + yearOfEra);
}

function done(text: string, end: number, base: string, ctx: NumberContext, doc: JpDocument | undefined, allowed = JP_KINDS): ParsedNumber | null {
  const implied = doc ? IMPLIED[doc] : undefined;
  return implied ? finishImplied(text, end, base, allowed, ctx, implied) : finish(text, end, base, 'publication', allowed, ctx);
}

/** Year-serial forms (`2020-123456`, era `H08-179521`, compact `H08179521`): publication, or application when labelled so. */
export function yearSerial(text: string, pos: number, year: string, serialAt: number, ctx: NumberContext, doc?: JpDocument): ParsedNumber | null {
  if (!exactDigits(text, serialAt, 6)) return null;
  const serial = text.slice(serialAt, serialAt + 6);
  const end = serialAt + 6;
  if (ctx.intent === 'application' || doc === 'application') return finish(text, end, `JP${year}-${serial}`, 'application', NO_KINDS, ctx);
  return examinedOrNot(done(text, end, `JP${year}${serial}`, ctx, doc, Number(year) >= 2000 ? YEAR_KINDS : ERA_YEAR_KINDS), year, ctx);
}

/** An era year with a serial of four to six digits (before 2000 serials were not padded), padded to six. */
function eraSerial(text: string, year: string, serialAt: number, ctx: NumberContext, doc?: JpDocument): ParsedNumber | null {
  const end = digitRunEnd(text, serialAt, 6);
  const len = end - serialAt;
  if (len < 4 || len > 6) return null;
  const serial = text.slice(serialAt, end).padStart(6, '0');
  if (ctx.intent === 'application' || doc === 'application') return finish(text, end, `JP${year}-${serial}`, 'application', NO_KINDS, ctx);
  return examinedOrNot(done(text, end, `JP${year}${serial}`, ctx, doc, Number(year) >= 2000 ? YEAR_KINDS : ERA_YEAR_KINDS), year, ctx);
}

/**
 * Laid-open and examined publications shared their era-year numbering until 1996: after a label that
 * names neither (`Japanese Patent Publication No. 63-12345`) and without a kind, the number is either.
 */
function examinedOrNot(r: ParsedNumber | null, year: string, ctx: NumberContext): ParsedNumber | null {
  return r && r.kind === null && ctx.examinedOrNot && Number(year) <= 1996 ? null : r;
}

/** After an era letter: `8-179521`, `08-179521`, compact `08179521`, or DOCDB's `0512345` (two-digit year, five-digit serial). */
export function eraForm(text: string, era: string, pos: number, ctx: NumberContext, doc?: JpDocument): ParsedNumber | null {
  const run = digitRunEnd(text, pos, 8);
  const len = run - pos;
  if (len === 8 || len === 7) {
    const year = eraYear(era, Number(text.slice(pos, pos + 2)));
    if (!year) return null;
    return len === 8 ? yearSerial(text, pos, year, pos + 2, ctx, doc) : eraSerial(text, year, pos + 2, ctx, doc);
  }
  if ((len === 1 || len === 2) && text.charCodeAt(run) === HYPHEN) {
    const year = eraYear(era, Number(text.slice(pos, run)));
    return year ? eraSerial(text, year, run + 1, ctx, doc) : null;
  }
  // DOCDB's `JPS555548A`: a two-digit era year and a four-digit serial. Only a laid-open kind tells it from
  // Showa 5 and 55548, since laid-open publications began in Showa 46 (1971).
  if (len === 6 && !doc) {
    const letter = kindLetterAfter(text, run, ctx);
    const y = Number(text.slice(pos, pos + 2));
    // Laid-open numbers took the era until Heisei 11 (1999), and no serial is 0000.
    if ((letter !== 'A' && letter !== 'U') || (era === 'S' && y < 46) || (era !== 'S' && y > 11) || text.startsWith('0000', pos + 2)) return null;
    const year = eraYear(era, y);
    return year ? eraSerial(text, year, pos + 2, ctx, doc) : null;
  }
  // `JP H07 264711 A`, as EPO search reports write it: with its kind.
  if (len === 2 && isInlineSpace(text.charCodeAt(run)) && exactDigits(text, run + 1, 6) && ctx.intent !== 'application' && !doc) {
    const year = eraYear(era, Number(text.slice(pos, run)));
    return year ? yearSerial(text, pos, year, run + 1, ctx.requireKind ? ctx : { ...ctx, requireKind: true }) : null;
  }
  return null;
}

/**
 * `JP 7-264711`, `JP-A-8-179521`, `JP 3-41234 B2`: a number before 2000 with its era year but
 * no era. Laid-open applications (and utility models) were numbered in years Showa 46 (1971)
 * to Heisei 11 (1999); examined ones from Showa 25 to Heisei 8 (1996). Those ranges do not
 * overlap within a document type, so the year tells the era.
 */
function withoutEra(text: string, pos: number, run: number, ctx: NumberContext, doc: JpDocument | undefined): ParsedNumber | null {
  const y = Number(text.slice(pos, run));
  const kindLetter = kindLetterAfter(text, digitRunEnd(text, run + 1, 6), ctx);
  const examined = doc === 'kokoku' || doc === 'um-kokoku' || kindLetter === 'B' || kindLetter === 'Y';
  const year = examined ? (y >= 1 && y <= 8 ? eraYear('H', y) : y >= 25 && y <= 64 ? eraYear('S', y) : null) : y >= 1 && y <= 11 ? eraYear('H', y) : y >= 46 && y <= 64 ? eraYear('S', y) : null;
  return year ? eraSerial(text, year, run + 1, ctx, doc) : null;
}

/** The letter of the kind written after `end` (glued or after a space), or of the kind cited before. */
function kindLetterAfter(text: string, end: number, ctx: NumberContext): string | undefined {
  if (ctx.citedKind) return ctx.citedKind[0];
  const at = isInlineSpace(text.charCodeAt(end)) ? end + 1 : end;
  const c = text[at];
  return c !== undefined && isUpper(text.charCodeAt(at)) ? c : undefined;
}

/** `Hei 7-264711`, `Heisei. 7-264711`, `HEI 7-264711`: the era word and where the year starts. */
function eraWord(text: string, pos: number): { era: string; at: number } | null {
  for (const [word, era] of ERA_WORDS) {
    if (text.slice(pos, pos + word.length).toLowerCase() !== word) continue;
    let at = pos + word.length;
    if (isLetter(text.charCodeAt(at))) continue;
    if (text.charCodeAt(at) === DOT) at++;
    if (isInlineSpace(text.charCodeAt(at))) at++;
    return isDigit(text.charCodeAt(at)) ? { era, at } : null;
  }
  return null;
}

/** Parses at `pos` for a Japanese document type named before the number (特開, 実開, …); undefined type = as written. */
export function parseJp(text: string, pos: number, ctx: NumberContext, doc?: JpDocument): ParsedNumber | null {
  const c = text[pos] ?? '';
  if ((c === 'S' || c === 'H' || c === 'R') && isDigit(text.charCodeAt(pos + 1))) return eraForm(text, c, pos + 1, ctx, doc);
  const word = isLetter(text.charCodeAt(pos)) ? eraWord(text, pos) : null;
  if (word) return eraForm(text, word.era, word.at, ctx, doc);
  if (!isDigit(text.charCodeAt(pos))) return null;
  const run = digitRunEnd(text, pos, 10);
  const len = run - pos;
  if (len === 4 && text.charCodeAt(run) === HYPHEN && isYear(text, pos) && isSeriesYear(text.slice(pos, run))) {
    return yearSerial(text, pos, text.slice(pos, run), run + 1, ctx, doc);
  }
  if (len === 10 && isYear(text, pos) && isSeriesYear(text.slice(pos, pos + 4))) return yearSerial(text, pos, text.slice(pos, pos + 4), pos + 4, ctx, doc);
  // EPO search reports space the year from the serial (`JP 2005 123456 A`): read with the kind they always carry there.
  if (len === 4 && isInlineSpace(text.charCodeAt(run)) && isYear(text, pos) && isSeriesYear(text.slice(pos, run)) && exactDigits(text, run + 1, 6) && ctx.intent !== 'application' && !doc) {
    return yearSerial(text, pos, text.slice(pos, run), run + 1, ctx.requireKind ? ctx : { ...ctx, requireKind: true });
  }
  if (ctx.intent === 'application' || doc === 'application') return null;
  if ((len === 1 || len === 2) && text.charCodeAt(run) === HYPHEN) return doc === 'grant' || doc === 'um-registration' ? null : withoutEra(text, pos, run, ctx, doc);
  if (len === 8 && !doc) return eightDigits(text, pos, run, ctx);
  // Granted patents and registered utility models: seven digits, sometimes grouped.
  const g = readGroupedDigits(text, pos, 7);
  if (!g || g.digits.length !== 7 || !withinBounds('JP grant', g.digits)) return null;
  const first = g.digits.charAt(0);
  const r = done(text, g.end, `JP${g.digits}`, ctx, doc, SEVEN_DIGIT_BY_FIRST[first] ?? SEVEN_DIGIT_KINDS);
  // `JP 3,000,000` with neither kind nor label is an amount, as it is after US, EP or CN.
  return roundAmount(r, g.digits, g.end - pos, ctx) ? null : r;
}

/**
 * Eight digits without an era letter, as database exports write them: with a grant kind a
 * zero-padded grant (`JP03123456B2` is JP 3123456 B2), with kind A or U an era year and serial
 * (`JP02123456A`, Heisei 2). Without a kind they could be either: not read.
 */
function eightDigits(text: string, pos: number, run: number, ctx: NumberContext): ParsedNumber | null {
  const letter = kindLetterAfter(text, run, ctx);
  if (letter === undefined) return null;
  const digits = text.slice(pos, run);
  const r = finish(text, run, '', 'publication', JP_KINDS, ctx, true);
  if (!r?.kind) return null;
  if (GRANT_KINDS.has(r.kind)) {
    if (!digits.startsWith('0')) return null;
    const grant = stripZeros(digits);
    const allowed = SEVEN_DIGIT_BY_FIRST[grant.charAt(0)] ?? SEVEN_DIGIT_KINDS;
    return grant.length === 7 && withinBounds('JP grant', grant) && allowed.has(r.kind) ? { ...r, number: `JP${grant}${r.kind}` } : null;
  }
  if (!ERA_YEAR_KINDS.has(r.kind)) return null;
  const y = Number(digits.slice(0, 2));
  const year = y >= 1 && y <= 11 ? eraYear('H', y) : y >= 46 && y <= 64 ? eraYear('S', y) : null;
  return year ? { ...r, number: `JP${year}${digits.slice(2)}${r.kind}` } : null;
}

export const JP: OfficeRules = {
  code: 'JP',
  // A label may have named the document type: `Japanese Examined Patent Publication No. 3-41234` is 特公, not 特開.
  // A utility model application (実願) is numbered like a patent application (特願): not read.
  parse: (text, pos, ctx) => (ctx.document === 'um-application' ? null : parseJp(text, pos, ctx, ctx.document)),
};
