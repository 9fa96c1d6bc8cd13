import { withinBounds } from '../bounds';
import { COMMA, DOT, digitRunEnd, isDigit, readGroupedDigits, readSpacedGroups, stripZeros } from '../text';
import { finish, kinds, NO_KINDS, roundAmount, type OfficeRules } from './office';

const EP_KINDS = kinds('EP', 'A1', 'A2', 'A3', 'A4', 'A8', 'A9', 'B1', 'B2', 'B3', 'B8', 'B9');

export const EP: OfficeRules = {
  code: 'EP',
  parse(text, pos, ctx) {
    if (!isDigit(text.charCodeAt(pos))) return null;
    // Application: two-digit year, six-digit serial, check digit (`20123456.7`).
    const run = digitRunEnd(text, pos, 8);
    if (run - pos === 8 && text.charCodeAt(run) === DOT && isDigit(text.charCodeAt(run + 1)) && !isDigit(text.charCodeAt(run + 2))) {
      return finish(text, run + 2, `EP${text.slice(pos, run + 2)}`, 'application', NO_KINDS, ctx);
    }
    // The same as the EPO prints it: `20 123 456.7`.
    const spaced = run - pos === 2 ? readSpacedGroups(text, pos, [2, 3, 3]) : null;
    if (spaced && text.charCodeAt(spaced.end) === DOT && isDigit(text.charCodeAt(spaced.end + 1)) && !isDigit(text.charCodeAt(spaced.end + 2))) {
      return finish(text, spaced.end + 2, `EP${spaced.digits}.${text[spaced.end + 1]}`, 'application', NO_KINDS, ctx);
    }
    if (ctx.intent === 'application') return null;
    // Publication: seven digits, often grouped `1 234 567`; six when a leading zero was dropped.
    const g = readGroupedDigits(text, pos, 8);
    if (!g) return null;
    let digits = g.digits;
    let padded = false;
    if (digits.length < 6 || digits.length > 7) {
      // Database exports: `EP00012345A1` (zero-padded to eight), `EP8123A1` (zeros dropped). Only with the kind written.
      digits = stripZeros(digits);
      // Fewer than four digits are a model (Epson's `EP-982A3` printers), not one of the first thousand EPs.
      if (digits.length > 7 || digits.length < 4) return null;
      padded = true;
    }
    if (!withinBounds('EP', digits) || digits === '0') return null;
    const r = finish(text, g.end, `EP${digits.padStart(7, '0')}`, 'publication', EP_KINDS, ctx, padded);
    // The EPO never groups with commas; `EP 199,264` with neither kind nor label is a figure in a table of offices.
    if (r && r.kind === null && !ctx.labelled && digits.length === 6 && text.charCodeAt(pos + 3) === COMMA) return null;
    return roundAmount(r, g.digits, g.end - pos, ctx) ? null : r;
  },
};
