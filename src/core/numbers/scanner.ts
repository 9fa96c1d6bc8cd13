// One pass over the text: a global regex finds anchors (office codes, `U.S.`, office
// names, `Appl`/`Ser`, Japanese prefixes, Korean and Chinese labels); each anchor is then
// parsed locally by bounded readers. Work per anchor is constant, so the scan is linear in
// the input. Matches are built in their final form as they are found, line and column
// counted forward from the previous match: the output is most of what a dense text allocates.
import { relaxed } from './bounds';
import { readLabel } from './labels';
import { eraForm, numberContext, OFFICE_RULES, parseJp, parsePct, type JpDocument, type NumberContext, type OfficeRules, type ParsedNumber } from './offices';
import { COMMA, DOT, HYPHEN, isDigit, isInlineSpace, isLetter, isUpper, isWordChar, lineBreaks, readGroupedDigits, SLASH } from './text';
import { SUPPORTED_OFFICES, type NumberProblem, type NumberType, type OfficeCode, type PatentNumberMatch } from './types';
import { readSpacedDigits } from './offices/series';

const ANY = numberContext({ intent: 'any' });
const TYPED = numberContext({ intent: 'any', labelled: true });
const APPLICATION = numberContext({ intent: 'application' });
/** `US_1234567` is an identifier; `WO_9812345_A1` an export. */
const KIND_REQUIRED = numberContext({ intent: 'any', requireKind: true });

/** Office names as English texts write them before a label (`German Patent No.`). */
const OFFICE_WORDS: ReadonlyArray<readonly [string, OfficeCode]> = [
  ['United States', 'US'], ['European', 'EP'], ['International', 'WO'], ['Chinese', 'CN'], ['Japanese', 'JP'], ['Korean', 'KR'],
  ['German', 'DE'], ['Indian', 'IN'], ['Canadian', 'CA'], ['Australian', 'AU'], ['Brazilian', 'BR'], ['British', 'GB'],
  ['United Kingdom', 'GB'], ['Russian', 'RU'], ['French', 'FR'], ['Taiwanese', 'TW'], ['Taiwan', 'TW'], ['Mexican', 'MX'],
  ['Italian', 'IT'], ['Spanish', 'ES'], ['Dutch', 'NL'], ['Netherlands', 'NL'], ['Swiss', 'CH'], ['Austrian', 'AT'],
  ['Swedish', 'SE'], ['Danish', 'DK'],
];

/** Country names in Korean notices (`미국특허공보 제7234567호`); a label without one is Korean. */
const KOREAN_COUNTRIES: ReadonlyArray<readonly [string, OfficeCode]> = [
  ['대한민국', 'KR'], ['한국', 'KR'], ['미국', 'US'], ['일본', 'JP'], ['중국', 'CN'], ['유럽', 'EP'], ['국제', 'WO'], ['독일', 'DE'],
  ['영국', 'GB'], ['프랑스', 'FR'], ['캐나다', 'CA'], ['호주', 'AU'], ['대만', 'TW'], ['인도', 'IN'], ['브라질', 'BR'], ['러시아', 'RU'],
  ['스페인', 'ES'], ['이탈리아', 'IT'], ['네덜란드', 'NL'], ['스위스', 'CH'], ['오스트리아', 'AT'], ['스웨덴', 'SE'], ['덴마크', 'DK'],
  ['멕시코', 'MX'],
];
/** Korean gazette words that start a label without a country (`공개특허공보 제…`, `등록특허 제…`). */
const KOREAN_LABELS = ['공개', '등록', '특허', '출원', '실용신안'];

/**
 * Country names as Japanese documents cite foreign art (`米国特許第7123456号明細書`,
 * `欧州特許出願公開第1234567号`, `国際公開第2020/123456号`); `中国` also starts Chinese labels (`中国专利`).
 */
const JAPANESE_COUNTRIES: ReadonlyArray<readonly [string, OfficeCode]> = [
  ['米国', 'US'], ['欧州', 'EP'], ['国際公開', 'WO'], ['中国', 'CN'], ['韓国', 'KR'], ['独国', 'DE'], ['ドイツ', 'DE'], ['英国', 'GB'],
  ['仏国', 'FR'], ['フランス', 'FR'], ['台湾', 'TW'], ['カナダ', 'CA'], ['豪州', 'AU'], ['オーストラリア', 'AU'], ['インド', 'IN'],
  ['ブラジル', 'BR'], ['ロシア', 'RU'], ['スペイン', 'ES'], ['イタリア', 'IT'], ['オランダ', 'NL'], ['スイス', 'CH'], ['オーストリア', 'AT'],
  ['スウェーデン', 'SE'], ['デンマーク', 'DK'], ['メキシコ', 'MX'],
];
const JAPANESE_COUNTRY: ReadonlyMap<string, OfficeCode> = new Map(JAPANESE_COUNTRIES);

/** Japanese document prefixes and the document type each names. */
const JAPANESE: ReadonlyArray<readonly [string, JpDocument]> = [
  ['特開', 'kokai'], ['特表', 'kohyo'], ['特願', 'application'], ['特許第', 'grant'], ['特公', 'kokoku'], ['実開', 'um-kokai'],
  ['実公', 'um-kokoku'], ['実登', 'um-registration'], ['実用新案登録', 'um-registration'],
  // As Chinese texts write them, in simplified characters.
  ['特开', 'kokai'], ['特许第', 'grant'],
];

