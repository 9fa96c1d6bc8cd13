// The series of the other large offices, from their own numbering notes (WIPO Handbook
// Part 7.2 "Numbering of application and publication documents", each office's survey
// answer) and the forms DOCDB gives their documents. Each office: its series, longest first.
import { LAST_YEAR } from '../bounds';
import { exactDigits, HYPHEN, isDigit, isInlineSpace, SLASH } from '../text';
import { finish, kinds, NO_KINDS, type NumberContext, type OfficeRules, type ParsedNumber } from './office';
import { first, seriesRules, yearLed } from './series';

const startsWithAny = (...prefixes: string[]) => (s: string) => prefixes.some((p) => s.startsWith(p));

/**
 * An application number in the office's own form (`CH 00612/16`, `A 50412/2018`, `1950123-4`,
 * `PA 2019 70123`, `MX/a/2019/012345`): `form` matches at `pos` and `compact` writes it.
 */
function ownApplication(form: RegExp, compact: (m: RegExpExecArray) => string) {
  return (text: string, pos: number, ctx: NumberContext): ParsedNumber | null => {
    const m = form.exec(text.slice(pos, pos + 24));
    return m ? finish(text, pos + m[0].length, compact(m), 'application', NO_KINDS, ctx) : null;
  };
}
const and =
  (...tests: Array<(s: string) => boolean>) =>
  (s: string) =>
    tests.every((t) => t(s));

// Germany (DPMA): since 2004 `10 2019 123 456` (patents) and `20 2019 012 345` (utility
// models), the application number that is also the publication number; 1995–2004 eight
// digits `195 12 345`, `100 12 345`; before, seven digits `4 123 456`; translations of
// European patents `600 18 002 T2`. DPMA prints them with spaces.
const DE_PATENT = kinds('DE', 'A1', 'A5', 'A8', 'A9', 'B3', 'B4', 'B8', 'B9', 'C5', 'C8', 'C9');
export const DE: OfficeRules = seriesRules({
  code: 'DE',
  series: [
    { digits: 12, test: and(startsWithAny('10'), (s) => yearLed(2004, LAST_YEAR)(s.slice(2))), kinds: DE_PATENT, checkDigitApplication: true },
    { digits: 12, test: and(startsWithAny('20'), (s) => yearLed(2004, LAST_YEAR)(s.slice(2))), kinds: kinds('DE', 'U1', 'U8', 'U9'), checkDigitApplication: true },
    // Since 2004 translations of European patents are `60 2017 047 171 T2`, European patents in German `50 2017 …`.
    { digits: 12, test: and(startsWithAny('60'), (s) => yearLed(2004, LAST_YEAR)(s.slice(2))), kinds: kinds('DE', 'T1', 'T2', 'T3', 'T4', 'T5', 'T8', 'T9') },
    { digits: 12, test: and(startsWithAny('50'), (s) => yearLed(2004, LAST_YEAR)(s.slice(2))), kinds: kinds('DE', 'D1'), needsKind: true },
    { digits: 8, test: startsWithAny('195', '196', '197', '198', '199', '100', '101', '102', '103'), kinds: kinds('DE', 'A1', 'A8', 'A9', 'B4', 'C1', 'C2', 'C3', 'C5', 'C8', 'C9'), checkDigitApplication: true },
    { digits: 8, test: startsWithAny('295', '296', '297', '298', '299', '200', '201', '202', '203'), kinds: kinds('DE', 'U1', 'U8', 'U9') },
    { digits: 8, test: first('56'), kinds: kinds('DE', 'T1', 'T2', 'T3', 'T4', 'T5', 'T8', 'T9') },
    { digits: 7, test: first('1234'), bound: 'DE 7-digit', kinds: kinds('DE', 'A', 'A1', 'B', 'B3', 'B4', 'C', 'C1', 'C2', 'C3', 'C5') },
    { digits: 7, test: first('89'), kinds: kinds('DE', 'U', 'U1'), needsKind: true },
    // Utility models before: `1 617 764` (the 1950s), year-led `7 309 197` (1973); numbered apart from the patents.
    { digits: 7, test: first('167'), kinds: kinds('DE', 'U', 'U1'), needsKind: true },
  ],
});

