import { digitRunEnd, exactDigits, HYPHEN, isDigit, isYear, readGroupedDigits } from '../text';
import { finish, kinds, NO_KINDS, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

const JP_KINDS = kinds('A', 'A1', 'B', 'B1', 'B2', 'C', 'U', 'U1', 'Y1', 'Y2', 'S');

/** Japanese eras by the letter (or kanji) written for them: year 1 of the era and its last year number. */
const ERAS: Readonly<Record<string, { base: number; last: number }>> = {
  S: { base: 1925, last: 64 }, // Showa
  H: { base: 1988, last: 31 }, // Heisei
  R: { base: 2018, last: 99 }, // Reiwa
  昭: { base: 1925, last: 64 },
  平: { base: 1988, last: 31 },
  令: { base: 2018, last: 99 },
};

/** The Western year of an era year, or null if the era never had it. */
export function eraYear(era: string, yearOfEra: number): string | null {
  const e = ERAS[era];
  if (!e || yearOfEra < 1 || yearOfEra > e.last) return null;
  return String(e.base + yearOfEra);
}

/** Year-serial forms (`2020-123456`, era `H08-179521`, compact `H08179521`): publication, or application when labelled so. */
export function yearSerial(text: string, pos: number, year: string, serialAt: number, ctx: NumberContext): ParsedNumber | null {
  if (!exactDigits(text, serialAt, 6)) return null;
  const serial = text.slice(serialAt, serialAt + 6);
  const end = serialAt + 6;
  if (ctx.intent === 'application') return finish(text, end, `JP${year}-${serial}`, 'application', NO_KINDS, ctx);
  return finish(text, end, `JP${year}${serial}`, 'publication', JP_KINDS, ctx);
}

/** After an era letter: `8-179521`, `08-179521`, or compact `08179521`. */
export function eraForm(text: string, era: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  const run = digitRunEnd(text, pos, 8);
  const len = run - pos;
  if (len === 8) {
    const year = eraYear(era, Number(text.slice(pos, pos + 2)));
    return year ? yearSerial(text, pos, year, pos + 2, ctx) : null;
  }
  if ((len === 1 || len === 2) && text.charCodeAt(run) === HYPHEN) {
    const year = eraYear(era, Number(text.slice(pos, run)));
    return year ? yearSerial(text, pos, year, run + 1, ctx) : null;
  }
  return null;
}

/**
 * `JP-A-8-179521`, `JP 8-179521 A`: an unexamined (kind A) publication before 2000, its era
 * year written without the era. Those were numbered from Showa 46 (1971) to Heisei 11 (1999),
 * so the year alone tells the era; other kinds and years stay unread rather than guessed.
 */
function kokaiWithoutEra(text: string, pos: number, run: number, ctx: NumberContext): ParsedNumber | null {
  const y = Number(text.slice(pos, run));
  const year = y >= 1 && y <= 11 ? eraYear('H', y) : y >= 46 && y <= 64 ? eraYear('S', y) : null;
  const read = year ? yearSerial(text, pos, year, run + 1, ctx) : null;
  return read?.kind === 'A' ? read : null;
}

export const JP: OfficeRules = {
  code: 'JP',
  parse(text, pos, ctx) {
    const c = text[pos] ?? '';
    if (c === 'S' || c === 'H' || c === 'R') return isDigit(text.charCodeAt(pos + 1)) ? eraForm(text, c, pos + 1, ctx) : null;
    if (!isDigit(text.charCodeAt(pos))) return null;
    const run = digitRunEnd(text, pos, 10);
    const len = run - pos;
    if (len === 4 && text.charCodeAt(run) === HYPHEN && isYear(text, pos)) return yearSerial(text, pos, text.slice(pos, run), run + 1, ctx);
    if (len === 10 && isYear(text, pos)) return yearSerial(text, pos, text.slice(pos, pos + 4), pos + 4, ctx);
    if (ctx.intent === 'application') return null;
    if ((len === 1 || len === 2) && text.charCodeAt(run) === HYPHEN) return kokaiWithoutEra(text, pos, run, ctx);
    // Granted patents and registered utility models: seven digits, sometimes grouped.
    const g = readGroupedDigits(text, pos, 7);
    if (!g || g.digits.length !== 7) return null;
    return finish(text, g.end, `JP${g.digits}`, 'publication', JP_KINDS, ctx);
  },
};