/** Chinese labels (`申请号：201510570472.5`, `公开号：CN104169186A`); traditional ones are Taiwan's. */
const CHINESE: ReadonlyArray<readonly [string, OfficeCode, 'application' | 'publication']> = [
  ['申请号', 'CN', 'application'], ['专利号', 'CN', 'application'], ['公开号', 'CN', 'publication'], ['公告号', 'CN', 'publication'],
  ['公布号', 'CN', 'publication'], ['申請號', 'TW', 'application'], ['公開號', 'TW', 'publication'], ['公告號', 'TW', 'publication'],
  ['證書號', 'TW', 'publication'],
  // Taiwanese office actions: `發明第I623456號`, `新型第M512345號`, `發明專利第I623456號`, `中華民國專利I623456`.
  ['發明第', 'TW', 'publication'], ['新型第', 'TW', 'publication'], ['設計第', 'TW', 'publication'], ['專利第', 'TW', 'publication'],
  ['中華民國專利', 'TW', 'publication'],
];

/** Anchors per office. Codes are upper case in running text; labels may start a sentence. */
const ANCHORS: Readonly<Record<OfficeCode, readonly string[]>> = (() => {
  const out = Object.fromEntries(SUPPORTED_OFFICES.map((o) => [o, [o] as string[]])) as Record<OfficeCode, string[]>;
  out.US.push('U\\.S\\.', 'Appl', 'Ser');
  out.WO.push('PCT');
  out.CN.push('ZL');
  out.GB.push('UK');
  for (const [word, office] of OFFICE_WORDS) out[office].push(word);
  for (const [word, office] of KOREAN_COUNTRIES) if (office !== 'KR') out[office].push(word);
  out.KR.push('대한민국', '한국', ...KOREAN_LABELS);
  for (const [prefix] of JAPANESE) out.JP.push(prefix);
  for (const [label, office] of CHINESE) out[office].push(label);
  for (const [name, office] of JAPANESE_COUNTRIES) out[office].push(name);
  return out;
})();

/** Office codes by their two letters, (first - A) * 26 + (second - A): read without hashing the anchor's string. */
const CODE_OFFICE: ReadonlyArray<OfficeCode | undefined> = (() => {
  const out: Array<OfficeCode | undefined> = new Array<OfficeCode | undefined>(26 * 26).fill(undefined);
  for (const o of SUPPORTED_OFFICES) out[(o.charCodeAt(0) - 0x41) * 26 + o.charCodeAt(1) - 0x41] = o;
  return out;
})();
const NAMED: ReadonlyMap<string, OfficeCode> = new Map([
  ...OFFICE_WORDS.map(([w, o]) => [w.toUpperCase(), o] as const),
  ['UK', 'GB'],
  ['U.S.', 'US'],
]);
const JAPANESE_DOCS: ReadonlyMap<string, JpDocument> = new Map(JAPANESE);
const TW_CERTIFICATE_LABELS: ReadonlySet<string> = new Set(['證書號', '發明第', '新型第', '設計第', '專利第', '中華民國專利']);
const CHINESE_LABELS: ReadonlyMap<string, readonly [OfficeCode, 'application' | 'publication']> = new Map(CHINESE.map(([l, o, t]) => [l, [o, t] as const]));

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
 * a code matches, no word can (their second letters are upper case).
 */