// United Kingdom (UKIPO): `GB 2 123 456 A` since 1977, `GB 1 234 567` before; applications `GB 1912345.6`.
export const GB: OfficeRules = seriesRules({
  code: 'GB',
  commas: true,
  series: [
    // The old series ended near 1 605 000 (1981): `GB 1912345` is an application of 2019 without its check digit.
    { digits: 7, test: (s) => s.charAt(0) === '2' || (s.charAt(0) === '1' && s <= '1610000'), bound: 'GB', kinds: kinds('GB', 'A', 'A8', 'A9', 'B', 'B8', 'B9', 'C') },
    { digits: 7, kinds: kinds('GB', 'A'), checkDigitApplication: 'only' },
    { digits: 6, kinds: kinds('GB', 'A', 'B'), needsKind: true },
  ],
});

// France (INPI): `FR 2 123 456 A1` (2… since 1969, 3… since 2013); `FR 1 234 567` before.
export const FR: OfficeRules = seriesRules({
  code: 'FR',
  series: [
    // An application is year + serial, `FR1909731` (WIPO DAS), as often glued as a publication: a plain
    // run of seven digits is read only with its kind or a label; INPI prints publications `2 123 456`.
    { digits: 7, test: first('23'), bound: 'FR', kinds: kinds('FR', 'A1', 'A3', 'A7', 'A8', 'B1', 'B3'), plainNeedsKind: true },
    { digits: 7, test: first('1'), kinds: kinds('FR', 'A', 'M'), plainNeedsKind: true },
    { digits: 6, kinds: kinds('FR', 'A'), needsKind: true },
  ],
});

// Canada (CIPO): the application number is the document number, `CA 2,123,456 A1`, `CA 3012345 C`.
export const CA: OfficeRules = seriesRules({
  code: 'CA',
  sameNumber: true,
  commas: true,
  series: [
    { digits: 7, test: first('123'), bound: 'CA', kinds: kinds('CA', 'A', 'A1', 'C', 'E', 'F') },
    { digits: 6, kinds: kinds('CA', 'A', 'C'), needsKind: true },
  ],
});

// Australia (IP Australia): since 2002 year + six digits (`AU 2020123456 A1`, written `AU 2020/123456`);
// before, six-digit patent numbers (`AU 654321 B2`).
const AU_NEW = kinds('AU', 'A1', 'A4', 'A8', 'A9', 'B2', 'B4', 'B8', 'B9', 'C1', 'C4');
export const AU: OfficeRules = seriesRules({
  code: 'AU',
  sameNumber: true,
  special(text, pos, ctx) {
    // `2020/123456`, `2020 123456`
    if (!exactDigits(text, pos, 4) || !yearLed(1998, LAST_YEAR)(text.slice(pos, pos + 4))) return null;
    const sep = text.charCodeAt(pos + 4);
    if (sep !== SLASH && !isInlineSpace(sep)) return null;
    if (!exactDigits(text, pos + 5, 6)) return null;
    return finish(text, pos + 11, `AU${text.slice(pos, pos + 4)}${text.slice(pos + 5, pos + 11)}`, 'publication', AU_NEW, ctx);
  },
  series: [
    { digits: 10, test: yearLed(1998, LAST_YEAR), kinds: AU_NEW },
    { digits: 9, test: yearLed(1998, LAST_YEAR), kinds: AU_NEW, needsKind: true, compact: (d) => `AU${d.slice(0, 4)}0${d.slice(4)}` },
    { digits: 6, bound: 'AU old', kinds: kinds('AU', 'A', 'B', 'B2'), needsKind: true },
  ],
});

// Taiwan (TIPO): grants `I123456` (invention), `M512345` (utility model), `D123456` (design);
// application publications year + five digits (`TW 201612345 A`); applications ROC year + six.
export const TW: OfficeRules = seriesRules({
  code: 'TW',
  series: [
    { digits: 6, prefix: 'I', bound: 'TW invention', kinds: kinds('TW', 'B') },
    { digits: 6, prefix: 'M', bound: 'TW utility model', kinds: kinds('TW', 'U') },
    { digits: 6, prefix: 'D', bound: 'TW design', kinds: kinds('TW', 'S') },
    { digits: 9, test: yearLed(2003, LAST_YEAR), kinds: kinds('TW', 'A') },
    { digits: 9, test: (s) => Number(s.slice(0, 3)) >= 88 && Number(s.slice(0, 3)) <= LAST_YEAR - 1911, kinds: kinds('TW'), applicationOnly: true },
    { digits: 6, kinds: kinds('TW', 'B', 'U', 'S'), needsKind: true },
  ],
});

