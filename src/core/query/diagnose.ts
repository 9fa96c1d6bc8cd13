/**
 * What is wrong with a query before anything is sent (and billed): unbalanced parentheses,
 * brackets or quotes, unknown fields, ranges written wrongly, the length limit, operators
 * without terms, positional operators where the endpoint refuses them, and characters that
 * look right but are not (full-width parentheses, typographic quotes). Each diagnostic has
 * a range and a message a searcher can act on, and a fix where one is certain.
 *
 * Linear in the query's length (one tokenizer pass, one balance pass, one recursive-descent
 * pass whose depth is bounded), so a notebook can run it on every keystroke.
 */
import { EXPORT_QUERY_MAX, SEARCH_QUERY_MAX, isYmd } from '../api/validation';
import { listOf } from '../text/punctuation';
import { FIELDS, OPERATOR_BY_NAME, PROSE_KINDS, RANGE_KINDS, lookupField, type QueryField } from './fields';
import { tokenize, type Token } from './tokenize';
import { ENGLISH, type Translator } from '../text/translator';

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'empty'
  | 'tooLong'
  | 'unclosedParen'
  | 'unmatchedParen'
  | 'unclosedBracket'
  | 'unmatchedBracket'
  | 'unclosedQuote'
  | 'tooDeep'
  | 'unknownField'
  | 'missingValue'
  | 'missingOperand'
  | 'emptyGroup'
  | 'range'
  | 'badValue'
  | 'unknownOperator'
  | 'positional'
  | 'positionalNotAllowed'
  | 'wildcard'
  | 'strayColon'
  | 'typography'
  | 'backend';

export interface QueryFix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** For a code action: "Replace with AUTHORITY:", in the translator's language. */
  readonly title: string;
}