export function anchorsFor(offices: readonly OfficeCode[], caseless: boolean): Anchors {
  const key = `${caseless ? 'i' : ''}:${offices.join(',')}`;
  let anchors = anchorCache.get(key);
  if (!anchors) {
    const all = offices.flatMap((o) => ANCHORS[o]);
    const words = [...new Set(all.filter((a) => WORD_ANCHOR.test(a)))].sort((a, b) => b.length - a.length);
    const branches = [...new Set(all.filter((a) => !WORD_ANCHOR.test(a)))].sort((a, b) => b.length - a.length);
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

export interface ScanOptions {
  /** Also give impossible numbers, flagged with their problem. */
  flag?: boolean;
  /** A number typed alone (an input box, an argument): it is meant as a number, so short series need no kind. */
  typed?: boolean;
  /** Scan only anchors starting in [from, to); matches may end past `to`. Lines still count from the text's start. */
  from?: number;
  to?: number;
}

/**
 * Finds every number in `text` and appends it to `out`, with line and column.
 * Anchors are upper case in `text` when `anchors` is caseless (the caller upper-cases first).
 */
export function scan(text: string, offices: ReadonlySet<OfficeCode>, anchors: Anchors, out: PatentNumberMatch[], options: ScanOptions = {}): void {
  new Scanner(text, offices, out, options.flag === true, options.typed ? TYPED : ANY).run(anchors, options.from ?? 0, options.to ?? text.length);
}

function isHangul(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Currency codes that start with an office code: an amount in them is never a patent, flagged or not. */
const CURRENCIES = new Set(['USD', 'JPY', 'CNY', 'KRW', 'GBP', 'CAD', 'AUD', 'INR', 'BRL', 'RUB', 'MXN', 'CHF', 'SEK', 'DKK', 'TWD', 'ESP', 'ITL', 'NLG', 'ATS', 'DEM', 'FRF']);

/**
 * A match as the scanner makes it, its fields in the order JSON gives them; `problem` only when set
 * (absent, not undefined). A class, not an object literal: V8 pretenures a literal's allocation
 * site once most of its objects outlive a young collection, as a whole scan's do, and from then on
 * makes every match in the old generation, even those a keystroke's rescan makes and drops at
 * once. Each of those keeps the young strings it points at (its text, its number, the window they
 * are sliced from) through the next young collection: in the keystroke bench each kept 1.2-2.1 MB
 * and the heap grew; with the class 97-221 KB, the heap nearly flat, the pauses half as long
 * (`--trace-gc-nvp`; test/bench/README.md).
 */
class Match implements PatentNumberMatch {
  declare problem?: NumberProblem;
  constructor(
    public index: number,
    public length: number,
    public line: number,
    public column: number,
    public text: string,
    public number: string,
    public type: NumberType,
    public office: OfficeCode,
    public kind: string | null,
    problem: NumberProblem | undefined,
  ) {
    if (problem) this.problem = problem;
  }
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
    private readonly flag: boolean,
    private readonly bare: NumberContext,
  ) {}

  run({ regex, words }: Anchors, from: number, to: number): void {
    const text = this.text;
    regex.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null && m.index < to) {
      const p = m.index;
      const a = m[0];
      const c = a.charCodeAt(0);
      // The word branch (captured) also matches near misses such as `Ker`; an anchor may start
      // inside one, as the plain alternation would find, so the search goes on from the next character.
      if (m[1] !== undefined && !words.has(a)) {
        regex.lastIndex = p + 1;
        continue;
      }
      if (p > 0 && isWordChar(c) && isWordChar(text.charCodeAt(p - 1)) && !afterEscape(text, p)) {
        // `%3DEP…`: the escape's last digit and the code read as `DE`; the code starts one on.
        if (afterEscape(text, p + 1)) regex.lastIndex = p + 1;
        continue;
      }
      const end = this.parseAt(p, a);
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

  /**
   * Records a match; -1 (no match) when it spans more than one line break. Labels wrap once
   * in prose (`U.S. Pat.\nNo. 7,123,456`); a number never needs more, and the bound lets an
   * edit rescan only the lines near it.
   */
  private emit(index: number, r: ParsedNumber, office: OfficeCode, problem?: NumberProblem): number {
    const end = r.end;
    // After advanceTo, the next breaks are known: most numbers end before them, and need no count.
    this.advanceTo(index);
    if ((this.nextLf < end || this.nextCr < end) && lineBreaks(this.text, index, end) > 1) return -1;
    this.out.push(new Match(index, end - index, this.line, index - this.lineStart + 1, this.text.slice(index, end), r.number, r.type, office, r.kind, problem));
    return end;
  }

  /** Parses at one anchor `a`; returns the end of the last match made, or -1. */
  private parseAt(p: number, a: string): number {
    const text = this.text;
    const c = a.charCodeAt(0);
    if (c >= 0x3000) return this.cjk(p, a);
    if (a.length === 2 && isUpper(a.charCodeAt(1))) {
      if (a === 'ZL') {
        // A granted Chinese patent is cited by its application number: `ZL201510570472.5`.
        const at = isInlineSpace(text.charCodeAt(p + 2)) ? p + 3 : p + 2;
        const r = OFFICE_RULES.CN.parse(text, at, APPLICATION);
        return r ? this.emit(p, r, 'CN') : -1;
      }
      if (a === 'UK') return this.designated(p, p + 2, 'GB');
      const office = isUpper(c) ? CODE_OFFICE[(c - 0x41) * 26 + a.charCodeAt(1) - 0x41] : undefined;
      return office ? this.atCode(p, office) : -1;
    }
    switch (a) {
      case 'PCT':
        if (text.charCodeAt(p + 3) === SLASH) {
          const r = parsePct(text, p, ANY);
          return r ? this.emit(p, r, 'WO') : -1;
        }
        return this.designated(p, p + 3, 'WO');
      case 'Appl':
      case 'Ser':
      case 'APPL':
      case 'SER':
        return this.labelledUsApplication(p);
    }
    const office = NAMED.get(a.toUpperCase());
    return office ? this.designated(p, p + a.length, office) : -1;
  }

  private atCode(p: number, office: OfficeCode): number {
    const text = this.text;
    // The receiving office inside `PCT/US2020/012345` is not a US number.
    if (!this.offices.has(office) || (p >= 4 && text.charCodeAt(p - 1) === SLASH && text.startsWith('PCT/', p - 4))) return -1;
    // Database exports double the code (`WOWO 98/41234`, `USUS5123456A`) or join with underscores (`WO_9812345_A1`).
    let q = p + 2;
    if (text.startsWith(office, q)) q += 2;
    // `USPN 7,123,456`, `USP 7,123,456`, `USPAP 2005/0123456` (US patent number, US patent application publication).
    if (office === 'US') q = afterUsAbbreviation(text, q);
    // Danish registers write a validated European patent `DK/EP 1234567 T3`: a DK translation (kind T3), not the EP.
    if (office === 'DK' && text.startsWith('/EP ', q)) q += 3;
    let ctx = this.bare;
    // J-PlatPat's citation form: `JP,2005-123456,A`, `JP,11-123456,A`.
    if (office === 'JP' && text.charCodeAt(q) === COMMA && isDigit(text.charCodeAt(q + 1))) {
      const r = jpCommaForm(text, q + 1, ctx);
      if (r) return this.emit(p, r, office);
    }
    // OPS's DOCDB form, the kind after a second dot: `EP.1000000.A1`, `US.2022179620.A1` (read only with it).
    if (text.charCodeAt(q) === DOT && isDigit(text.charCodeAt(q + 1))) {
      const r = docdbDotted(text, q + 1, OFFICE_RULES[office], ctx);
      if (r) return this.emit(p, r, office);
    }
    if (text.charCodeAt(q) === 0x26 /* & */) {
      const r = espacenetParameters(text, p, q, OFFICE_RULES[office], ctx);
      if (r) return this.emit(p, r, office);
    }
    if (text.charCodeAt(q) === 0x5f && isDigit(text.charCodeAt(q + 1))) {
      q++;
      ctx = KIND_REQUIRED;
    }
    const rules = OFFICE_RULES[office];
    const r = afterCode(text, q, rules, ctx);
    if (r) return r.kind === null && r.type === 'publication' && identifierBefore(text, p) ? -1 : this.emit(p, r, office);
    // `US Patent No. 10,123,456`, `EP Patent Application 20123456.7`
    if (isInlineSpace(text.charCodeAt(p + 2)) && isLetter(text.charCodeAt(p + 3))) {
      const end = this.designated(p, p + 3, office);
      if (end >= 0) return end;
    }
    return this.flag ? this.impossible(p, q, office, this.bare) : -1;
  }

  /** An office named before a label: `U.S. Pat. No. 7,123,456`, `European Patent Application No. 20123456.7`. */
  private designated(start: number, pos: number, office: OfficeCode): number {
    const text = this.text;
    if (!this.offices.has(office)) return -1;
    const at = isInlineSpace(text.charCodeAt(pos)) ? pos + 1 : pos;
    const label = readLabel(text, at, true);
    if (!label.saysWhat) {
      // `U.S. 7,123,456 B2`: the dotted code alone, as some citations write it.
      if (office !== 'US' || text.charCodeAt(pos - 1) !== DOT || label.end !== at || at === pos) return -1;
      const r = OFFICE_RULES.US.parse(text, at, ANY);
      return r ? this.emit(start, r, office) : -1;
    }
    const ctx = label.context;
    const r = afterLabel(text, label.end, office, ctx);
    if (!r) return this.flag ? this.impossible(start, label.end, office, ctx) : -1;
    const end = this.emit(start, r, office);
    return label.plural && end >= 0 ? this.listTail(start, end, office, ctx) : end;
  }

  /**
   * `U.S. Pat. Nos. 7,123,456, 8,234,567 and 9,345,678`: each further number is its own match.
   * The list goes on across at most one line break from its label, as any one number does.
   */
  private listTail(start: number, end: number, office: OfficeCode, ctx: NumberContext): number {
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
      if (!r || lineBreaks(text, start, r.end) > 1) return end;
      const next = this.emit(i, r, office);
      if (next < 0) return end;
      end = next;
    }
  }

  /** `Appl. No. 14/706,838`, `Serial No. 14/706,838`: a US application even without `U.S.`, by its unmistakable form. */
  private labelledUsApplication(p: number): number {
    if (!this.offices.has('US')) return -1;
    const label = readLabel(this.text, p);
    if (label.context.intent !== 'application' || label.context.variant) return -1;
    const r = OFFICE_RULES.US.parse(this.text, label.end, label.context);
    return r ? this.emit(p, r, 'US') : -1;
  }

  /** Anchors in Japanese, Chinese or Korean script. */
  private cjk(p: number, a: string): number {
    const country = JAPANESE_COUNTRY.get(a);
    if (country) return this.foreignInJapanese(p, a.length, country);
    const doc = JAPANESE_DOCS.get(a);
    if (doc) return this.offices.has('JP') ? this.japanese(p, a.length, doc) : -1;
    const chinese = CHINESE_LABELS.get(a);
    if (chinese) return this.chinese(p + a.length, chinese[0], chinese[1], a);
    return this.korean(p);
  }

  /** `特開2020-123456`, `特開平8-179521号`, `特表2019-512345`, `特願2018-234567`, `特許第6123456号`, `特公平3-41234号`, `実用新案登録第3234567号`. */
  private japanese(p: number, length: number, doc: JpDocument): number {
    const text = this.text;
    let i = p + length;
    if (text[i] === '第') i++;
    const r = japaneseNumber(text, i, doc, ANY);
    if (!r) return -1;
    return this.emit(p, text[r.end] === '号' ? { ...r, end: r.end + 1 } : r, 'JP');
  }

  /** After `申请号：`, `公开号：`, `公告號：`: the number, its office code written again or not. The label is not part of the match. */
  private chinese(pos: number, office: OfficeCode, intent: 'application' | 'publication', label: string): number {
    if (!this.offices.has(office)) return -1;
    const text = this.text;
    let i = pos;
    for (let n = 0; n < 3 && (text.charCodeAt(i) === 0x3a || isInlineSpace(text.charCodeAt(i))); n++) i++;
    if (text[i] === '第') i++;
    // Before 2004 a Taiwanese certificate (`發明第123456號`, `證書號：123456`) had a number of its own, not
    // the publication's (TW 595092 B); since, both are `I623456`, `M512345`, `D123456`.
    if (TW_CERTIFICATE_LABELS.has(label) && !/^[IMD]/.test(text.slice(i, i + 1))) return -1;
    if (/^(CN|ZL|TW)/.test(text.slice(i, i + 2))) return -1; // their own anchors read them
    const r = OFFICE_RULES[office].parse(text, i, numberContext({ intent, labelled: true }));
    if (!r) return -1;
    return this.emit(i, text[r.end] === '號' || text[r.end] === '号' ? { ...r, end: r.end + 1 } : r, office);
  }

  /**
   * Foreign art as Japanese documents cite it: `米国特許第7123456号明細書`, `米国特許出願公開第2005/0262868号`,
   * `欧州特許第1234567号`, `韓国公開特許第10-2016-0012345号公報`, `国際公開第2020/123456号`, and `中国专利…` in
   * Chinese. Such a label is never read as a Japanese number (its `特許第` is not Japan's).
   */
  private foreignInJapanese(p: number, length: number, office: OfficeCode): number {
    const text = this.text;
    let i = p + length;
    const limit = Math.min(text.length, i + 12);
    while (i < limit && text.charCodeAt(i) >= 0x3000 && text[i] !== '第') i++;
    const label = text.slice(p + length, i);
    const patentWord = office === 'WO' || /特許|专利|実用新案/.test(label);
    if (isInlineSpace(text.charCodeAt(i))) i++; // `中国专利申请号 201810358967.5`
    if (text[i] === '第') i++;
    if (!patentWord) return -1;
    if (!this.offices.has(office)) return i;
    const application = label.includes('出願') && !label.includes('公開');
    const ctx = numberContext({ intent: application ? 'application' : label.includes('公開') ? 'publication' : 'any', labelled: true });
    const r = afterLabel(text, i, office, ctx);
    if (!r) return i;
    return this.emit(p, text[r.end] === '号' ? { ...r, end: r.end + 1 } : r, office);
  }

  /**
   * Korean notices: `공개특허공보 제10-2016-0012345호`, `등록특허공보 제10-1987654호`, and foreign
   * art as they cite it, `미국특허공보 제7234567호`, `일본 공개특허공보 특개2006-234567호`.
   */
  private korean(p: number): number {
    const text = this.text;
    let i = p;
    const limit = Math.min(text.length, p + 40);
    while (i < limit && (isHangul(text.charCodeAt(i)) || isInlineSpace(text.charCodeAt(i)))) i++;
    let label = text.slice(p, i);
    while (label.endsWith(' ')) label = label.slice(0, -1);
    let office: OfficeCode = 'KR';
    for (const [name, o] of KOREAN_COUNTRIES) {
      if (label.startsWith(name)) {
        office = o;
        break;
      }
    }
    if (!this.offices.has(office) || !/특허|실용|공보|공개|등록|출원|특개|특표|특공|실개|실공|특원/.test(label)) return i;
    const application = label.includes('출원') || label.includes('특원');
    const ctx = numberContext({ intent: application ? 'application' : 'publication', labelled: true });
    let r: ParsedNumber | null;
    if (office === 'JP') {
      const doc: JpDocument | undefined = label.includes('특개') || label.includes('특표')
        ? 'kokai'
        : label.includes('특공')
          ? 'kokoku'
          : label.includes('실개')
            ? 'um-kokai'
            : label.includes('실공')
              ? 'um-kokoku'
              : application
                ? 'application'
                : label.includes('실용')
                  ? 'um-registration'
                  : undefined;
      const era = { 평: 'H', 소: 'S', 령: 'R' }[label.slice(-1)];
      // `일본 특허공보 제63-12345호`: a gazette that does not say laid open (공개) is as often the examined one.
      const jpCtx = doc === undefined && !label.includes('공개') ? numberContext({ intent: ctx.intent, labelled: true, examinedOrNot: true }) : ctx;
      r = era ? eraForm(text, era, i, jpCtx, doc) : japaneseNumber(text, i, doc, jpCtx);
    } else {
      r = afterLabel(text, i, office, ctx);
    }
    if (!r) return i;
    return this.emit(p, text[r.end] === '호' ? { ...r, end: r.end + 1 } : r, office);
  }

  /**
   * A number that reads as `office`'s but that it cannot have issued, flagged with why;
   * -1 when nothing there even reads as one (or it is an amount, a count or an order code).
   */
  private impossible(start: number, q: number, office: OfficeCode, ctx: NumberContext): number {
    const text = this.text;
    if (CURRENCIES.has(text.slice(start, start + 3)) && !isDigit(text.charCodeAt(start + 2))) return -1;
    const rules = OFFICE_RULES[office];
    // The strict reading with one check off. Right but for a bound or a check digit: flagged with
    // why. Right but for the kind or label its series needs to tell it from another document
    // (`FR 2123456`: a publication of 1972 or an application of 2021): ambiguous, not impossible,
    // so not flagged as a number no office issued.
    for (const [check, reason] of [['bounds', 'range'], ['checkDigits', 'checkDigit'], ['kinds', null]] as const) {
      relaxed[check] = true;
      let r: ParsedNumber | null;
      try {
        r = afterCode(text, q, rules, ctx);
      } finally {
        relaxed[check] = false;
      }
      if (r) return reason ? this.emit(start, r, office, { reason, message: problemMessage(office, reason, r.number) }) : -1;
    }
    const read = looseNumber(text, q);
    if (!read) return -1;
    const written = `${office}${read.digits}${read.kind ?? ''}`;
    if (read.kind !== null) {
      // The digits alone are a number of the office: its kind is what is wrong.
      const bare = afterCode(text.slice(0, read.digitsEnd), q, rules, ctx);
      if (bare && bare.end === read.digitsEnd) {
        return this.emit(start, { end: read.end, number: `${bare.number}${read.kind}`, type: bare.type, kind: read.kind }, office, {
          reason: 'kind',
          message: `${office} does not use kind ${read.kind} for a number written like this.`,
        });
      }
    }
    return this.emit(start, { end: read.end, number: written, type: 'publication', kind: read.kind }, office, {
      reason: 'digits',
      message: `${read.digits.length} digits fit no ${office} number series.`,
    });
  }
}

function problemMessage(office: OfficeCode, reason: 'range' | 'checkDigit', number: string): string {
  return reason === 'range' ? `${number} is past the highest number ${office} has issued in that series.` : `The check digit of ${number} is wrong.`;
}

/** Digits and a kind after an office code, leniently: a plain run or groups, at least five digits, then a boundary. */
function looseNumber(text: string, pos: number): { digits: string; digitsEnd: number; kind: string | null; end: number } | null {
  const at = isInlineSpace(text.charCodeAt(pos)) ? pos + 1 : pos;
  if (!isDigit(text.charCodeAt(at))) return null;
  const read = text.charCodeAt(digitEnd(text, at)) === COMMA ? readGroupedDigits(text, at, 16) : readSpacedDigits(text, at, 16);
  if (!read || read.digits.length < 5) return null;
  const end = read.end;
  const c = text.charCodeAt(end);
  if ((c === COMMA || c === DOT || c === SLASH || c === HYPHEN) && isDigit(text.charCodeAt(end + 1))) return null;
  let k = end;
  if (isInlineSpace(c) && isUpper(text.charCodeAt(end + 1))) k++;
  if (isUpper(text.charCodeAt(k))) {
    const kEnd = isDigit(text.charCodeAt(k + 1)) ? k + 2 : k + 1;
    if (!isWordChar(text.charCodeAt(kEnd)) && !(text.charCodeAt(kEnd) === DOT && isLetter(text.charCodeAt(kEnd + 1)))) {
      return { digits: read.digits, digitsEnd: end, kind: text.slice(k, kEnd), end: kEnd };
    }
  }
  if (k === end && isWordChar(c)) return null;
  // Bare digits: only as a citation would write them, not as a count (`US 6,120,000 units` is not flagged either).
  if (isInlineSpace(c) && /^[a-z]/.test(text.slice(end + 1, end + 2))) return null;
  return { digits: read.digits, digitsEnd: end, kind: null, end };
}

function digitEnd(text: string, pos: number): number {
  let i = pos;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** A Japanese number after its document prefix. */
function japaneseNumber(text: string, i: number, doc: JpDocument | undefined, ctx: NumberContext): ParsedNumber | null {
  const kanji = text[i] ?? '';
  const era = kanji === '昭' ? 'S' : kanji === '平' ? 'H' : kanji === '令' ? 'R' : undefined;
  const context: NumberContext = doc === 'application' ? { ...ctx, intent: 'application' } : ctx;
  if (era) {
    let at = i + 1;
    if (text[at] === '和' || text[at] === '成') at++; // 昭和, 平成, 令和
    return eraForm(text, era, at, context, doc);
  }
  const r = parseJp(text, i, context, doc);
  // 特許第 and registered utility models: seven-digit numbers only.
  if (r && (doc === 'grant' || doc === 'um-registration') && !/^JP\d{7}[A-Z]?\d?$/.test(r.number)) return null;
  return r;
}

/**
 * Words that name what follows as a part, a lot or a serial of a product, not a document
 * (`Lot No. DE1234567`), by length and first letter: most words are ruled out without reading them.
 */
const IDENTIFIER_WORDS: ReadonlyArray<readonly string[] | undefined> = (() => {
  const out: string[][] = [];
  for (const w of ['lot', 'batch', 'serial', 'sn', 'part', 'sku', 'order', 'catalogue', 'catalog', 'tracking', 'invoice', 'ticket']) (out[w.length] ??= []).push(w);
  return out;
})();
const NUMBER_WORDS: ReadonlyArray<readonly string[] | undefined> = [undefined, undefined, ['no', 'nr'], undefined, undefined, undefined, ['number']];

/** The start of the word ending at `end` (a full stop after it allowed) when it is one of `words` (by length), in any case; else -1. */
function wordBefore(text: string, end: number, words: ReadonlyArray<readonly string[] | undefined>): number {
  if (text.charCodeAt(end - 1) === DOT) end--;
  let j = end;
  while (j > 0 && end - j < 10 && isLetter(text.charCodeAt(j - 1))) j--;
  const candidates = words[end - j];
  if (candidates === undefined || (j > 0 && isWordChar(text.charCodeAt(j - 1)))) return -1;
  const first = text.charCodeAt(j) | 0x20;
  for (const w of candidates) if (w.charCodeAt(0) === first && lowerEquals(text, j, w)) return j;
  return -1;
}

function lowerEquals(text: string, at: number, word: string): boolean {
  for (let k = 1; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether the code at `p` continues an identifier (`SN-US1234567`; not `PCT-WO97/29690` as exports
 * write it, nor `Ker-US 7,123,456`), or follows one of IDENTIFIER_WORDS with `No.`, `number`, `#` or a
 * colon between (`Lot No. DE1234567`, `Serial number CA2345678`, `Catalogue: EP 1234567`). Most
 * numbers have none of these marks before them and are let through on one or two characters.
 */
function identifierBefore(text: string, p: number): boolean {
  if (p >= 2 && text.charCodeAt(p - 1) === HYPHEN && isWordChar(text.charCodeAt(p - 2))) {
    return isDigit(text.charCodeAt(p + 2)) && !(p >= 4 && text.startsWith('PCT', p - 4));
  }
  let end = p;
  let marked = false;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c === 0x3a /* : */ || c === 0x23 /* # */) marked = true;
    else if (!isInlineSpace(c)) break;
    end--;
  }
  if (end === p) return false;
  // `S/N US1234567`, `S/N: CN1234567`: a serial number.
  if (end >= 3 && (text.charCodeAt(end - 1) | 0x20) === 0x6e && text.charCodeAt(end - 2) === SLASH && (text.charCodeAt(end - 3) | 0x20) === 0x73 && !(end >= 4 && isWordChar(text.charCodeAt(end - 4)))) return true;
  const c = text.charCodeAt(end - 1);
  if (c === DOT || (c | 0x20) === 0x72 /* r: number, Nr */) {
    const no = wordBefore(text, end, NUMBER_WORDS);
    if (no >= 0) {
      let i = no;
      while (i > 0 && isInlineSpace(text.charCodeAt(i - 1))) i--;
      return wordBefore(text, i, IDENTIFIER_WORDS) >= 0;
    }
  }
  return marked && wordBefore(text, end, IDENTIFIER_WORDS) >= 0;
}

/**
 * A URL's percent-escape of a separator right before `p` (`q=pn%3DEP1234567A1`, `%20`, `%2F`):
 * the code starts a word as it does after the `=` or space it stands for. An escaped letter or
 * digit (`%41`) glues as the character would.
 */
function afterEscape(text: string, p: number): boolean {
  if (p < 3 || text.charCodeAt(p - 3) !== 0x25 /* % */) return false;
  const code = Number.parseInt(text.slice(p - 2, p), 16);
  return /^[0-9A-Fa-f]{2}$/.test(text.slice(p - 2, p)) && code < 0x80 && !isWordChar(code);
}

/**
 * Espacenet's bibliographic links give the office and the number as parameters of their own
 * (`?CC=EP&NR=1234567A1&KC=A1&FT=D`), the kind with the number or in `KC` (`NR=2016144528&KC=A1`):
 * at `q`, just past the office code of `CC=`, the number after `&NR=`, its kind taken from `KC`
 * where it has none. Null for anything else.
 */
function espacenetParameters(text: string, p: number, q: number, rules: OfficeRules, ctx: NumberContext): ParsedNumber | null {
  if (p < 3 || !text.startsWith('CC=', p - 3) || !text.startsWith('&NR=', q)) return null;
  const r = rules.parse(text, q + 4, ctx);
  if (!r || r.kind !== null || !text.startsWith('&KC=', r.end)) return r;
  let k = r.end + 4;
  while (k < r.end + 6 && (isUpper(text.charCodeAt(k)) || (k > r.end + 4 && isDigit(text.charCodeAt(k))))) k++;
  if (k === r.end + 4 || isWordChar(text.charCodeAt(k))) return r;
  const kind = text.slice(r.end + 4, k);
  const cited = rules.parse(text, q + 4, { ...ctx, citedKind: kind });
  return cited?.kind === kind ? { ...cited, end: k } : r;
}

const PG_PUB = /^[ -]?PG[ -]?PUB\.?(?: NO\.?)? ?(?=\d)/i;

/** `1000000.A1` after `EP.`: the number with the kind that follows its dot, or null. */
function docdbDotted(text: string, pos: number, rules: OfficeRules, ctx: NumberContext): ParsedNumber | null {
  let e = pos;
  while (isDigit(text.charCodeAt(e))) e++;
  if (text.charCodeAt(e) !== DOT || !isUpper(text.charCodeAt(e + 1))) return null;
  const kEnd = isDigit(text.charCodeAt(e + 2)) ? e + 3 : e + 2;
  if (isWordChar(text.charCodeAt(kEnd)) || (text.charCodeAt(kEnd) === DOT && isWordChar(text.charCodeAt(kEnd + 1)))) return null;
  const kind = text.slice(e + 1, kEnd);
  const r = rules.parse(text, pos, { ...ctx, citedKind: kind });
  return r && r.end === e && r.kind === kind ? { ...r, end: kEnd } : null;
}

/** Past `PN`, `P` or `PAP` after `US` when a number follows (`USPN 7,123,456`); `USPP12,345` is a plant patent. */
function afterUsAbbreviation(text: string, q: number): number {
  // Examiners' `US PGPub 2019/0123456`, `US-PG-Pub. No. 2019/0123456`, `USPGPUB 2019/0123456`.
  const c = text.charCodeAt(q);
  if ((c === 0x50 || c === 0x20 || c === HYPHEN) && (text.charCodeAt(c === 0x50 ? q + 1 : q + 2) | 0x20) === 0x67 /* g */) {
    const pg = PG_PUB.exec(text.slice(q, q + 20));
    if (pg) return q + pg[0].length;
  }
  if (c !== 0x50 /* P */ || text.charCodeAt(q + 1) === 0x50) return q;
  let at = text.startsWith('PAP', q) ? q + 3 : text.startsWith('PN', q) ? q + 2 : q + 1;
  if (text.charCodeAt(at) === DOT) at++;
  const n = isInlineSpace(text.charCodeAt(at)) ? at + 1 : at;
  return isDigit(text.charCodeAt(n)) ? at : q;
}

/**
 * `2005-123456,A` or `11-123456,A` after `JP,`: the number, a comma and the kind, which must be
 * there (`JP,3518240` in a CSV row is a country and an amount).
 */
function jpCommaForm(text: string, pos: number, ctx: NumberContext): ParsedNumber | null {
  const r = OFFICE_RULES.JP.parse(text, pos, ctx);
  if (!r || r.kind !== null || text.charCodeAt(r.end) !== COMMA || !isUpper(text.charCodeAt(r.end + 1))) return null;
  const k = isDigit(text.charCodeAt(r.end + 2)) ? 2 : 1;
  if (isWordChar(text.charCodeAt(r.end + 1 + k))) return null;
  // Read again with the kind as if cited before the number, which the readers take.
  const kind = text.slice(r.end + 1, r.end + 1 + k);
  const cited = OFFICE_RULES.JP.parse(text, pos, { ...ctx, citedKind: kind });
  return cited?.kind === kind ? { ...cited, end: r.end + 1 + k } : null;
}

/** German document types cited by their abbreviations (`DE-OS 2 123 456`, `DE-PS`, `DE-AS`, `DE-GM`), as kinds. */
const GERMAN_TYPES: Readonly<Record<string, string>> = { OS: 'A1', PS: 'C', AS: 'B', GM: 'U1' };

/** The number right after an office code: glued, after one space or hyphen, or EPO citation style `EP-A-…`. */
function afterCode(text: string, q: number, rules: OfficeRules, ctx: NumberContext): ParsedNumber | null {
  const c = text.charCodeAt(q);
  if (rules.code === 'DE' && c === HYPHEN) {
    const kind = GERMAN_TYPES[text.slice(q + 1, q + 3)];
    const s = text.charCodeAt(q + 3);
    if (kind && (s === HYPHEN || isInlineSpace(s))) {
      const r = rules.parse(text, q + 4, { ...ctx, citedKind: kind });
      if (r) return r;
    }
  }
  if (c === HYPHEN && isUpper(text.charCodeAt(q + 1))) {
    let r = q + 2;
    if (isDigit(text.charCodeAt(r))) r++;
    const s = text.charCodeAt(r);
    if (s === HYPHEN || isInlineSpace(s)) {
      const cited = { ...ctx, citedKind: text.slice(q + 1, r) };
      // `JP-A-2005-123456`, and `JP-A No. 2006-234567` with a label between.
      const read = rules.parse(text, r + 1, cited) ?? rules.parse(text, readLabel(text, r + 1).end, cited);
      if (read) return read;
    }
  }
  if (c === HYPHEN) {
    // `US-5912345` is an order or stock code; `US-2021-0123456-A1` and `US-5912345-A` are numbers.
    let e = q + 1;
    while (isDigit(text.charCodeAt(e))) e++;
    const after = text.charCodeAt(e);
    // `US-4471209-BLK` is a stock code too: after a hyphen only a kind may follow (`US-5912345-A`).
    const plain = e > q + 1 && after !== SLASH && !(after === HYPHEN && isDigit(text.charCodeAt(e + 1)));
    return rules.parse(text, q + 1, plain ? { ...ctx, requireKind: true } : ctx);
  }
  return rules.parse(text, isInlineSpace(c) ? q + 1 : q, ctx);
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
