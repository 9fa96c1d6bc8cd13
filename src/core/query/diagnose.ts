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
import { FIELDS, OPERATOR_BY_NAME, PROSE_KINDS, RANGE_KINDS, lookupField, type QueryField } from './fields';
import { tokenize, type Token } from './tokenize';

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
  /** For a code action: "Replace with AUTHORITY:". */
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
}

/** Length limits in characters; P003 documents none. */
export const QUERY_LENGTH_LIMITS: Readonly<Record<QueryEndpoint, number | undefined>> = {
  search: SEARCH_QUERY_MAX,
  count: SEARCH_QUERY_MAX,
  facets: undefined,
  export: EXPORT_QUERY_MAX,
};

const ENDPOINT_NAMES: Readonly<Record<QueryEndpoint, string>> = {
  search: 'search (P002)',
  count: 'hit count (P001)',
  facets: 'facets (P003)',
  export: 'export',
};

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
  if (text.trim() === '') {
    out.push({ start: 0, end: text.length, severity: 'error', code: 'empty', message: 'The query is empty: type what to search for, e.g. TTL:battery.' });
    return out;
  }
  checkLength(text, endpoints, options.reservedLength ?? 0, out);
  const tokens = tokenize(text);
  const depthOk = checkBalance(tokens, out);
  checkTokens(tokens, endpoints, options.backend ?? 'patsnap', out);
  if (depthOk) new StructureChecker(tokens, out).run();
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---- length ------------------------------------------------------------------------

function checkLength(text: string, endpoints: readonly QueryEndpoint[], reserved: number, out: QueryDiagnostic[]): void {
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
  const withRange = reserved > 0 ? ` with the cell\u2019s date range (${reserved} characters)` : '';
  out.push({
    start: Math.max(0, limit - reserved),
    end: text.length,
    severity: 'error',
    code: 'tooLong',
    message: `The query is ${length.toLocaleString('en-US')} characters long${withRange}; PatSnap\u2019s ${ENDPOINT_NAMES[endpoint]} takes at most ${limit.toLocaleString('en-US')}. Shorten it by ${(length - limit).toLocaleString('en-US')}.`,
  });
}

// ---- parentheses and brackets ------------------------------------------------------

/** Reports every unmatched bracket; false when nesting is too deep to check the structure. */
function checkBalance(tokens: readonly Token[], out: QueryDiagnostic[]): boolean {
  const open: Token[] = [];
  let tooDeep = false;
  for (const t of tokens) {
    if (t.kind === 'lparen' || t.kind === 'lbracket') {
      open.push(t);
      if (open.length > MAX_NESTING && !tooDeep) {
        tooDeep = true;
        out.push({ start: t.start, end: t.end, severity: 'error', code: 'tooDeep', message: `Parentheses nest more than ${MAX_NESTING} levels deep here; split the query or remove levels.` });
      }
    } else if (t.kind === 'rparen' || t.kind === 'rbracket') {
      const want = t.kind === 'rparen' ? 'lparen' : 'lbracket';
      const top = open[open.length - 1];
      if (top?.kind === want) {
        open.pop();
      } else if (top && open.some((o) => o.kind === want)) {
        // `( [ )`: the bracket in between is the one left open.
        while (open.length > 0 && (open[open.length - 1] as Token).kind !== want) unclosed(open.pop() as Token, out);
        open.pop();
      } else {
        out.push(
          t.kind === 'rparen'
            ? { start: t.start, end: t.end, severity: 'error', code: 'unmatchedParen', message: 'This ) closes nothing: remove it, or add the ( it belongs to.', fix: { start: t.start, end: t.end, text: '', title: 'Remove this )' } }
            : { start: t.start, end: t.end, severity: 'error', code: 'unmatchedBracket', message: 'This ] closes no range: remove it, or open the range with [ as in PBD:[20200101 TO 20201231].', fix: { start: t.start, end: t.end, text: '', title: 'Remove this ]' } },
        );
      }
    }
  }
  for (const t of open) unclosed(t, out);
  return !tooDeep;
}

function unclosed(t: Token, out: QueryDiagnostic[]): void {
  out.push(
    t.kind === 'lparen'
      ? { start: t.start, end: t.end, severity: 'error', code: 'unclosedParen', message: 'This ( is never closed: add a ) where the group ends.' }
      : { start: t.start, end: t.end, severity: 'error', code: 'unclosedBracket', message: 'This [ is never closed: a range reads [20200101 TO 20201231].' },
  );
}