export interface QueryDiagnostic {
  /** UTF-16 offsets into the query; `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fix?: QueryFix;
}

/** Which call will carry the query: P002 search, P001 count, P003 facets, P055 export. */
export type QueryEndpoint = 'search' | 'count' | 'facets' | 'export';
export type QueryBackend = 'patsnap' | 'sandbox';

export interface DiagnoseOptions {
  /** The calls the query goes to (a notebook cell: count, search and facets); default search. */
  readonly endpoints?: readonly QueryEndpoint[];
  /** `sandbox` adds warnings for what the local sandbox does not evaluate. Default patsnap. */
  readonly backend?: QueryBackend;
  /** Characters the caller adds before sending (a cell's date range), counted against the limit. */
  readonly reservedLength?: number;
  /** The messages' and fixes' language: `vscode.l10n` in the extension; default English. */
  readonly l10n?: Translator;
  /** The locale numbers are written in (VS Code's display language); default en-US, as English. */
  readonly locale?: string;
}

/** What every check writes its messages with. */
interface Words {
  readonly l10n: Translator;
  /** A count in the display language's digits and grouping: 1,500. */
  readonly n: (x: number) => string;
}

/** Length limits in characters; P003 documents none. */
export const QUERY_LENGTH_LIMITS: Readonly<Record<QueryEndpoint, number | undefined>> = {
  search: SEARCH_QUERY_MAX,
  count: SEARCH_QUERY_MAX,
  facets: undefined,
  export: EXPORT_QUERY_MAX,
};

function endpointName(endpoint: QueryEndpoint, l10n: Translator): string {
  switch (endpoint) {
    case 'search':
      return l10n.t('search (P002)');
    case 'count':
      return l10n.t('hit count (P001)');
    case 'facets':
      return l10n.t('facets (P003)');
    case 'export':
      return l10n.t('export (P055)');
  }
}

/** Deeper nesting is refused rather than risk the stack; real queries use a few levels. */
export const MAX_NESTING = 64;
/** Unknown fields that get a "did you mean": each costs a scan of the field table. */
const MAX_SUGGESTIONS = 10;

export function isSendable(diagnostics: readonly QueryDiagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error');
}

export function diagnose(text: string, options: DiagnoseOptions = {}): QueryDiagnostic[] {
  const out: QueryDiagnostic[] = [];
  const endpoints = options.endpoints && options.endpoints.length > 0 ? options.endpoints : (['search'] as const);
  const l10n = options.l10n ?? ENGLISH;
  const locale = options.locale ?? 'en-US';
  const words: Words = { l10n, n: (x) => x.toLocaleString(locale) };
  if (text.trim() === '') {
    out.push({ start: 0, end: text.length, severity: 'error', code: 'empty', message: l10n.t('The query is empty: type what to search for, e.g. {0}.', 'TTL:battery') });
    return out;
  }
  checkLength(text, endpoints, options.reservedLength ?? 0, words, out);
  const tokens = tokenize(text);
  const depthOk = checkBalance(tokens, words, out);
  checkTokens(tokens, endpoints, options.backend ?? 'patsnap', words, out);
  if (depthOk) new StructureChecker(tokens, words, out).run();
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---- length ------------------------------------------------------------------------

function checkLength(text: string, endpoints: readonly QueryEndpoint[], reserved: number, { l10n, n }: Words, out: QueryDiagnostic[]): void {
  let limit: number | undefined;
  let endpoint: QueryEndpoint | undefined;
  for (const e of endpoints) {
    const l = QUERY_LENGTH_LIMITS[e];
    if (l !== undefined && (limit === undefined || l < limit)) {
      limit = l;
      endpoint = e;
    }
  }
  if (limit === undefined || endpoint === undefined) return;
  const length = text.length + reserved;
  if (length <= limit) return;
  const name = endpointName(endpoint, l10n);
  out.push({
    start: Math.max(0, limit - reserved),
    end: text.length,
    severity: 'error',
    code: 'tooLong',
    message:
      reserved > 0
        ? l10n.t('The query is {0} characters long with the cell\u2019s date range ({1} characters); PatSnap\u2019s {2} takes at most {3}. Shorten it by {4}.', n(length), n(reserved), name, n(limit), n(length - limit))
        : l10n.t('The query is {0} characters long; PatSnap\u2019s {1} takes at most {2}. Shorten it by {3}.', n(length), name, n(limit), n(length - limit)),
  });
}

// ---- parentheses and brackets ------------------------------------------------------

/** Reports every unmatched bracket; false when nesting is too deep to check the structure. */
function checkBalance(tokens: readonly Token[], words: Words, out: QueryDiagnostic[]): boolean {
  const { l10n } = words;
  const open: Token[] = [];
  let tooDeep = false;
  for (const t of tokens) {
    if (t.kind === 'lparen' || t.kind === 'lbracket') {
      open.push(t);
      if (open.length > MAX_NESTING && !tooDeep) {
        tooDeep = true;
        out.push({ start: t.start, end: t.end, severity: 'error', code: 'tooDeep', message: l10n.t('Parentheses nest more than {0} levels deep here; split the query or remove levels.', words.n(MAX_NESTING)) });
      }
    } else if (t.kind === 'rparen' || t.kind === 'rbracket') {
      const want = t.kind === 'rparen' ? 'lparen' : 'lbracket';
      const top = open[open.length - 1];
      if (top?.kind === want) {
        open.pop();
      } else if (top && open.some((o) => o.kind === want)) {
        // `( [ )`: the bracket in between is the one left open.
        while (open.length > 0 && (open[open.length - 1] as Token).kind !== want) unclosed(open.pop() as Token, l10n, out);
        open.pop();
      } else {
        out.push(
          t.kind === 'rparen'
            ? { start: t.start, end: t.end, severity: 'error', code: 'unmatchedParen', message: l10n.t('This ) closes nothing: remove it, or add the ( it belongs to.'), fix: { start: t.start, end: t.end, text: '', title: l10n.t('Remove this )') } }
            : { start: t.start, end: t.end, severity: 'error', code: 'unmatchedBracket', message: l10n.t('This ] closes no range: remove it, or open the range with [ as in {0}.', 'PBD:[20200101 TO 20201231]'), fix: { start: t.start, end: t.end, text: '', title: l10n.t('Remove this ]') } },
        );
      }
    }
  }
  for (const t of open) unclosed(t, l10n, out);
  return !tooDeep;
}

function unclosed(t: Token, l10n: Translator, out: QueryDiagnostic[]): void {
  out.push(
    t.kind === 'lparen'
      ? { start: t.start, end: t.end, severity: 'error', code: 'unclosedParen', message: l10n.t('This ( is never closed: add a ) where the group ends.') }
      : { start: t.start, end: t.end, severity: 'error', code: 'unclosedBracket', message: l10n.t('This [ is never closed: a range reads {0}.', '[20200101 TO 20201231]') },
  );
}

// ---- one token at a time -----------------------------------------------------------

const POSITIONAL_NAMES = ['$W', '$PRE', '$WS', '$SEN', '$PARA', '$FREQ'];
const SANDBOX_FIELDS = [...FIELDS.values()].filter((f) => f.sandbox).map((f) => f.code);

function checkTokens(tokens: readonly Token[], endpoints: readonly QueryEndpoint[], backend: QueryBackend, { l10n }: Words, out: QueryDiagnostic[]): void {
  const facets = endpoints.includes('facets');
  let suggestions = 0;
  for (const t of tokens) {
    switch (t.kind) {
      case 'field': {
        const code = t.value as string;
        const field = lookupField(code);
        const codeEnd = t.end - 1;
        if (t.nonAscii) {
          out.push({ start: codeEnd, end: t.end, severity: 'warning', code: 'typography', message: l10n.t('Write a plain colon after {0}: PatSnap reads "{1}" not the full-width "{2}".', code, ':', '\uff1a'), fix: { start: codeEnd, end: t.end, text: ':', title: l10n.t('Use a plain colon') } });
        }
        if (!field) {
          const near = suggestions++ < MAX_SUGGESTIONS ? closestField(code) : undefined;
          out.push({
            start: t.start,
            end: codeEnd,
            severity: 'error',
            code: 'unknownField',
            message: near
              ? l10n.t('Unknown field {0}. Did you mean {1} ({2})?', code, near.code, (lookupField(near.code, l10n) ?? near).name.toLowerCase())
              : l10n.t('Unknown field {0}: PatSnap has no such field. Fields are codes such as {1}; to search the text "{2}" put it in quotes.', code, listOf(l10n, ['TTL', 'ABST', 'CLMS', 'TACD', 'AN', 'PBD', 'IPC']), `${code}:`),
            ...(near ? { fix: { start: t.start, end: codeEnd, text: near.code, title: l10n.t('Replace with {0}', near.code) } } : {}),
          });
        } else if (backend === 'sandbox' && !field.sandbox) {
          out.push({ start: t.start, end: codeEnd, severity: 'warning', code: 'backend', message: l10n.t('The local sandbox does not search {0}; PatSnap does. The sandbox knows {1}.', field.code, listOf(l10n, SANDBOX_FIELDS)) });
        } else if (backend === 'patsnap' && !field.patsnap) {
          out.push({ start: t.start, end: codeEnd, severity: 'warning', code: 'backend', message: l10n.t('{0} is the local sandbox\u2019s field; on PatSnap write {1}.', field.code, 'AUTHORITY'), fix: { start: t.start, end: codeEnd, text: 'AUTHORITY', title: l10n.t('Replace with {0}', 'AUTHORITY') } });
        }
        break;
      }
      case 'positional':
      case 'tree': {
        const name = t.value as string;
        const op = OPERATOR_BY_NAME.get(name);
        if (!op) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'unknownOperator', message: l10n.t('Unknown operator {0}: PatSnap\u2019s positional operators are {1}. To search a "$" put the term in quotes.', t.text, listOf(l10n, POSITIONAL_NAMES)) });
          break;
        }
        if (op.takesNumber && t.n === undefined) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: op.kind === 'frequency' ? l10n.t('{0} needs the least number of times: {1} means at least twice.', name, `${name}2`) : l10n.t('{0} needs a number of words: {1} means within 5 words.', name, `${name}5`) });
        } else if (!op.takesNumber && t.n !== undefined) {
          const bare = t.start + 1 + (op.name.length - 1);
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: l10n.t('{0} takes no number: write {0} alone.', name), fix: { start: bare, end: t.end, text: '', title: l10n.t('Write {0}', name) } });
        } else if (op.kind === 'frequency' && t.n === 0) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: l10n.t('{0} asks for a term at least zero times: write {1} or more.', `${name}0`, `${name}1`) });
        }
        if (facets && op.kind !== 'tree') {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positionalNotAllowed', message: l10n.t('PatSnap\u2019s facets (P003) refuse positional operators such as {0}: use AND for the charts, or remove facets from this query.', t.text) });
        }
        if (backend === 'sandbox' && !op.sandbox) {
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'backend', message: l10n.t('The local sandbox does not evaluate {0}; it searches "{1}" as a word. PatSnap reads it as an operator.', name, t.text) });
        }
        break;
      }
      case 'lparen':
      case 'rparen':
        if (t.nonAscii) {
          const plain = t.kind === 'lparen' ? '(' : ')';
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'typography', message: l10n.t('Write a plain parenthesis {0}: PatSnap groups only with ( and ), not the full-width {1}.', plain, t.text), fix: { start: t.start, end: t.end, text: plain, title: l10n.t('Use {0}', plain) } });
        }
        break;
      case 'phrase':
        if (t.closed && !/[\p{L}\p{N}]/u.test(t.text.slice(1, -1))) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'badValue', message: l10n.t('This phrase has no letters or digits to search for: write words between the quotes, or remove them.') });
        }
        if (!t.closed) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'unclosedQuote', message: l10n.t('This quote is never closed: add {0} where the phrase ends.', '"') });
        } else if (t.nonAscii) {
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'typography', message: l10n.t('Write the phrase in straight quotes {0}: PatSnap does not read typographic quotes {1} as a phrase.', '"\u2026"', '\u201c\u2026\u201d'), fix: { start: t.start, end: t.end, text: `"${t.text.slice(1, -1)}"`, title: l10n.t('Use straight quotes') } });
        }
        break;
      default:
        break;
    }
  }
}

