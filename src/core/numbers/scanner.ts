// One pass over the text: a global regex finds anchors (office codes, `U.S.`, office
// names, `Appl`/`Ser`, Japanese prefixes); each anchor is then parsed locally by
// bounded readers. Work per anchor is constant, so the scan is linear in the input.
// Matches are built in their final form as they are found, line and column counted
// forward from the previous match: the output is most of what a dense text allocates.
import { readLabel } from './labels';
import { eraForm, jpYearSerial, OFFICE_RULES, parsePct, type NumberContext, type OfficeRules, type ParsedNumber } from './offices';
import { exactDigits, HYPHEN, isDigit, isInlineSpace, isUpper, isWordChar, isYear, SLASH } from './text';
import type { OfficeCode, PatentNumberMatch } from './types';

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

/** Anchors that are capitalised words (`Appl`, `European`), as opposed to codes and symbols. */
const WORD_ANCHOR = /^[A-Z][a-z]+( [A-Z][a-z]+)*$/;

export interface Anchors {
  regex: RegExp;
  /** Words the regex may match; anything else its word branch matches is a near miss (`Ker`). */
  words: ReadonlySet<string>;
}

const anchorCache = new Map<string, Anchors>();

/**
 * The global anchor regex for a set of offices; `caseless` for a number typed alone
 * (whose text is upper-cased before scanning). A plain alternation of every anchor
 * scans at half the speed: Irregexp's skip-ahead cannot use the words, whose second
 * letters are the commonest in prose. So the words go in one branch led by a class
 * of first letters and a class of second letters, which it can skip on, and the
 * word actually matched (the capture) is checked afterwards. Codes come first: at a position where
 * a code matches, no word can (their second letters differ).
 */
export function anchorsFor(offices: readonly OfficeCode[], caseless: boolean): Anchors {
  const key = `${caseless ? 'i' : ''}:${offices.join(',')}`;
  let anchors = anchorCache.get(key);
  if (!anchors) {
    const all = offices.flatMap((o) => ANCHORS[o]);
    const words = all.filter((a) => WORD_ANCHOR.test(a));
    const branches = all.filter((a) => !WORD_ANCHOR.test(a));
    if (words.length > 0) {
      const firsts = [...new Set(words.map((w) => w[0]))].join('');
      const seconds = [...new Set(words.map((w) => w[1]))].join('');
      branches.push(`([${firsts}](?=[${seconds}])(?:${words.map((w) => w.slice(1)).join('|')}))`);
    }
    anchors = {
      regex: new RegExp(branches.join('|'), caseless ? 'gi' : 'g'),
      words: new Set(caseless ? words.map((w) => w.toUpperCase()) : words),
    };
    anchorCache.set(key, anchors);
  }
  return anchors;
}

/** The office an upper-case two-letter code names (its first letter is enough among the codes anchored). */
function officeOfCode(c: number): OfficeCode | undefined {
  switch (c) {
    case 0x55 /* U */:
      return 'US';
    case 0x45 /* E */:
      return 'EP';
    case 0x57 /* W */:
      return 'WO';
    case 0x43 /* C */:
      return 'CN';
    case 0x4a /* J */:
      return 'JP';
    case 0x4b /* K */:
      return 'KR';
  }
  return undefined;
}

/**
 * Finds every number in `text` and appends it to `out`, with line and column.
 * Anchors are upper case in `text` when `anchors` is caseless (the caller upper-cases first).
 */
export function scan(text: string, offices: ReadonlySet<OfficeCode>, anchors: Anchors, out: PatentNumberMatch[]): void {
  new Scanner(text, offices, out).run(anchors);
}

class Scanner {
  // Line counting state: breaks before `lineStart` are counted; next LF / CR at or after it
  // (text.length when none; -1 until the first match, so a text without numbers is not searched for them).
  private line = 1;
  private lineStart = 0;
  private nextLf = -1;
  private nextCr = -1;