// India: applications, published under their number: year, office (11 Delhi, 21 Mumbai,
// 31 Kolkata, 41 Chennai, and their PCT and other codes), six digits: `IN 201741012345 A`.
// Patents: six digits, with kind B or after "Indian Patent No.".
export const IN: OfficeRules = seriesRules({
  code: 'IN',
  sameNumber: true,
  series: [
    { digits: 12, test: and(yearLed(2005, LAST_YEAR), (s) => Number(s.slice(4, 6)) >= 11 && Number(s.slice(4, 6)) <= 49), kinds: kinds('IN', 'A', 'B') },
    { digits: 6, bound: 'IN', kinds: kinds('IN', 'B'), needsKind: true },
  ],
});

// Brazil (INPI): since 2013 `BR 10 2019 012345-2`: right type (10 patent, 11 PCT entry, 12 divisional,
// 13 certificate of addition, 20–22 utility model), year, serial, check digit; the document is
// BR102019012345 with its kind. Before: `PI 0512345-6`, `MU 8401234-5`.
const BR_PATENT = kinds('BR', 'A', 'A2', 'A8', 'B1', 'B8', 'E2');
const BR_UTILITY = kinds('BR', 'U2', 'U8', 'Y1');
function brazil(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  if (!isDigit(text.charCodeAt(pos)) || !isDigit(text.charCodeAt(pos + 1))) return null;
  const right = text.slice(pos, pos + 2);
  const patent = ['10', '11', '12', '13'].includes(right);
  if (!patent && !['20', '21', '22'].includes(right)) return null;
  const sep = text.charCodeAt(pos + 2);
  let at = pos + 2;
  let parts: string;
  if (sep === HYPHEN || isInlineSpace(sep)) {
    // `10 2019 012345`, `10-2019-012345`
    if (!exactDigits(text, at + 1, 4)) return null;
    const s2 = text.charCodeAt(at + 5);
    if (s2 !== sep && !(isInlineSpace(s2) && isInlineSpace(sep))) return null;
    if (!exactDigits(text, at + 6, 6)) return null;
    parts = text.slice(at + 1, at + 5) + text.slice(at + 6, at + 12);
    at += 12;
  } else {
    if (!exactDigits(text, pos, 12)) return null;
    parts = text.slice(pos + 2, pos + 12);
    at = pos + 12;
  }
  if (!yearLed(1995, LAST_YEAR)(parts)) return null;
  // The check digit after a hyphen or space is part of how the number is written, not of the document number.
  const c = text.charCodeAt(at);
  if ((c === HYPHEN || isInlineSpace(c)) && isDigit(text.charCodeAt(at + 1)) && !isDigit(text.charCodeAt(at + 2))) at += 2;
  return finish(text, at, `BR${right}${parts}`, 'publication', patent ? BR_PATENT : BR_UTILITY, ctx);
}
function brazilOld(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  while (text.startsWith('0', pos) && (text.startsWith('PI', pos + 1) || text.startsWith('MU', pos + 1) || text.startsWith('0', pos + 1))) pos++; // `BR000PI0507004A`
  const prefix = text.slice(pos, pos + 2);
  if (prefix !== 'PI' && prefix !== 'MU') return null;
  let at = pos + 2;
  if (isInlineSpace(text.charCodeAt(at))) at++;
  if (!exactDigits(text, at, 7)) return null;
  let end = at + 7;
  if (text.charCodeAt(end) === HYPHEN && isDigit(text.charCodeAt(end + 1)) && !isDigit(text.charCodeAt(end + 2))) end += 2;
  return finish(text, end, `BR${prefix}${text.slice(at, at + 7)}`, 'publication', prefix === 'PI' ? BR_PATENT : kinds('BR', 'U2', 'Y1'), ctx);
}
export const BR: OfficeRules = {
  code: 'BR',
  parse: (text, pos, ctx) => brazil(text, pos, ctx) ?? brazilOld(text, pos, ctx),
};

