import { isSeriesYear, type Series, withinBounds } from '../bounds';
import { digitRunEnd, exactDigits, HYPHEN, isDigit, isYear, readSpacedGroups } from '../text';
import { finish, finishImplied, kinds, NO_KINDS, type NumberContext, type OfficeRules, type ParsedNumber } from './office';

/** Kinds by what the number is: a publication (10- or none: A, a utility model U), a registration of each right type. */
const PUBLICATION_KINDS = kinds('KR', 'A', 'U');
const PATENT_PUBLICATION_KINDS = kinds('KR', 'A');
const UTILITY_PUBLICATION_KINDS = kinds('KR', 'U');
const REGISTRATION_KINDS: Readonly<Record<string, ReadonlySet<string>>> = { '10': kinds('KR', 'B1', 'B2'), '20': kinds('KR', 'Y1', 'Y2'), '30': kinds('KR', 'S') };
const REGISTRATION: Readonly<Record<string, Series>> = { '10': 'KR patent registration', '20': 'KR utility model registration', '30': 'KR design registration' };

/** KIPO's right-type prefix: 10 patent, 20 utility model, 30 design. */
function isRightType(text: string, pos: number): boolean {
  return text.startsWith('10', pos) || text.startsWith('20', pos) || text.startsWith('30', pos);
}

/**
 * `yyyy` + seven-digit serial: a publication `KR20200012345`, or the application `KR10-2020-0012345`
 * when labelled so. A utility model publication (`20-2016-0001234`) shares its digits with a
 * patent publication, so it carries its kind U even when none is written.
 */
function yearSerial(text: string, end: number, right: string | null, year: string, serial: string, ctx: NumberContext): ParsedNumber | null {
  if (!isSeriesYear(year, 1948)) return null;
  if (ctx.intent === 'application') {
    return right ? finish(text, end, `KR${right}-${year}-${serial}`, 'application', NO_KINDS, ctx) : null;
  }
  if (right === '30') return null; // design publications are not numbered this way
  if (right === '20') return finishImplied(text, end, `KR${year}${serial}`, UTILITY_PUBLICATION_KINDS, ctx, 'U');
  return finish(text, end, `KR${year}${serial}`, 'publication', right === '10' ? PATENT_PUBLICATION_KINDS : PUBLICATION_KINDS, ctx);
}

function registration(text: string, end: number, right: string, serial: string, ctx: NumberContext): ParsedNumber | null {
  if (ctx.intent === 'application' || !withinBounds(REGISTRATION[right] as Series, serial)) return null;
  return finish(text, end, `KR${right}${serial}`, 'publication', REGISTRATION_KINDS[right] as ReadonlySet<string>, ctx);
}

export const KR: OfficeRules = {
  code: 'KR',
  parse(text, pos, ctx) {
    if (!isDigit(text.charCodeAt(pos))) return null;
    const run = digitRunEnd(text, pos, 13);
    const len = run - pos;
    if (text.charCodeAt(run) === HYPHEN) {
      const next = run + 1;
      if (len === 2 && isRightType(text, pos)) {
        const right = text.slice(pos, run);
        // `10-2020-0012345`: right type, year, serial.
        if (exactDigits(text, next, 4) && text.charCodeAt(next + 4) === HYPHEN && isYear(text, next) && exactDigits(text, next + 5, 7)) {
          return yearSerial(text, next + 12, right, text.slice(next, next + 4), text.slice(next + 5, next + 12), ctx);
        }
        // `10-2355140`: a registration; KIPRIS writes it with the register's suffix, `10-2355140-0000`.
        if (exactDigits(text, next, 7)) {
          const suffix = text.startsWith('-0000', next + 7) && !isDigit(text.charCodeAt(next + 12)) ? 5 : 0;
          const r = registration(text, next + 7 + suffix, right, text.slice(next, next + 7), ctx);
          return r || suffix === 0 ? r : registration(text, next + 7, right, text.slice(next, next + 7), ctx);
        }
        return null;
      }
      if (len === 4 && isYear(text, pos) && exactDigits(text, next, 7)) {
        return yearSerial(text, next + 7, null, text.slice(pos, run), text.slice(next, next + 7), ctx);
      }
      return null;
    }
    // EPO search reports space them: `KR 2010 0012345 A`, `KR 101 234 567 B1`; read with the kind they always carry there.
    if (len === 4 || len === 3) {
      const spaced = readSpacedGroups(text, pos, len === 4 ? [4, 7] : [3, 3, 3]);
      if (spaced && (len === 4 ? isYear(text, pos) : isRightType(text, pos))) {
        const kindCtx = ctx.requireKind ? ctx : { ...ctx, requireKind: true };
        const d = spaced.digits;
        return len === 4 ? yearSerial(text, spaced.end, null, d.slice(0, 4), d.slice(4), kindCtx) : registration(text, spaced.end, d.slice(0, 2), d.slice(2), kindCtx);
      }
    }
    if (len === 11 && isYear(text, pos)) return yearSerial(text, run, null, text.slice(pos, pos + 4), text.slice(pos + 4, run), ctx);
    if (len === 13 && isRightType(text, pos) && isYear(text, pos + 2)) {
      return yearSerial(text, run, text.slice(pos, pos + 2), text.slice(pos + 2, pos + 6), text.slice(pos + 6, run), ctx);
    }
    if (len === 9 && isRightType(text, pos)) return registration(text, run, text.slice(pos, pos + 2), text.slice(pos + 2, run), ctx);
    return null;
  },
};