/** The known field nearest to a mistyped code (at most two edits away), if any. */
function closestField(code: string): QueryField | undefined {
  if (code.length > 24) return undefined;
  let best: QueryField | undefined;
  let bestDistance = 3;
  for (const f of FIELDS.values()) {
    if (!f.patsnap || Math.abs(f.code.length - code.length) >= bestDistance) continue;
    const d = editDistance(code, f.code, bestDistance);
    if (d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= cap) return cap;
    prev = row;
  }
  return Math.min(prev[b.length] as number, cap);
}

// ---- structure ---------------------------------------------------------------------

type Bound = { kind: 'open' } | { kind: 'value'; low: number; high: number } | { kind: 'bad' };

/** The default field of bare words. */
const DEFAULT_FIELD = FIELDS.get('TACD') as QueryField;

/**
 * Recursive descent over the tokens, in PatSnap's shape: OR of ANDs (implicit AND between
 * terms), NOT, positional operators binding tighter, `$FREQn` after a term, fields before a
 * term, a group or a range. It only reports: bracket balance was checked before, so a
 * missing `)` is taken as the end of the group and a stray one is skipped silently.
 */
class StructureChecker {
  private pos = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly words: Words,
    private readonly out: QueryDiagnostic[],
  ) {}

  private get l10n(): Translator {
    return this.words.l10n;
  }

  run(): void {
    while (this.pos < this.tokens.length) {
      const t = this.peek() as Token;
      if (t.kind === 'rparen' || t.kind === 'rbracket') this.pos++;
      else this.or(DEFAULT_FIELD);
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }

  private report(from: Token, to: Token, severity: Severity, code: DiagnosticCode, message: string, fix?: QueryFix): void {
    this.out.push({ start: from.start, end: to.end, severity, code, message, ...(fix ? { fix } : {}) });
  }

  private isOp(t: Token | undefined, ...names: string[]): boolean {
    return t?.kind === 'operator' && names.includes(t.value as string);
  }

  private startsOperand(t: Token | undefined): boolean {
    if (!t || t.kind === 'rparen' || t.kind === 'rbracket' || this.isOp(t, 'AND', 'OR', 'TO')) return false;
    return t.kind !== 'positional';
  }

  private or(field: QueryField): void {
    this.and(field);
    while (this.isOp(this.peek(), 'OR')) this.binary(() => this.and(field));
  }

  private and(field: QueryField): void {
    this.not(field);
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, 'AND')) this.binary(() => this.not(field));
      else if (this.startsOperand(t)) this.not(field);
      else break;
    }
  }

  /** An infix operator already known to have a term on its left. */
  private binary(right: () => void): void {
    const l10n = this.l10n;
    const op = this.next();
    if (this.startsOperand(this.peek())) right();
    else this.report(op, op, 'error', 'missingOperand', l10n.t('{0} needs a term after it.', op.value as string));
  }

  private not(field: QueryField): void {
    const l10n = this.l10n;
    while (this.isOp(this.peek(), 'NOT')) {
      const op = this.next();
      if (!this.startsOperand(this.peek())) {
        this.report(op, op, 'error', 'missingOperand', l10n.t('{0} needs a term after it: {1} leaves out the patents with "{2}" in the title.', 'NOT', 'NOT TTL:toy', 'toy'));
        return;
      }
    }
    this.positional(field);
  }

  private positional(field: QueryField): void {
    const l10n = this.l10n;
    this.unary(field);
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'positional' || t.value === '$FREQ') break;
      const op = this.next();
      if (!PROSE_KINDS.has(field.kind)) {
        this.report(op, op, 'warning', 'positional', l10n.t('{0} positions words in text; {1} holds {2}, so it has no effect there.', op.value as string, field.code, kindName(field, l10n)));
      }
      if (this.startsOperand(this.peek())) this.unary(field);
      else this.report(op, op, 'error', 'missingOperand', l10n.t('{0} needs a term on each side, as in {1}.', op.text, `book ${op.text} case`));
    }
  }

  private unary(field: QueryField): void {
    this.primary(field);
    while (this.peek()?.kind === 'positional' && this.peek()?.value === '$FREQ') this.next();
  }

  private primary(field: QueryField): void {
    const l10n = this.l10n;
    const t = this.next();
    if (this.operand(t, field, undefined)) return;
    switch (t.kind) {
      case 'field':
        this.fieldValue(t);
        return;
      case 'operator':
        if (t.value === 'TO') this.report(t, t, 'error', 'range', l10n.t('{0} belongs inside a range: {1}.', 'TO', 'PBD:[20200101 TO 20201231]'));
        else this.report(t, t, 'error', 'missingOperand', l10n.t('{0} needs a term before it.', t.value as string));
        if (t.value === 'NOT' && this.startsOperand(this.peek())) this.primary(field);
        return;
      case 'positional':
        this.report(t, t, 'error', 'missingOperand', t.value === '$FREQ' ? l10n.t('{0} follows the term it counts, as in {1}.', t.text, `TTL:("car" ${t.text})`) : l10n.t('{0} needs a term on each side, as in {1}.', t.text, `book ${t.text} case`));
        return;
      default:
        return; // a stray ) or ]: reported by the balance check
    }
  }

  /**
   * A group, term, phrase, range or company tree, already taken from the tokens; false for
   * anything else. `rangeField` is the field a range belongs to (none for a bare range).
   */
  private operand(t: Token, field: QueryField, rangeField: QueryField | undefined): boolean {
    switch (t.kind) {
      case 'lparen':
        this.group(t, field);
        return true;
      case 'lbracket':
        this.range(t, rangeField);
        return true;
      case 'word':
        this.value(t, field);
        return true;
      case 'phrase':
        this.phrase(t, field);
        return true;
      case 'tree':
        this.treeName(t);
        return true;
      default:
        return false;
    }
  }

  private group(open: Token, field: QueryField): void {
    const l10n = this.l10n;
    const first = this.peek();
    if (first?.kind === 'rparen') {
      this.report(open, this.next(), 'error', 'emptyGroup', l10n.t('These parentheses are empty: put terms inside or remove them.'));
      return;
    }
    while (this.pos < this.tokens.length && this.peek()?.kind !== 'rparen') {
      if (this.peek()?.kind === 'rbracket') this.pos++;
      else this.or(field);
    }
    if (this.peek()?.kind === 'rparen') this.pos++;
  }

  private fieldValue(fieldToken: Token): void {
    const l10n = this.l10n;
    const field = lookupField(fieldToken.value as string) ?? DEFAULT_FIELD;
    const v = this.peek();
    const code = fieldToken.value as string;
    if (!v || !this.startsOperand(v) || v.kind === 'field' || this.isOp(v, 'NOT')) {
      this.report(fieldToken, fieldToken, 'error', 'missingValue', l10n.t('{0} needs a value after the colon, as in {1}.', `${code}:`, fieldExample(field)));
      return;
    }
    this.operand(this.next(), field, field);
  }

  /** Dates and counts are not phrases. */
  private phrase(t: Token, field: QueryField): void {
    if (RANGE_KINDS.has(field.kind)) this.bound(t, field, 'single');
  }

  private treeName(tree: Token): void {
    const l10n = this.l10n;
    const name = this.peek();
    if (name?.kind === 'word' || name?.kind === 'phrase') this.next();
    else this.report(tree, tree, 'error', 'missingValue', l10n.t('{0} needs a company name right after it, as in {1}.', 'TREE@', 'ANCS:TREE@"Alphabet Inc"'));
  }

  /** A single value: a search word, or a date, year, month or count where the field wants one. */
  private value(t: Token, field: QueryField): void {
    const l10n = this.l10n;
    if (RANGE_KINDS.has(field.kind)) {
      const bound = this.bound(t, field, 'single');
      if (bound.kind === 'open') this.report(t, t, 'error', 'badValue', l10n.t('* alone matches any {0}: leave the field out, or write a range such as {1}.', field.code, fieldExample(field)));
      return;
    }
    const w = t.text;
    if (/^[*?#]+$/.test(w)) {
      this.report(t, t, 'error', 'wildcard', l10n.t('A wildcard needs letters before it, as in {0}.', 'batter*'));
    } else if (!/[\p{L}\p{N}]/u.test(w)) {
      this.report(t, t, 'warning', 'badValue', l10n.t('"{0}" has no letters or digits to search for: remove it, or put it in a phrase with words.', w));
    } else if (/^[*?#]/.test(w)) {
      this.report(t, t, 'warning', 'wildcard', l10n.t('PatSnap does not take a wildcard at the start of a word: write it after at least one letter, as in {0}.', 'batter*'));
    }
    const colon = w.indexOf(':');
    if (colon >= 0) {
      this.report(t, t, 'error', 'strayColon', l10n.t('A colon follows a field code, as in {0}. To search "{1}" as it is, put it in quotes.', 'TTL:car', w), { start: t.start, end: t.end, text: `"${w}"`, title: l10n.t('Put it in quotes') });
    }
  }

  private range(open: Token, field: QueryField | undefined): void {
    const l10n = this.l10n;
    const parts: Token[] = [];
    while (this.pos < this.tokens.length) {
      const k = (this.peek() as Token).kind;
      if (k === 'rbracket' || k === 'lbracket' || k === 'lparen' || k === 'rparen' || k === 'field') break;
      parts.push(this.next());
    }
    const close = this.peek()?.kind === 'rbracket' ? this.next() : undefined;
    const last = close ?? parts[parts.length - 1] ?? open;
    if (!field) {
      this.report(open, last, 'error', 'range', l10n.t('A range needs a field before it, as in {0}.', 'PBD:[20200101 TO 20201231]'));
      return;
    }
    if (!RANGE_KINDS.has(field.kind)) {
      this.report(open, last, 'error', 'range', l10n.t('{0} holds {1}: ranges work on dates and counts, as in {2}.', field.code, kindName(field, l10n), 'PBD:[20200101 TO 20201231]'));
      return;
    }
    const to = parts.findIndex((p) => this.isOp(p, 'TO'));
    if (to < 0) {
      this.rangeWithoutTo(open, last, parts, field);
      return;
    }
    const from = parts.slice(0, to);
    const until = parts.slice(to + 1);
    const toToken = parts[to] as Token;
    if (from.length !== 1) {
      if (from.length === 0) this.report(open, toToken, 'error', 'range', l10n.t('The range needs a start before TO, or * for no start: {0}.', fieldExample(field)));
      else this.report(from[1] as Token, from[from.length - 1] as Token, 'error', 'range', l10n.t('A range has one value on each side of TO.'));
      return;
    }
    if (until.length !== 1) {
      if (until.length === 0) this.report(toToken, last, 'error', 'range', l10n.t('The range needs an end after TO, or * for no end: {0}.', fieldExample(field)));
      else this.report(until[1] as Token, until[until.length - 1] as Token, 'error', 'range', l10n.t('A range has one value on each side of TO.'));
      return;
    }
    const a = this.bound(from[0] as Token, field, 'from');
    const b = this.bound(until[0] as Token, field, 'to');
    if (a.kind === 'value' && b.kind === 'value' && a.low > b.high) {
      this.report(open, last, 'error', 'range', l10n.t('The range starts after it ends: write the earlier value first.'));
    }
  }

  private rangeWithoutTo(open: Token, last: Token, parts: readonly Token[], field: QueryField): void {
    const l10n = this.l10n;
    const only = parts[0];
    const split = parts.length === 1 && only?.kind === 'word' ? /^(\S+?)\s*(?:-|,|\.\.|~)\s*(\S+)$/.exec(only.text) : null;
    if (split && only) {
      const text = `${split[1]} TO ${split[2]}`;
      this.report(open, last, 'error', 'range', l10n.t('Write a range with TO: {0}.', `[${text}]`), { start: only.start, end: only.end, text, title: l10n.t('Write {0}', text) });
    } else if (parts.length === 2 && parts.every((p) => p.kind === 'word')) {
      const first = parts[0] as Token;
      this.report(open, last, 'error', 'range', l10n.t('Write TO between the two ends: {0}.', `[${first.text} TO ${(parts[1] as Token).text}]`), { start: first.end, end: first.end, text: ' TO', title: l10n.t('Insert {0}', 'TO') });
    } else {
      this.report(open, last, 'error', 'range', l10n.t('A range reads [start TO end], as in {0}.', fieldExample(field)));
    }
  }

  /** Checks one value of a range field; `single` is a value written without brackets. */
  private bound(t: Token, field: QueryField, end: 'from' | 'to' | 'single'): Bound {
    const l10n = this.l10n;
    if (t.kind !== 'word') {
      this.report(t, t, 'error', 'badValue', t.kind === 'phrase' ? l10n.t('{0} takes {1}, not a phrase.', field.code, kindName(field, l10n)) : l10n.t('{0} takes {1}, not "{2}".', field.code, kindName(field, l10n), t.text));
      return { kind: 'bad' };
    }
    const w = t.text;
    if (w === '*') return { kind: 'open' };
    switch (field.kind) {
      case 'date':
        return this.dateBound(t, field, end);
      case 'year':
        if (/^\d{4}$/.test(w)) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', l10n.t('{0} takes a year written yyyy, e.g. {1}.', field.code, '2020'));
        return { kind: 'bad' };
      case 'month': {
        const month = Number(w.slice(4));
        if (/^\d{6}$/.test(w) && month >= 1 && month <= 12) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', l10n.t('{0} takes a month written yyyyMM, e.g. {1}.', field.code, '202003'));
        return { kind: 'bad' };
      }
      default:
        if (/^\d+$/.test(w)) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', l10n.t('{0} takes a whole number, e.g. {1}.', field.code, `${field.code}:[10 TO *]`));
        return { kind: 'bad' };
    }
  }

  private dateBound(t: Token, field: QueryField, end: 'from' | 'to' | 'single'): Bound {
    const l10n = this.l10n;
    const w = t.text;
    if (/^\d{8}$/.test(w)) {
      if (isYmd(w)) return { kind: 'value', low: Number(w), high: Number(w) };
      this.report(t, t, 'error', 'badValue', l10n.t('{0} is not a date: {1} takes yyyyMMdd, e.g. {2}.', w, field.code, '20200131'));
      return { kind: 'bad' };
    }
    const separated = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(w);
    if (separated) {
      const ymd = `${separated[1]}${(separated[2] as string).padStart(2, '0')}${(separated[3] as string).padStart(2, '0')}`;
      const ok = isYmd(ymd);
      this.report(t, t, 'error', 'badValue', ok ? l10n.t('Write the date without separators: {0}.', ymd) : l10n.t('{0} is not a date: {1} takes yyyyMMdd, e.g. {2}.', w, field.code, '20200131'), ok ? { start: t.start, end: t.end, text: ymd, title: l10n.t('Write {0}', ymd) } : undefined);
      return ok ? { kind: 'value', low: Number(ymd), high: Number(ymd) } : { kind: 'bad' };
    }
    const partial = /^(\d{4})(\d{2})?$/.exec(w);
    const month = partial?.[2] === undefined ? undefined : Number(partial[2]);
    if (partial && (month === undefined || (month >= 1 && month <= 12))) {
      const year = partial[1] as string;
      const first = `${year}${partial[2] ?? '01'}01`;
      const lastDay = month === undefined ? 31 : new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
      const last = `${year}${partial[2] ?? '12'}${String(lastDay)}`;
      const text = end === 'single' ? `[${first} TO ${last}]` : end === 'from' ? first : last;
      const fix = { start: t.start, end: t.end, text, title: l10n.t('Write {0}', text) };
      const message =
        end !== 'single'
          ? l10n.t('PatSnap documents dates as yyyyMMdd: write {0}.', text)
          : month === undefined
            ? l10n.t('PatSnap documents dates as yyyyMMdd: for the whole of {0} write {1}.', year, text)
            : l10n.t('PatSnap documents dates as yyyyMMdd: for that month write {0}.', text);
      this.report(t, t, 'warning', 'badValue', message, fix);
      return { kind: 'value', low: Number(first), high: Number(last) };
    }
    this.report(t, t, 'error', 'badValue', l10n.t('"{0}" is not a date: {1} takes yyyyMMdd, e.g. {2}, or a range {3}.', w, field.code, '20200131', '[20200101 TO 20201231]'));
    return { kind: 'bad' };
  }
}

/** What a field holds, as a plural noun in a sentence ("TTL holds text"). */
function kindName(field: QueryField, l10n: Translator): string {
  switch (field.kind) {
    case 'text':
      return l10n.t('text');
    case 'party':
      return l10n.t('names');
    case 'number':
      return l10n.t('document numbers');
    case 'class':
      return l10n.t('classification codes');
    case 'code':
      return l10n.t('codes');
    case 'date':
      return l10n.t('dates (yyyyMMdd)');
    case 'year':
      return l10n.t('years (yyyy)');
    case 'month':
      return l10n.t('months (yyyyMM)');
    case 'count':
      return l10n.t('whole numbers');
  }
}

function fieldExample(field: QueryField): string {
  if (field.example) return field.example;
  switch (field.kind) {
    case 'date':
      return `${field.code}:[20200101 TO 20201231]`;
    case 'year':
      return `${field.code}:[2018 TO 2022]`;
    case 'month':
      return `${field.code}:202003`;
    case 'count':
      return `${field.code}:[10 TO *]`;
    default:
      return `${field.code}:car`;
  }
}