// Russia (Rospatent): patents `RU 2 654 321 C1` (2… since 1994), applications published as
// year + six digits `RU 2019123456 A`, utility models six digits `RU 123456 U1`.
export const RU: OfficeRules = seriesRules({
  code: 'RU',
  series: [
    { digits: 10, test: yearLed(1994, LAST_YEAR), kinds: kinds('RU', 'A', 'A8', 'A9') },
    { digits: 7, test: first('2'), bound: 'RU', kinds: kinds('RU', 'C1', 'C2', 'C9') },
    { digits: 6, bound: 'RU utility model', kinds: kinds('RU', 'U1', 'U8', 'U9'), needsKind: true },
  ],
});

// Spain (OEPM): `ES 2 345 678 T3`, `ES 2345678 B2` (2… and 3…); utility models `ES 1 234 567 U`; before 1990 six digits.
export const ES: OfficeRules = seriesRules({
  code: 'ES',
  series: [
    { digits: 7, test: first('23'), bound: 'ES', kinds: kinds('ES', 'A1', 'A2', 'A8', 'A9', 'B1', 'B2', 'B8', 'B9', 'R1', 'T1', 'T3', 'T4', 'T5', 'T8', 'T9') },
    { digits: 7, test: first('1'), kinds: kinds('ES', 'U', 'U1', 'Y', 'Y1'), needsKind: true },
    { digits: 6, kinds: kinds('ES', 'A1', 'A6', 'B1'), needsKind: true },
  ],
});

// Italy (UIBM): the old series `IT 1 234 567 B` (to 2015); since then year + eight digits
// (`IT 201900012345 A1`), from application numbers `102019000012345`. "IT" is a word: a kind or a label is needed.
const IT_PROVINCE = kinds('IT', 'A', 'A1', 'U1');
export const IT: OfficeRules = seriesRules({
  code: 'IT',
  // Before 2015, applications by province: `ITMI20121234A1`, `ITVR0020130124A` (zero-padded), with the kind.
  special(text, pos, ctx) {
    // Applications since 2015: `102019000012345`.
    const app = /^10(20[1-9]\d)\d{9}(?!\d)/.exec(text.slice(pos, pos + 16));
    if (app) return finish(text, pos + 15, `IT${app[0]}`, 'application', NO_KINDS, ctx);
    if (!/^[A-Z]{2}0{0,2}(19|20)\d{6}/.test(text.slice(pos, pos + 14))) return null;
    let at = pos + 2;
    while (text.charCodeAt(at) === 0x30 && text.charCodeAt(at + 1) === 0x30) at++;
    if (text.charCodeAt(at) === 0x30 && !/^(19|20)/.test(text.slice(at, at + 2))) at++;
    if (!exactDigits(text, at, 8) || !yearLed(1990, 2015)(text.slice(at, at + 4))) return null;
    const base = `IT${text.slice(pos, pos + 2)}${text.slice(at, at + 8)}`;
    return finish(text, at + 8, base, 'publication', IT_PROVINCE, ctx, true);
  },
  series: [
    { digits: 12, test: yearLed(2015, LAST_YEAR), kinds: kinds('IT', 'A1', 'B1', 'U1') },
    { digits: 7, test: first('1'), bound: 'IT', kinds: kinds('IT', 'B', 'B1'), needsKind: true },
    { digits: 7, test: first('9'), kinds: kinds('IT', 'U', 'U1'), needsKind: true },
  ],
});

// Netherlands (NL): `NL 1 012 345 C2` (1… since 1995, 2… since 2008); before, application years `NL 8 001 234 A`.
export const NL: OfficeRules = seriesRules({
  code: 'NL',
  series: [
    // Kinds A and B ended with the old series in 1995 (`NL1012345A` names no document).
    { digits: 7, test: first('12'), bound: 'NL', kinds: kinds('NL', 'B1', 'C', 'C1', 'C2') },
    { digits: 7, test: first('6789'), kinds: kinds('NL', 'A', 'B', 'C'), needsKind: true },
  ],
});

