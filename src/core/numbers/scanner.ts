// One pass over the text: a global regex finds anchors (office codes, `U.S.`, office
// names, `Appl`/`Ser`, Japanese prefixes); each anchor is then parsed locally by
// bounded readers. Work per anchor is constant, so the scan is linear in the input.
import { readLabel } from './labels';
import { eraForm, jpYearSerial, OFFICE_RULES, parsePct, type NumberContext, type OfficeRules, type ParsedNumber } from './offices';
import { exactDigits, HYPHEN, isDigit, isInlineSpace, isLetter, isUpper, isWordChar, isYear, SLASH } from './text';
import type { NumberType, OfficeCode } from './types';

export interface RawMatch {
  index: number;
  end: number;
  number: string;
  type: NumberType;
  office: OfficeCode;
  kind: string | null;
}

const ANY: NumberContext = { intent: 'any' };

/** Anchors per office. Codes are upper case in running text; labels may start a sentence. */
const ANCHORS: Readonly<Record<OfficeCode, readonly string[]>> = {
  US: ['US', 'U\\.S\\.', 'United States', 'Appl', 'Ser'],
  EP: ['EP', 'European'],
  WO: ['WO', 'PCT', 'International'],
  CN: ['CN', 'ZL', 'Chinese'],
  JP: ['JP', 'Japanese', '特開', '特表', '特願', '特許第'],
  KR: ['KR', 'Korean'],
};

/** Office named by a word before a label: `U.S. Pat. No.`, `European Patent No.`. */
const NAMED: Readonly<Record<string, OfficeCode>> = {
  'u.s.': 'US',
  'united states': 'US',
  european: 'EP',
  international: 'WO',
  pct: 'WO',
  chinese: 'CN',
  japanese: 'JP',
  korean: 'KR',
};

const anchorCache = new Map<string, RegExp>();

/** The global anchor regex for a set of offices; `caseless` for a number typed alone. */
export function anchorsFor(offices: readonly OfficeCode[], caseless: boolean): RegExp {
  const key = `${caseless ? 'i' : ''}:${offices.join(',')}`;
  let re = anchorCache.get(key);
  if (!re) {
    re = new RegExp(offices.flatMap((o) => ANCHORS[o]).join('|'), caseless ? 'gi' : 'g');
    anchorCache.set(key, re);
  }
  return re;
}

export function scan(text: string, offices: ReadonlySet<OfficeCode>, anchors: RegExp, out: RawMatch[]): void {
  anchors.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = anchors.exec(text)) !== null) {
    const p = m.index;
    const a = m[0];
    if (p > 0 && isWordChar(a.charCodeAt(0)) && isWordChar(text.charCodeAt(p - 1))) continue;
    const end = parseAt(text, p, a, offices, out);
    if (end > anchors.lastIndex) anchors.lastIndex = end;
  }
}

/** Parses at one anchor; returns the end of the last match made, or -1. */
function parseAt(text: string, p: number, anchor: string, offices: ReadonlySet<OfficeCode>, out: RawMatch[]): number {
  // Office codes are most anchors: dispatch them without building a lower-case copy.
  if (anchor.length === 2 && isLetter(anchor.charCodeAt(0)) && anchor !== 'ZL' && anchor !== 'zl') return atCode(text, p, anchor.toUpperCase() as OfficeCode, offices, out);
  const lower = anchor.toLowerCase();
  switch (lower) {
    case 'appl':
    case 'ser':
      return labelledUsApplication(text, p, out);
    case 'zl': {
      // A granted Chinese patent is cited by its application number: `ZL201510570472.5`.
      const at = isInlineSpace(text.charCodeAt(p + 2)) ? p + 3 : p + 2;
      const r = OFFICE_RULES.CN.parse(text, at, { intent: 'application' });
      return r ? emit(out, p, r, 'CN') : -1;
    }
    case 'pct':
      if (text.charCodeAt(p + 3) === SLASH) {
        const r = parsePct(text, p, ANY);
        return r ? emit(out, p, r, 'WO') : -1;
      }
      return designated(text, p, p + 3, 'WO', out);
    case '特開':
    case '特表':
    case '特願':
    case '特許第':
      return japanese(text, p, anchor, out);
  }
  const named = NAMED[lower];
  if (named) return designated(text, p, p + anchor.length, named, out);
  return -1;
}

function atCode(text: string, p: number, office: OfficeCode, offices: ReadonlySet<OfficeCode>, out: RawMatch[]): number {
  // The receiving office inside `PCT/US2020/012345` is not a US number.
  if (!offices.has(office) || (p >= 4 && text.startsWith('PCT/', p - 4))) return -1;
  const r = afterCode(text, p + 2, OFFICE_RULES[office], ANY);
  if (r) return emit(out, p, r, office);
  // `US Patent No. 10,123,456`, `EP Patent Application 20123456.7`
  return isInlineSpace(text.charCodeAt(p + 2)) ? designated(text, p, p + 3, office, out) : -1;
}

function emit(out: RawMatch[], index: number, r: ParsedNumber, office: OfficeCode): number {
  out.push({ index, end: r.end, number: r.number, type: r.type, office, kind: r.kind });
  return r.end;
}

