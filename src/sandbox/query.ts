/**
 * Enough of PatSnap's query syntax to make the sandbox useful: field codes
 * (TTL, ABST, TACD, AN, ANC, IN, PN, APNO, IPC, CPC, PNC, PBD, APD), AND / OR / NOT
 * and implicit AND, parentheses (also after a field: `TTL:(car OR vehicle)`),
 * "quoted phrases", `*` and `?` wildcards, and date ranges such as
 * `PBD:[20200101 TO 20201231]` (`*` for an open end; `PBD:2020` is the whole
 * year). Bare words search TACD. Matching is case-insensitive.
 */
import { pnBase, apnoKey, type SamplePatent } from './data';
import { isValidYmd } from './dates';

const TEXT_FIELDS = ['TTL', 'ABST', 'TACD', 'AN', 'ANC', 'IN'] as const;
const CODE_FIELDS = ['PN', 'APNO', 'IPC', 'CPC', 'PNC'] as const;
const DATE_FIELDS = ['PBD', 'APD'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type CodeField = (typeof CODE_FIELDS)[number];
type DateField = (typeof DATE_FIELDS)[number];
export type QueryField = TextField | CodeField | DateField;

export type QueryNode =
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'text'; field: TextField; tokens: TokenPattern[] }
  | { type: 'code'; field: CodeField; value: string; pattern?: RegExp }
  | { type: 'range'; field: DateField; from: number; to: number };

/** One query word: a literal token or a wildcard pattern. */
type TokenPattern = string | RegExp;

export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

// ---- lexer ------------------------------------------------------------------------

type Token =
  | { kind: '(' | ')' | '[' | ']' }
  | { kind: 'field'; field: QueryField }
  | { kind: 'word'; text: string }
  | { kind: 'phrase'; text: string };