// ---- one token at a time -----------------------------------------------------------

const POSITIONAL_NAMES = ['$W', '$PRE', '$WS', '$SEN', '$PARA', '$FREQ'];

function checkTokens(tokens: readonly Token[], endpoints: readonly QueryEndpoint[], backend: QueryBackend, out: QueryDiagnostic[]): void {
  const facets = endpoints.includes('facets');
  let suggestions = 0;
  for (const t of tokens) {
    switch (t.kind) {
      case 'field': {
        const code = t.value as string;
        const field = lookupField(code);
        const codeEnd = t.end - 1;
        if (t.nonAscii) {
          out.push({ start: codeEnd, end: t.end, severity: 'warning', code: 'typography', message: `Write a plain colon after ${code}: PatSnap reads ":" not the full-width "\uff1a".`, fix: { start: codeEnd, end: t.end, text: ':', title: 'Use a plain colon' } });
        }
        if (!field) {
          const near = suggestions++ < MAX_SUGGESTIONS ? closestField(code) : undefined;
          out.push({
            start: t.start,
            end: codeEnd,
            severity: 'error',
            code: 'unknownField',
            message: near
              ? `Unknown field ${code}. Did you mean ${near.code} (${near.name.toLowerCase()})?`
              : `Unknown field ${code}: PatSnap has no such field. Fields are codes such as TTL, ABST, CLMS, TACD, AN, PBD, IPC; to search the text "${code}:" put it in quotes.`,
            ...(near ? { fix: { start: t.start, end: codeEnd, text: near.code, title: `Replace with ${near.code}` } } : {}),
          });
        } else if (backend === 'sandbox' && !field.sandbox) {
          out.push({ start: t.start, end: codeEnd, severity: 'warning', code: 'backend', message: `The local sandbox does not search ${field.code}; PatSnap does. The sandbox knows ${[...FIELDS.values()].filter((f) => f.sandbox).map((f) => f.code).join(', ')}.` });
        } else if (backend === 'patsnap' && !field.patsnap) {
          out.push({ start: t.start, end: codeEnd, severity: 'warning', code: 'backend', message: `${field.code} is the local sandbox\u2019s field; on PatSnap write AUTHORITY.`, fix: { start: t.start, end: codeEnd, text: 'AUTHORITY', title: 'Replace with AUTHORITY' } });
        }
        break;
      }
      case 'positional':
      case 'tree': {
        const name = t.value as string;
        const op = OPERATOR_BY_NAME.get(name);
        if (!op) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'unknownOperator', message: `Unknown operator ${t.text}: PatSnap\u2019s positional operators are ${POSITIONAL_NAMES.join(', ')}. To search a "$" put the term in quotes.` });
          break;
        }
        if (op.takesNumber && t.n === undefined) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: op.kind === 'frequency' ? `${name} needs the least number of times: ${name}2 means at least twice.` : `${name} needs a number of words: ${name}5 means within 5 words.` });
        } else if (!op.takesNumber && t.n !== undefined) {
          const bare = t.start + 1 + (op.name.length - 1);
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: `${name} takes no number: write ${name} alone.`, fix: { start: bare, end: t.end, text: '', title: `Write ${name}` } });
        } else if (op.kind === 'frequency' && t.n === 0) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positional', message: `${name}0 asks for a term at least zero times: write ${name}1 or more.` });
        }
        if (facets && op.kind !== 'tree') {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'positionalNotAllowed', message: `PatSnap\u2019s facets (P003) refuse positional operators such as ${t.text}: use AND for the charts, or remove facets from this query.` });
        }
        if (backend === 'sandbox' && !op.sandbox) {
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'backend', message: `The local sandbox does not evaluate ${name}; it searches "${t.text}" as a word. PatSnap reads it as an operator.` });
        }
        break;
      }
      case 'lparen':
      case 'rparen':
        if (t.nonAscii) {
          const plain = t.kind === 'lparen' ? '(' : ')';
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'typography', message: `Write a plain parenthesis ${plain}: PatSnap groups only with ( and ), not the full-width ${t.text}.`, fix: { start: t.start, end: t.end, text: plain, title: `Use ${plain}` } });
        }
        break;
      case 'phrase':
        if (t.closed && !/[\p{L}\p{N}]/u.test(t.text.slice(1, -1))) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'badValue', message: 'This phrase has no letters or digits to search for: write words between the quotes, or remove them.' });
        }
        if (!t.closed) {
          out.push({ start: t.start, end: t.end, severity: 'error', code: 'unclosedQuote', message: 'This quote is never closed: add " where the phrase ends.' });
        } else if (t.nonAscii) {
          out.push({ start: t.start, end: t.end, severity: 'warning', code: 'typography', message: 'Write the phrase in straight quotes "\u2026": PatSnap does not read typographic quotes \u201c\u2026\u201d as a phrase.', fix: { start: t.start, end: t.end, text: `"${t.text.slice(1, -1)}"`, title: 'Use straight quotes' } });
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
    private readonly out: QueryDiagnostic[],
  ) {}

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
    const op = this.next();
    if (this.startsOperand(this.peek())) right();
    else this.report(op, op, 'error', 'missingOperand', `${op.value} needs a term after it.`);
  }

  private not(field: QueryField): void {
    while (this.isOp(this.peek(), 'NOT')) {
      const op = this.next();
      if (!this.startsOperand(this.peek())) {
        this.report(op, op, 'error', 'missingOperand', 'NOT needs a term after it: NOT TTL:toy leaves out the patents with "toy" in the title.');
        return;
      }
    }
    this.positional(field);
  }

  private positional(field: QueryField): void {
    this.unary(field);
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'positional' || t.value === '$FREQ') break;
      const op = this.next();
      if (!PROSE_KINDS.has(field.kind)) {
        this.report(op, op, 'warning', 'positional', `${op.value} positions words in text; ${field.code} holds ${kindName(field)}, so it has no effect there.`);
      }
      if (this.startsOperand(this.peek())) this.unary(field);
      else this.report(op, op, 'error', 'missingOperand', `${op.text} needs a term on each side, as in book ${op.text} case.`);
    }
  }

  private unary(field: QueryField): void {
    this.primary(field);
    while (this.peek()?.kind === 'positional' && this.peek()?.value === '$FREQ') this.next();
  }

  private primary(field: QueryField): void {
    const t = this.next();
    if (this.operand(t, field, undefined)) return;
    switch (t.kind) {
      case 'field':
        this.fieldValue(t);
        return;
      case 'operator':
        if (t.value === 'TO') this.report(t, t, 'error', 'range', 'TO belongs inside a range: PBD:[20200101 TO 20201231].');
        else this.report(t, t, 'error', 'missingOperand', `${t.value} needs a term before it.`);
        if (t.value === 'NOT' && this.startsOperand(this.peek())) this.primary(field);
        return;
      case 'positional':
        this.report(t, t, 'error', 'missingOperand', t.value === '$FREQ' ? `${t.text} follows the term it counts, as in TTL:("car" ${t.text}).` : `${t.text} needs a term on each side, as in book ${t.text} case.`);
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
    const first = this.peek();
    if (first?.kind === 'rparen') {
      this.report(open, this.next(), 'error', 'emptyGroup', 'These parentheses are empty: put terms inside or remove them.');
      return;
    }
    while (this.pos < this.tokens.length && this.peek()?.kind !== 'rparen') {
      if (this.peek()?.kind === 'rbracket') this.pos++;
      else this.or(field);
    }
    if (this.peek()?.kind === 'rparen') this.pos++;
  }

  private fieldValue(fieldToken: Token): void {
    const field = lookupField(fieldToken.value as string) ?? DEFAULT_FIELD;
    const v = this.peek();
    const code = fieldToken.value as string;
    if (!v || !this.startsOperand(v) || v.kind === 'field' || this.isOp(v, 'NOT')) {
      this.report(fieldToken, fieldToken, 'error', 'missingValue', `${code}: needs a value after the colon, as in ${fieldExample(field)}.`);
      return;
    }
    this.operand(this.next(), field, field);
  }

  /** Dates and counts are not phrases. */
  private phrase(t: Token, field: QueryField): void {
    if (RANGE_KINDS.has(field.kind)) this.bound(t, field, 'single');
  }

  private treeName(tree: Token): void {
    const name = this.peek();
    if (name?.kind === 'word' || name?.kind === 'phrase') this.next();
    else this.report(tree, tree, 'error', 'missingValue', 'TREE@ needs a company name right after it, as in ANCS:TREE@"Alphabet Inc".');
  }

  /** A single value: a search word, or a date, year, month or count where the field wants one. */
  private value(t: Token, field: QueryField): void {
    if (RANGE_KINDS.has(field.kind)) {
      const bound = this.bound(t, field, 'single');
      if (bound.kind === 'open') this.report(t, t, 'error', 'badValue', `* alone matches any ${field.code}: leave the field out, or write a range such as ${fieldExample(field)}.`);
      return;
    }
    const w = t.text;
    if (/^[*?#]+$/.test(w)) {
      this.report(t, t, 'error', 'wildcard', 'A wildcard needs letters before it, as in batter*.');
    } else if (!/[\p{L}\p{N}]/u.test(w)) {
      this.report(t, t, 'warning', 'badValue', `"${w}" has no letters or digits to search for: remove it, or put it in a phrase with words.`);
    } else if (/^[*?#]/.test(w)) {
      this.report(t, t, 'warning', 'wildcard', 'PatSnap does not take a wildcard at the start of a word: write it after at least one letter, as in batter*.');
    }
    const colon = w.indexOf(':');
    if (colon >= 0) {
      this.report(t, t, 'error', 'strayColon', `A colon follows a field code, as in TTL:car. To search "${w}" as it is, put it in quotes.`, { start: t.start, end: t.end, text: `"${w}"`, title: 'Put it in quotes' });
    }
  }

  private range(open: Token, field: QueryField | undefined): void {
    const parts: Token[] = [];
    while (this.pos < this.tokens.length) {
      const k = (this.peek() as Token).kind;
      if (k === 'rbracket' || k === 'lbracket' || k === 'lparen' || k === 'rparen' || k === 'field') break;
      parts.push(this.next());
    }
    const close = this.peek()?.kind === 'rbracket' ? this.next() : undefined;
    const last = close ?? parts[parts.length - 1] ?? open;
    if (!field) {
      this.report(open, last, 'error', 'range', 'A range needs a field before it, as in PBD:[20200101 TO 20201231].');
      return;
    }
    if (!RANGE_KINDS.has(field.kind)) {
      this.report(open, last, 'error', 'range', `${field.code} holds ${kindName(field)}: ranges work on dates and counts, as in PBD:[20200101 TO 20201231].`);
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
      if (from.length === 0) this.report(open, toToken, 'error', 'range', `The range needs a start before TO, or * for no start: ${fieldExample(field)}.`);
      else this.report(from[1] as Token, from[from.length - 1] as Token, 'error', 'range', 'A range has one value on each side of TO.');
      return;
    }
    if (until.length !== 1) {
      if (until.length === 0) this.report(toToken, last, 'error', 'range', `The range needs an end after TO, or * for no end: ${fieldExample(field)}.`);
      else this.report(until[1] as Token, until[until.length - 1] as Token, 'error', 'range', 'A range has one value on each side of TO.');
      return;
    }
    const a = this.bound(from[0] as Token, field, 'from');
    const b = this.bound(until[0] as Token, field, 'to');
    if (a.kind === 'value' && b.kind === 'value' && a.low > b.high) {
      this.report(open, last, 'error', 'range', 'The range starts after it ends: write the earlier value first.');
    }
  }

  private rangeWithoutTo(open: Token, last: Token, parts: readonly Token[], field: QueryField): void {
    const only = parts[0];
    const split = parts.length === 1 && only?.kind === 'word' ? /^(\S+?)\s*(?:-|,|\.\.|~)\s*(\S+)$/.exec(only.text) : null;
    if (split && only) {
      const text = `${split[1]} TO ${split[2]}`;
      this.report(open, last, 'error', 'range', `Write a range with TO: [${text}].`, { start: only.start, end: only.end, text, title: `Write ${text}` });
    } else if (parts.length === 2 && parts.every((p) => p.kind === 'word')) {
      const first = parts[0] as Token;
      this.report(open, last, 'error', 'range', `Write TO between the two ends: [${first.text} TO ${(parts[1] as Token).text}].`, { start: first.end, end: first.end, text: ' TO', title: 'Insert TO' });
    } else {
      this.report(open, last, 'error', 'range', `A range reads [start TO end], as in ${fieldExample(field)}.`);
    }
  }

  /** Checks one value of a range field; `single` is a value written without brackets. */
  private bound(t: Token, field: QueryField, end: 'from' | 'to' | 'single'): Bound {
    if (t.kind !== 'word') {
      this.report(t, t, 'error', 'badValue', `${field.code} takes ${kindName(field)}, not ${t.kind === 'phrase' ? 'a phrase' : `"${t.text}"`}.`);
      return { kind: 'bad' };
    }
    const w = t.text;
    if (w === '*') return { kind: 'open' };
    switch (field.kind) {
      case 'date':
        return this.dateBound(t, field, end);
      case 'year':
        if (/^\d{4}$/.test(w)) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', `${field.code} takes a year written yyyy, e.g. 2020.`);
        return { kind: 'bad' };
      case 'month': {
        const month = Number(w.slice(4));
        if (/^\d{6}$/.test(w) && month >= 1 && month <= 12) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', `${field.code} takes a month written yyyyMM, e.g. 202003.`);
        return { kind: 'bad' };
      }
      default:
        if (/^\d+$/.test(w)) return { kind: 'value', low: Number(w), high: Number(w) };
        this.report(t, t, 'error', 'badValue', `${field.code} takes a whole number, e.g. ${field.code}:[10 TO *].`);
        return { kind: 'bad' };
    }
  }

  private dateBound(t: Token, field: QueryField, end: 'from' | 'to' | 'single'): Bound {
    const w = t.text;
    if (/^\d{8}$/.test(w)) {
      if (isYmd(w)) return { kind: 'value', low: Number(w), high: Number(w) };
      this.report(t, t, 'error', 'badValue', `${w} is not a date: ${field.code} takes yyyyMMdd, e.g. 20200131.`);
      return { kind: 'bad' };
    }
    const separated = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(w);
    if (separated) {
      const ymd = `${separated[1]}${(separated[2] as string).padStart(2, '0')}${(separated[3] as string).padStart(2, '0')}`;
      const ok = isYmd(ymd);
      this.report(t, t, 'error', 'badValue', ok ? `Write the date without separators: ${ymd}.` : `${w} is not a date: ${field.code} takes yyyyMMdd, e.g. 20200131.`, ok ? { start: t.start, end: t.end, text: ymd, title: `Write ${ymd}` } : undefined);
      return ok ? { kind: 'value', low: Number(ymd), high: Number(ymd) } : { kind: 'bad' };
    }
    const partial = /^(\d{4})(\d{2})?$/.exec(w);
    const month = partial?.[2] === undefined ? undefined : Number(partial[2]);
    if (partial && (month === undefined || (month >= 1 && month <= 12))) {
      const year = partial[1] as string;
      const first = `${year}${partial[2] ?? '01'}01`;
      const lastDay = month === undefined ? 31 : new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
      const last = `${year}${partial[2] ?? '12'}${String(lastDay)}`;
      const what = month === undefined ? `the whole of ${year}` : `that month`;
      const fix =
        end === 'single'
          ? { start: t.start, end: t.end, text: `[${first} TO ${last}]`, title: `Write [${first} TO ${last}]` }
          : { start: t.start, end: t.end, text: end === 'from' ? first : last, title: `Write ${end === 'from' ? first : last}` };
      const message = end === 'single' ? `PatSnap documents dates as yyyyMMdd: for ${what} write [${first} TO ${last}].` : `PatSnap documents dates as yyyyMMdd: write ${fix.text}.`;
      this.report(t, t, 'warning', 'badValue', message, fix);
      return { kind: 'value', low: Number(first), high: Number(last) };
    }
    this.report(t, t, 'error', 'badValue', `"${w}" is not a date: ${field.code} takes yyyyMMdd, e.g. 20200131, or a range [20200101 TO 20201231].`);
    return { kind: 'bad' };
  }
}

function kindName(field: QueryField): string {
  switch (field.kind) {
    case 'text':
      return 'text';
    case 'party':
      return 'names';
    case 'number':
      return 'document numbers';
    case 'class':
      return 'classification codes';
    case 'code':
      return 'codes';
    case 'date':
      return 'dates (yyyyMMdd)';
    case 'year':
      return 'years (yyyy)';
    case 'month':
      return 'months (yyyyMM)';
    case 'count':
      return 'whole numbers';
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