  constructor(
    private readonly text: string,
    private readonly offices: ReadonlySet<OfficeCode>,
    private readonly out: PatentNumberMatch[],
  ) {}

  run({ regex, words }: Anchors): void {
    const text = this.text;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      const p = m.index;
      const a = m[0];
      const c = a.charCodeAt(0);
      // The word branch (captured) also matches near misses such as `Ker`; an anchor may start
      // inside one, as the plain alternation would find, so the search goes on from the next character.
      if (m[1] !== undefined && !words.has(a)) {
        regex.lastIndex = p + 1;
        continue;
      }
      if (p > 0 && isWordChar(c) && isWordChar(text.charCodeAt(p - 1))) continue;
      const end = this.parseAt(p, c, a.length);
      if (end > regex.lastIndex) regex.lastIndex = end;
    }
  }

  private find(s: string, from: number): number {
    const i = this.text.indexOf(s, from);
    return i < 0 ? this.text.length : i;
  }

  /** Counts the line breaks before `index` (CRLF, LF and lone CR, as VS Code does); indexOf is native and fast. */
  private advanceTo(index: number): void {
    if (this.nextLf < 0 || index < this.lineStart) {
      // First match; or a match before the last one, which the scan never makes (guarded all the same).
      this.line = 1;
      this.lineStart = 0;
      this.nextLf = this.find('\n', 0);
      this.nextCr = this.find('\r', 0);
    }
    for (;;) {
      const lf = this.nextLf;
      const cr = this.nextCr;
      if (lf < cr) {
        if (lf >= index) return;
        this.line++;
        this.lineStart = lf + 1;
        this.nextLf = this.find('\n', lf + 1);
      } else {
        if (cr >= index) return;
        this.line++;
        if (lf === cr + 1) {
          this.lineStart = cr + 2;
          this.nextLf = this.find('\n', cr + 2);
        } else this.lineStart = cr + 1;
        this.nextCr = this.find('\r', cr + 1);
      }
    }
  }

  private emit(index: number, r: ParsedNumber, office: OfficeCode): number {
    this.advanceTo(index);
    const end = r.end;
    this.out.push({
      index,
      length: end - index,
      line: this.line,
      column: index - this.lineStart + 1,
      text: this.text.slice(index, end),
      number: r.number,
      type: r.type,
      office,
      kind: r.kind,
    });
    return end;
  }

  /** Parses at one anchor (`c` its first character, `length` its length); returns the end of the last match made, or -1. */
  private parseAt(p: number, c: number, length: number): number {
    const text = this.text;
    // Office codes are most anchors: dispatch them on character codes, without building strings.
    switch (c) {
      case 0x55 /* U */:
        if (length === 2) return this.atCode(p, 'US');
        // `U.S.` or `United States`
        return this.designated(p, p + length, 'US');
      case 0x41 /* A */:
      case 0x53 /* S */:
        return this.labelledUsApplication(p);
      case 0x5a /* Z */: {
        // A granted Chinese patent is cited by its application number: `ZL201510570472.5`.
        const at = isInlineSpace(text.charCodeAt(p + 2)) ? p + 3 : p + 2;
        const r = OFFICE_RULES.CN.parse(text, at, { intent: 'application' });
        return r ? this.emit(p, r, 'CN') : -1;
      }
      case 0x50 /* P */:
        if (text.charCodeAt(p + 3) === SLASH) {
          const r = parsePct(text, p, ANY);
          return r ? this.emit(p, r, 'WO') : -1;
        }
        return this.designated(p, p + 3, 'WO');
      case 0x49 /* I */:
        // `International`
        return this.designated(p, p + length, 'WO');
      case 0x7279 /* 特 */:
        return this.japanese(p, length);
    }
    const office = officeOfCode(c);
    if (office === undefined) return -1;
    if (length === 2) return this.atCode(p, office);
    // `European`, `Chinese`, `Japanese`, `Korean`
    return this.designated(p, p + length, office);
  }

  private atCode(p: number, office: OfficeCode): number {
    const text = this.text;
    // The receiving office inside `PCT/US2020/012345` is not a US number.
    if (!this.offices.has(office) || (p >= 4 && text.charCodeAt(p - 1) === SLASH && text.startsWith('PCT/', p - 4))) return -1;
    const r = afterCode(text, p + 2, OFFICE_RULES[office], ANY);
    if (r) return this.emit(p, r, office);
    // `US Patent No. 10,123,456`, `EP Patent Application 20123456.7`
    return isInlineSpace(text.charCodeAt(p + 2)) ? this.designated(p, p + 3, office) : -1;
  }

  /** An office named before a label: `U.S. Pat. No. 7,123,456`, `European Patent Application No. 20123456.7`. */
  private designated(start: number, pos: number, office: OfficeCode): number {
    const text = this.text;
    const at = isInlineSpace(text.charCodeAt(pos)) ? pos + 1 : pos;
    const label = readLabel(text, at);
    if (!label.saysWhat) {
      // `U.S. 7,123,456 B2`: the dotted code alone, as some citations write it.
      if (office !== 'US' || text.charCodeAt(pos - 1) !== 0x2e /* . */ || label.end !== at || at === pos) return -1;
      const r = OFFICE_RULES.US.parse(text, at, ANY);
      return r ? this.emit(start, r, office) : -1;
    }
    const r = afterLabel(text, label.end, office, label.context);
    if (!r) return -1;
    const end = this.emit(start, r, office);
    return label.plural ? this.listTail(end, office, label.context) : end;
  }

  /** `U.S. Pat. Nos. 7,123,456, 8,234,567 and 9,345,678`: each further number is its own match. */
  private listTail(end: number, office: OfficeCode, ctx: NumberContext): number {
    const text = this.text;
    for (;;) {
      let i = end;
      for (let n = 0; n < 3; n++) {
        const c = text.charCodeAt(i);
        if (c === 0x2c || c === 0x3b || isInlineSpace(c)) i++;
        else break;
      }
      const c = text.charCodeAt(i);
      const word =
        c === 0x61 /* a */ && text.charCodeAt(i + 1) === 0x6e /* n */ && text.charCodeAt(i + 2) === 0x64 /* d */
          ? 3
          : c === 0x6f /* o */ && text.charCodeAt(i + 1) === 0x72 /* r */
            ? 2
            : c === 0x26 /* & */
              ? 1
              : 0;
      if (word > 0 && isInlineSpace(text.charCodeAt(i + word))) i = isInlineSpace(text.charCodeAt(i + word + 1)) ? i + word + 2 : i + word + 1;
      if (i === end) return end;
      const r = afterLabel(text, i, office, ctx);
      if (!r) return end;
      end = this.emit(i, r, office);
    }
  }

  /** `Appl. No. 14/706,838`, `Serial No. 14/706,838`: a US application even without `U.S.`, by its unmistakable form. */
  private labelledUsApplication(p: number): number {
    const label = readLabel(this.text, p);
    if (label.context.intent !== 'application' || label.context.variant) return -1;
    const r = OFFICE_RULES.US.parse(this.text, label.end, label.context);
    return r ? this.emit(p, r, 'US') : -1;
  }

  /** `特開2020-123456`, `特開平8-179521号`, `特表2019-512345`, `特願2018-234567`, `特許第6123456号`. */
  private japanese(p: number, length: number): number {
    const text = this.text;
    let i = p + length;
    let r: ParsedNumber | null;
    if (length === 3) {
      // 特許第
      r = OFFICE_RULES.JP.parse(text, i, { intent: 'publication' });
      if (r && r.number.length !== 9 + (r.kind?.length ?? 0)) r = null; // grants only: seven digits
    } else {
      const ctx: NumberContext = { intent: text.charCodeAt(p + 1) === 0x9858 /* 願 */ ? 'application' : 'publication' };
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
    return this.emit(p, r, 'JP');
  }
}

const KANJI_ERAS = '昭平令';

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