/** The number right after an office code: glued, after one space or hyphen, or EPO citation style `EP-A-…`. */
function afterCode(text: string, q: number, rules: OfficeRules, ctx: NumberContext): ParsedNumber | null {
  const c = text.charCodeAt(q);
  if (c === HYPHEN && isUpper(text.charCodeAt(q + 1))) {
    let r = q + 2;
    if (isDigit(text.charCodeAt(r))) r++;
    const s = text.charCodeAt(r);
    if (s === HYPHEN || isInlineSpace(s)) {
      const cited = rules.parse(text, r + 1, { ...ctx, citedKind: text.slice(q + 1, r) });
      if (cited) return cited;
    }
  }
  return rules.parse(text, isInlineSpace(c) || c === HYPHEN ? q + 1 : q, ctx);
}

/** After a label the office code may be written again: `U.S. Patent Pub. No. US 2019/0123456 A1`. */
function afterLabel(text: string, at: number, office: OfficeCode, ctx: NumberContext): ParsedNumber | null {
  const rules = OFFICE_RULES[office];
  if (text.startsWith(office, at)) {
    const r = afterCode(text, at + 2, rules, ctx);
    if (r) return r;
  }
  if (office === 'CN' && text.startsWith('ZL', at)) return afterCode(text, at + 2, rules, { ...ctx, intent: 'application' });
  return rules.parse(text, at, ctx);
}

/** An office named before a label: `U.S. Pat. No. 7,123,456`, `European Patent Application No. 20123456.7`. */
function designated(text: string, start: number, pos: number, office: OfficeCode, out: RawMatch[]): number {
  const at = skipSpace(text, pos);
  const label = readLabel(text, at);
  if (!label.saysWhat) {
    // `U.S. 7,123,456 B2`: the dotted code alone, as some citations write it.
    if (office !== 'US' || text[pos - 1] !== '.' || label.end !== at || at === pos) return -1;
    const r = OFFICE_RULES.US.parse(text, at, ANY);
    return r ? emit(out, start, r, office) : -1;
  }
  const r = afterLabel(text, label.end, office, label.context);
  if (!r) return -1;
  let end = emit(out, start, r, office);
  if (label.plural) end = listTail(text, end, office, label.context, out);
  return end;
}

function skipSpace(text: string, pos: number): number {
  return isInlineSpace(text.charCodeAt(pos)) ? pos + 1 : pos;
}

/** `U.S. Pat. Nos. 7,123,456, 8,234,567 and 9,345,678`: each further number is its own match. */
function listTail(text: string, end: number, office: OfficeCode, ctx: NumberContext, out: RawMatch[]): number {
  for (;;) {
    let i = end;
    for (let n = 0; n < 3; n++) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x3b || isInlineSpace(c)) i++;
      else break;
    }
    const word = text.startsWith('and', i) ? 3 : text.startsWith('or', i) ? 2 : text.charCodeAt(i) === 0x26 /* & */ ? 1 : 0;
    if (word > 0 && isInlineSpace(text.charCodeAt(i + word))) i = skipSpace(text, i + word + 1);
    if (i === end) return end;
    const r = afterLabel(text, i, office, ctx);
    if (!r) return end;
    end = emit(out, i, r, office);
  }
}

/** `Appl. No. 14/706,838`, `Serial No. 14/706,838`: a US application even without `U.S.`, by its unmistakable form. */
function labelledUsApplication(text: string, p: number, out: RawMatch[]): number {
  const label = readLabel(text, p);
  if (label.context.intent !== 'application' || label.context.variant) return -1;
  const r = OFFICE_RULES.US.parse(text, label.end, label.context);
  return r ? emit(out, p, r, 'US') : -1;
}

const KANJI_ERAS = '昭平令';

/** `特開2020-123456`, `特開平8-179521号`, `特表2019-512345`, `特願2018-234567`, `特許第6123456号`. */
function japanese(text: string, p: number, anchor: string, out: RawMatch[]): number {
  let i = p + anchor.length;
  let r: ParsedNumber | null;
  if (anchor === '特許第') {
    r = OFFICE_RULES.JP.parse(text, i, { intent: 'publication' });
    if (r && r.number.length !== 9 + (r.kind?.length ?? 0)) r = null; // grants only: seven digits
  } else {
    const ctx: NumberContext = { intent: anchor === '特願' ? 'application' : 'publication' };
    const era = text[i] ?? '';
    if (KANJI_ERAS.includes(era)) {
      i++;
      if (text[i] === '和') i++; // 令和
      r = eraForm(text, era, i, ctx);
    } else if (isDigit(text.charCodeAt(i)) && text.charCodeAt(i + 4) === HYPHEN) {
      r = isYear(text, i) && exactDigits(text, i, 4) ? jpYearSerial(text, i, text.slice(i, i + 4), i + 5, ctx) : null;
    } else r = null;
  }
  if (!r) return -1;
  if (text[r.end] === '号') r = { ...r, end: r.end + 1 };
  return emit(out, p, r, 'JP');
}
