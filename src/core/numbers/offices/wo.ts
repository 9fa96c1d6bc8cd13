import { LAST_YEAR, withinBounds } from '../bounds';
import { digitRunEnd, exactDigits, HYPHEN, isDigit, isInlineSpace, isUpper, isYear, SLASH } from '../text';
import { finish, kinds, NO_KINDS, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

const WO_KINDS = kinds('WO', 'A1', 'A2', 'A3', 'A4', 'A8', 'A9');

/** Two-digit years of the PCT, which began in 1978. */
function widenYear(yy: string): string {
  return (yy >= '78' ? '19' : '20') + yy;
}

/** Two-digit-year forms are only plausible before WIPO moved to four digits (2004). */
function isShortYear(yy: string): boolean {
  return yy >= '78' || yy <= '03';
}

/**
 * Receiving offices of the PCT: the contracting states' offices, the regional ones (EP, EA, AP, OA)
 * and the International Bureau (IB), with the codes of former states (SU, DD, CS, YU). `PCT/ZZ…` and
 * `PCT/TW…` (Taiwan is no contracting state) name no application.
 */
const RECEIVING_OFFICES: ReadonlySet<string> = new Set(
  (
    'AE AG AL AM AO AT AU AZ BA BB BE BF BG BH BJ BN BR BW BY BZ CA CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ ' +
    'EC EE EG ES FI FR GA GB GD GE GH GM GN GQ GR GT GW HN HR HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KM KN KP KR KW KZ ' +
    'LA LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MN MR MT MW MX MY MZ NA NE NG NI NL NO NZ OM PA PE PG PH PL PT QA RO ' +
    'RS RU RW SA SC SD SE SG SI SK SL SM SN ST SV SY SZ TD TG TH TJ TM TN TR TT TZ UA UG US UZ VC VN WS ZA ZM ZW ' +
    'EP EA AP OA IB SU DD CS YU'
  ).split(' '),
);

/** `PCT/US2020/012345`, old `PCT/US97/16543` or short `PCT/US2001/1234`, always widened to `PCT/US1997/016543`. */
export function parsePct(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  if (!text.startsWith('PCT/', pos)) return null;
  const cc = pos + 4;
  if (!isUpper(text.charCodeAt(cc)) || !isUpper(text.charCodeAt(cc + 1)) || !RECEIVING_OFFICES.has(text.slice(cc, cc + 2))) return null;
  const y = cc + 2;
  const yEnd = digitRunEnd(text, y, 4);
  const yLen = yEnd - y;
  if ((yLen !== 4 && yLen !== 2) || text.charCodeAt(yEnd) !== SLASH) return null;
  if (yLen === 4 && (!isYear(text, y) || Number(text.slice(y, yEnd)) > LAST_YEAR)) return null;
  // Two-digit years were WIPO's until 2004 (`PCT/US97/16543`, `PCT/EP02/07746`); after the
  // `PCT/` prefix people and tools still write them for later years (`PCT/US17/36577`, as
  // patent_client does), and the prefix leaves no doubt which year is meant.
  if (yLen === 2 && Number(widenYear(text.slice(y, yEnd))) > LAST_YEAR) return null;
  const sEnd = digitRunEnd(text, yEnd + 1, 6);
  const sLen = sEnd - yEnd - 1;
  if (sLen < 3 || sLen > 6 || /^0+$/.test(text.slice(yEnd + 1, sEnd))) return null;
  const year = yLen === 4 ? text.slice(y, yEnd) : widenYear(text.slice(y, yEnd));
  const number = `PCT/${text.slice(cc, cc + 2)}${year}/${text.slice(yEnd + 1, sEnd).padStart(6, '0')}`;
  return finish(text, sEnd, number, 'application', NO_KINDS, ctx);
}

export const WO: OfficeRules = {
  code: 'WO',
  parse(text, pos, ctx) {
    if (ctx.intent !== 'publication' && text.startsWith('PCT/', pos)) return parsePct(text, pos, ctx);
    if (ctx.intent === 'application') return null;
    if (text.charCodeAt(pos) === SLASH) pos++; // WIPO's own `WO/2020/123456`
    if (!isDigit(text.charCodeAt(pos))) return null;
    // DEPATISnet pads the compact form to twelve digits: `WO002006095001A1`.
    if (text.startsWith('00', pos) && isYear(text, pos + 2) && digitRunEnd(text, pos, 13) - pos === 12) pos += 2;
    const run = digitRunEnd(text, pos, 10);
    const len = run - pos;
    let year: string;
    let serial: string;
    const sep = text.charCodeAt(run);
    if ((len === 4 || len === 2) && (sep === SLASH || (sep === HYPHEN && len === 4))) {
      const sEnd = digitRunEnd(text, run + 1, 6);
      const sLen = sEnd - run - 1;
      if (sLen < 5 || sLen > 6) return null;
      if (len === 4 && !isYear(text, pos)) return null;
      if (len === 2 && !isShortYear(text.slice(pos, run))) return null;
      year = len === 4 ? text.slice(pos, run) : widenYear(text.slice(pos, run));
      serial = text.slice(run + 1, sEnd);
      return done(text, sEnd, year, serial, ctx, false);
    }
    // EPO search reports of the 1990s: `WO 99 12395 A`, the type A after it (not a WO kind; A1 and A2 are).
    if (len === 2 && isInlineSpace(sep) && isShortYear(text.slice(pos, run)) && exactDigits(text, run + 1, 5) && !isDigit(text.charCodeAt(run + 6))) {
      if (!isInlineSpace(text.charCodeAt(run + 6)) || text.charCodeAt(run + 7) !== 0x41 /* A */) return null;
      return done(text, run + 6, widenYear(text.slice(pos, run)), text.slice(run + 1, run + 6), ctx, false);
    }
    if (len === 10 && isYear(text, pos)) {
      // WIPO's compact form since 2004: WO2020123456.
      year = text.slice(pos, pos + 4);
      serial = text.slice(pos + 4, run);
    } else if (len === 9 && isYear(text, pos)) {
      // Four-digit year and the serial unpadded (`WO200946303`), as database exports write it.
      return done(text, run, text.slice(pos, pos + 4), text.slice(pos + 4, run), ctx, false);
    } else if ((len === 7 || len === 8) && isShortYear(text.slice(pos, pos + 2))) {
      // Before 2004, compactly: `WO9812345` (2 + 5) and, from 2002, `WO02098765` (2 + 6). An
      // eight-digit form with a year of 04–77 could be either a padded old number or a new one: not read.
      year = widenYear(text.slice(pos, pos + 2));
      serial = text.slice(pos + 2, run);
    } else return null;
    return done(text, run, year, serial, ctx, false);
  },
};

function done(text: string, end: number, year: string, serial: string, ctx: NumberContext, needsKind: boolean): ParsedNumber | null {
  if (year < '1978' || Number(year) > LAST_YEAR || !withinBounds('WO serial', serial)) return null;
  return finish(text, end, `WO${year}${serial.padStart(6, '0')}`, 'publication', WO_KINDS, ctx, needsKind);
}
