import { DOT, digitRunEnd, isDigit, readSpacedGroups } from '../text';
import { finish, kinds, NO_KINDS, type OfficeRules } from './office';

const CN_KINDS = kinds('A', 'B', 'C', 'U', 'Y', 'S');

export const CN: OfficeRules = {
  code: 'CN',
  parse(text, pos, ctx) {
    if (!isDigit(text.charCodeAt(pos))) return null;
    const run = digitRunEnd(text, pos, 12);
    const len = run - pos;
    // Application: `201510570472.5` (since 2003) or `98123456.7`, check digit 0-9 or X.
    if ((len === 12 || len === 8) && text.charCodeAt(run) === DOT) {
      const check = text.charCodeAt(run + 1);
      if ((isDigit(check) || check === 0x58) /* X */ && !isDigit(text.charCodeAt(run + 2))) {
        return finish(text, run + 2, `CN${text.slice(pos, run + 2)}`, 'application', NO_KINDS, ctx);
      }
      return null;
    }
    // As certificates print it: year, type (1 invention, 2 utility model, 3 design, 8 and 9 PCT
    // entries), serial: `2020 1 0123456.7`, before 2003 `98 1 23456.7`.
    if (len === 4 || len === 2) {
      const spaced = readSpacedGroups(text, pos, len === 4 ? [4, 1, 7] : [2, 1, 5]);
      const type = spaced ? spaced.digits.charAt(len) : '';
      const check = spaced ? text.charCodeAt(spaced.end + 1) : 0;
      if (spaced && '12389'.includes(type) && text.charCodeAt(spaced.end) === DOT && (isDigit(check) || check === 0x58) && !isDigit(text.charCodeAt(spaced.end + 2))) {
        return finish(text, spaced.end + 2, `CN${spaced.digits}.${text[spaced.end + 1]}`, 'application', NO_KINDS, ctx);
      }
    }
    if (ctx.intent === 'application') return null;
    // Publication: nine digits since 2007 (1… invention, 2… utility model, 3… design), seven before.
    const first = text.charCodeAt(pos);
    if ((len !== 9 && len !== 7) || first < 0x31 || first > 0x33) return null;
    return finish(text, run, `CN${text.slice(pos, run)}`, 'publication', CN_KINDS, ctx);
  },
};