// Switzerland (IPI): six digits `CH 690 123 A5`, `CH 712 345 B1`.
export const CH: OfficeRules = seriesRules({
  code: 'CH',
  special: ownApplication(/^(\d{5})\/(\d{2})(?!\d)/, (m) => `CH${m[1]}/${m[2]}`),
  series: [
    { digits: 6, bound: 'CH', kinds: kinds('CH', 'A', 'A1', 'A2', 'A3', 'A5', 'A8', 'A9', 'B1', 'B5', 'B8', 'B9') },
    { digits: 5, kinds: kinds('CH', 'A', 'A5'), needsKind: true },
  ],
});

// Austria (ÖPA): six digits `AT 512 345 B1`, utility models `AT 12 345 U1`. "AT" is a word: kinds needed.
export const AT: OfficeRules = seriesRules({
  code: 'AT',
  special: ownApplication(/^A ?(\d{1,5})\/((?:19|20)\d\d)(?!\d)/, (m) => `ATA${m[1]}/${m[2]}`),
  series: [
    { digits: 6, bound: 'AT', kinds: kinds('AT', 'A', 'A1', 'A2', 'A3', 'B', 'B1', 'B2', 'B8'), needsKind: true },
    // Translations of European patents have a series of their own, past the patents' bound.
    // DEPATISnet writes them with kind E (`AT000362828E`), a kind DOCDB does not give them (AT362828T).
    { digits: 6, kinds: kinds('AT', 'T', 'T1'), needsKind: true },
    { digits: 6, prefix: 'E', kinds: kinds('AT', 'E', 'T', 'T1') },
    { digits: 5, bound: 'AT utility model', kinds: kinds('AT', 'U1', 'U2', 'U3', 'U8'), needsKind: true },
    { digits: 4, kinds: kinds('AT', 'U1', 'U2', 'U3', 'U8'), needsKind: true },
  ],
});

// Sweden (PRV): patents six digits `SE 541 234 C2`; applications published as their number,
// year + five digits `SE 1850123 A1` (with kind).
export const SE: OfficeRules = seriesRules({
  code: 'SE',
  special: ownApplication(/^(\d{7})-(\d)(?![\d-])/, (m) => `SE${m[1]}-${m[2]}`),
  series: [
    { digits: 6, test: first('345'), bound: 'SE', kinds: kinds('SE', 'B', 'C', 'C2') },
    { digits: 7, kinds: kinds('SE', 'A', 'A1', 'L'), needsKind: true },
  ],
});

// Denmark (DKPTO): patents six digits `DK 178 123 B1`; applications and utility models year + five
// (`DK 2019 70123 A1`, `DK 2019 00012 U3`); translations of European patents under the EP number (`DK 1234567 T3`).
export const DK: OfficeRules = seriesRules({
  code: 'DK',
  special: ownApplication(/^PA ?((?:19|20)\d\d) ?(\d{5})(?!\d)/, (m) => `DKPA${m[1]}${m[2]}`),
  sameNumber: true,
  series: [
    { digits: 9, test: yearLed(1990, LAST_YEAR), kinds: kinds('DK', 'A', 'A1', 'U1', 'U3', 'U4', 'Y3', 'Y4') },
    { digits: 7, kinds: kinds('DK', 'T3', 'T4', 'T5'), needsKind: true, bound: 'EP' },
    { digits: 6, bound: 'DK', kinds: kinds('DK', 'B', 'B1', 'C') },
  ],
});

// Mexico (IMPI): applications published under their number, year + six digits (`MX 2019012345 A`,
// before 2011 `MX PA01012345 A`); patents six digits `MX 123456 B`.
export const MX: OfficeRules = seriesRules({
  code: 'MX',
  special: ownApplication(/^\/a\/((?:19|20)\d\d)\/(\d{6})(?!\d)/i, (m) => `MX/a/${m[1]}/${m[2]}`),
  sameNumber: true,
  series: [
    { digits: 10, test: yearLed(1993, LAST_YEAR), kinds: kinds('MX', 'A') },
    { digits: 8, prefix: 'PA', test: (s) => s < '11', kinds: kinds('MX', 'A') },
    { digits: 6, bound: 'MX', kinds: kinds('MX', 'B', 'U', 'S') },
  ],
});