const ALL_FIELDS: readonly string[] = [...TEXT_FIELDS, ...CODE_FIELDS, ...DATE_FIELDS];

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      tokens.push({ kind: c });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError('Unterminated quoted phrase.');
      tokens.push({ kind: 'phrase', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === ':') {
      throw new QuerySyntaxError('A colon must follow a field code, as in TTL:battery.');
    } else {
      let j = i;
      while (j < text.length && !/[\s()[\]":]/.test(text.charAt(j))) j++;
      const word = text.slice(i, j);
      if (text.charAt(j) === ':') {
        const field = word.toUpperCase();
        if (!ALL_FIELDS.includes(field)) throw new QuerySyntaxError(`Unknown field code "${word}".`);
        tokens.push({ kind: 'field', field: field as QueryField });
        j++;
      } else {
        tokens.push({ kind: 'word', text: word });
      }
      i = j;
    }
  }
  return tokens;
}

// ---- parser -----------------------------------------------------------------------

const isOperator = (t: Token | undefined, op: 'AND' | 'OR' | 'NOT' | 'TO'): boolean => t?.kind === 'word' && t.text.toUpperCase() === op;

export function parseQuery(text: string): QueryNode {
  const tokens = lex(text);
  if (tokens.length === 0) throw new QuerySyntaxError('The query is empty.');
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token | undefined => tokens[pos++];
  const expect = (kind: ')' | ']'): void => {
    if (next()?.kind !== kind) throw new QuerySyntaxError(`Expected "${kind}".`);
  };

  const parseOr = (field: QueryField): QueryNode => {
    const children = [parseAnd(field)];
    while (isOperator(peek(), 'OR')) {
      next();
      children.push(parseAnd(field));
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'or', children };
  };

  const startsOperand = (t: Token | undefined): boolean =>
    t !== undefined && t.kind !== ')' && t.kind !== ']' && !isOperator(t, 'OR') && !isOperator(t, 'AND');

  const parseAnd = (field: QueryField): QueryNode => {
    const children = [parseNot(field)];
    for (;;) {
      if (isOperator(peek(), 'AND')) {
        next();
        children.push(parseNot(field));
      } else if (startsOperand(peek())) {
        children.push(parseNot(field)); // implicit AND
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as QueryNode) : { type: 'and', children };
  };

  const parseNot = (field: QueryField): QueryNode => {
    if (isOperator(peek(), 'NOT')) {
      next();
      return { type: 'not', child: parseNot(field) };
    }
    return parsePrimary(field);
  };

  const parsePrimary = (field: QueryField): QueryNode => {
    const t = next();
    if (!t) throw new QuerySyntaxError('The query ends where a term was expected.');
    switch (t.kind) {
      case '(': {
        if (peek()?.kind === ')') throw new QuerySyntaxError('Empty parentheses.');
        const inner = parseOr(field);
        expect(')');
        return inner;
      }
      case 'field': {
        const v = peek();
        if (v?.kind === '(') {
          next();
          if (peek()?.kind === ')') throw new QuerySyntaxError('Empty parentheses.');
          const inner = parseOr(t.field);
          expect(')');
          return inner;
        }
        if (v?.kind === '[') {
          next();
          return parseRange(t.field);
        }
        if (v?.kind === 'word' || v?.kind === 'phrase') {
          if (v.kind === 'word' && (isOperator(v, 'AND') || isOperator(v, 'OR') || isOperator(v, 'NOT'))) throw new QuerySyntaxError(`${t.field}: needs a value.`);
          next();
          return term(t.field, v.text);
        }
        throw new QuerySyntaxError(`${t.field}: needs a value.`);
      }
      case 'word':
        if (isOperator(t, 'AND') || isOperator(t, 'OR')) throw new QuerySyntaxError(`"${t.text}" needs a term on each side.`);
        return term(field, t.text);
      case 'phrase':
        return term(field, t.text);
      case '[':
        return parseRange(field);
      default:
        throw new QuerySyntaxError(`Unexpected "${t.kind}".`);
    }
  };

  const parseRange = (field: QueryField): QueryNode => {
    if (!(DATE_FIELDS as readonly string[]).includes(field)) throw new QuerySyntaxError(`Ranges work only with ${DATE_FIELDS.join(' and ')}.`);
    const from = next();
    if (!isOperator(peek(), 'TO')) throw new QuerySyntaxError('A range reads [FROM TO TO].');
    next();
    const to = next();
    expect(']');
    if (from?.kind !== 'word' || to?.kind !== 'word') throw new QuerySyntaxError('A range needs two dates.');
    const lo = from.text === '*' ? 0 : dateBound(from.text, 'from');
    const hi = to.text === '*' ? 99999999 : dateBound(to.text, 'to');
    if (lo > hi) throw new QuerySyntaxError('The range starts after it ends.');
    return { type: 'range', field: field as DateField, from: lo, to: hi };
  };

  const node = parseOr('TACD');
  if (pos < tokens.length) throw new QuerySyntaxError(`Unexpected "${describe(tokens[pos] as Token)}".`);
  return node;
}

function describe(t: Token): string {
  return t.kind === 'word' || t.kind === 'phrase' ? t.text : t.kind === 'field' ? `${t.field}:` : t.kind;
}

/** yyyyMMdd, yyyyMM or yyyy, widened to the first or last day it names. */
function dateBound(text: string, end: 'from' | 'to'): number {
  if (/^\d{8}$/.test(text) && isValidYmd(Number(text))) return Number(text);
  if (/^\d{6}$/.test(text)) {
    const month = Number(text.slice(4));
    if (month >= 1 && month <= 12) return end === 'from' ? Number(text) * 100 + 1 : Number(text) * 100 + 31;
  }
  if (/^\d{4}$/.test(text)) return end === 'from' ? Number(text) * 10000 + 101 : Number(text) * 10000 + 1231;
  throw new QuerySyntaxError(`"${text}" is not a date (yyyyMMdd).`);
}

function wildcard(text: string): RegExp {
  const body = text.replace(/[.+^${}()|[\]\\/-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function term(field: QueryField, value: string): QueryNode {
  if ((DATE_FIELDS as readonly string[]).includes(field)) {
    return { type: 'range', field: field as DateField, from: dateBound(value, 'from'), to: dateBound(value, 'to') };
  }
  if ((CODE_FIELDS as readonly string[]).includes(field)) {
    const v = value.trim().toUpperCase().replace(/\s+/g, '');
    if (!v) throw new QuerySyntaxError(`${field}: needs a value.`);
    return { type: 'code', field: field as CodeField, value: v, ...(/[*?]/.test(v) ? { pattern: wildcard(v) } : {}) };
  }
  const tokens: TokenPattern[] = [];
  for (const part of value.split(/\s+/)) {
    if (/[*?]/.test(part)) {
      const cleaned = part.toLowerCase().replace(/[^\p{L}\p{N}*?]/gu, '');
      if (cleaned.replace(/[*?]/g, '')) tokens.push(wildcard(cleaned));
    } else {
      tokens.push(...tokenize(part));
    }
  }
  if (tokens.length === 0) throw new QuerySyntaxError(`"${value}" has nothing to search for.`);
  return { type: 'text', field: field as TextField, tokens };
}

// ---- matching -------------------------------------------------------------------

/** Words of a text, lower-case; CJK characters count one each, as phrases of them are common. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word)) {
      for (const part of word.split(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u)) if (part) out.push(part);
    } else {
      out.push(word);
    }
  }
  return out;
}

/** A crude English stemmer for the export's `stemming` switch (plural and tense endings); names are never stemmed. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A patent's searchable words, computed once. */
export class SearchDoc {
  readonly fields: Readonly<Record<TextField, readonly string[]>>;
  private stemmed?: Record<TextField, readonly string[]>;

  constructor(readonly patent: SamplePatent) {
    const join = (texts: readonly string[]): string[] => texts.flatMap((t, i) => (i === 0 ? tokenize(t) : ['\u0000', ...tokenize(t)]));
    const ttl = join(patent.titles.map((t) => t.text));
    const abst = join(patent.abstracts.map((a) => a.text));
    const names = (ps: ReadonlyArray<{ name: string }>): string[] => join(ps.map((p) => p.name));
    this.fields = {
      TTL: ttl,
      ABST: abst,
      TACD: [...ttl, '\u0000', ...abst],
      AN: names([...patent.originalAssignees, ...patent.currentAssignees]),
      ANC: names(patent.currentAssignees),
      IN: names(patent.inventors),
    };
  }

  words(field: TextField, stemming: boolean): readonly string[] {
    if (!stemming) return this.fields[field];
    if (!this.stemmed) {
      const f = this.fields;
      this.stemmed = { TTL: f.TTL.map(stem), ABST: f.ABST.map(stem), TACD: f.TACD.map(stem), AN: f.AN, ANC: f.ANC, IN: f.IN };
    }
    return this.stemmed[field];
  }
}

const WEIGHTS: Readonly<Record<TextField, number>> = { TTL: 3, ABST: 1, TACD: 1, AN: 1, ANC: 1, IN: 1 };

function countPhrase(words: readonly string[], pattern: readonly TokenPattern[], stemming: boolean): number {
  const wanted = pattern.map((p) => (typeof p === 'string' && stemming ? stem(p) : p));
  let count = 0;
  for (let i = 0; i + wanted.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < wanted.length && ok; k++) {
      const w = words[i + k] as string;
      const p = wanted[k] as TokenPattern;
      ok = typeof p === 'string' ? w === p : p.test(w);
    }
    if (ok) count++;
  }
  return count;
}

function codeMatches(node: Extract<QueryNode, { type: 'code' }>, p: SamplePatent): boolean {
  const test = (candidate: string): boolean => (node.pattern ? node.pattern.test(candidate) : candidate === node.value);
  switch (node.field) {
    case 'PN':
      return test(p.pn.toUpperCase()) || (!node.pattern && pnBase(p.pn) === node.value);
    case 'APNO':
      return node.pattern ? node.pattern.test(p.apno.toUpperCase()) : apnoKey(p.apno) === apnoKey(node.value);
    case 'PNC':
      return test(p.office);
    case 'IPC':
    case 'CPC': {
      const c = node.field === 'IPC' ? p.ipc : p.cpc;
      const codes = [c.main, ...c.further].map((x) => x.toUpperCase().replace(/\s+/g, ''));
      return codes.some((code) => (node.pattern ? node.pattern.test(code) || node.pattern.test(code.split('/')[0] as string) : code.startsWith(node.value)));
    }
  }
}

/** The relevance score of a matching patent, or null when it does not match. */
export function evaluate(node: QueryNode, doc: SearchDoc, stemming = false): number | null {
  switch (node.type) {
    case 'and': {
      let sum = 0;
      for (const c of node.children) {
        const s = evaluate(c, doc, stemming);
        if (s === null) return null;
        sum += s;
      }
      return sum;
    }
    case 'or': {
      let sum: number | null = null;
      for (const c of node.children) {
        const s = evaluate(c, doc, stemming);
        if (s !== null) sum = (sum ?? 0) + s;
      }
      return sum;
    }
    case 'not':
      return evaluate(node.child, doc, stemming) === null ? 0 : null;
    case 'text': {
      if (node.field === 'TACD') {
        const t = countPhrase(doc.words('TTL', stemming), node.tokens, stemming);
        const a = countPhrase(doc.words('ABST', stemming), node.tokens, stemming);
        return t + a > 0 ? t * WEIGHTS.TTL + a * WEIGHTS.ABST : null;
      }
      const st = stemming && node.field !== 'AN' && node.field !== 'ANC' && node.field !== 'IN';
      const n = countPhrase(doc.words(node.field, st), node.tokens, st);
      return n > 0 ? n * WEIGHTS[node.field] : null;
    }
    case 'code':
      return codeMatches(node, doc.patent) ? 1 : null;
    case 'range': {
      const d = node.field === 'PBD' ? doc.patent.pbdt : doc.patent.apdt;
      return d >= node.from && d <= node.to ? 0 : null;
    }
  }
}
