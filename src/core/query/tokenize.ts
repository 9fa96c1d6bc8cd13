/**
 * Tokens of a PatSnap query with their offsets, for highlighting, hovers, completion and
 * diagnostics. One pass, never throws: every character that is not white space belongs to
 * exactly one token, so even a broken query can be shown and explained. Offsets are UTF-16
 * code units, as JavaScript strings and VS Code's `offsetAt` count them.
 */
import { itemAt } from '../text/sortedSearch';

export type TokenKind =
  /** `TTL:` (the colon included); `value` is the code in upper case. */
  | 'field'
  /** AND, OR, NOT, and TO inside square brackets; `value` upper case. */
  | 'operator'
  /** `$W5`, `$PRE2`, `$SEN`, `$FREQ3`…; `value` is `$W` etc. in upper case, `n` the number. */
  | 'positional'
  /** `TREE@` before a company name. */
  | 'tree'
  /** A search term: a word, number or code, maybe with wildcards. */
  | 'word'
  /** `"…"`; `closed` false when the query ends inside it. */
  | 'phrase'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly text: string;
  readonly value?: string;
  readonly n?: number;
  readonly closed?: boolean;
  /** Written with a typographic or full-width character PatSnap may not read: `（`, `“`, `：`. */
  readonly nonAscii?: boolean;
}

const FIELD = /[A-Za-z][A-Za-z0-9_]*[:\uff1a]/y;
const POSITIONAL = /\$([A-Za-z]*)(\d*)/y;
const TREE = /TREE@/iy;
/** A word runs to white space or a character that has a meaning of its own. */
const WORD = /[^\s()[\]"\uff08\uff09\u201c\u201d\u201e]+/y;
const SPACE = /\s/;

/** Straight and typographic double quotes; any of them opens a phrase and any closes it. */
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let bracketDepth = 0;
  let i = 0;
  const push = (t: Token): void => {
    tokens.push(t);
    i = t.end;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const one = (kind: TokenKind, nonAscii = false): void => push({ kind, start: i, end: i + 1, text: c, ...(nonAscii ? { nonAscii } : {}) });
    if (c === '(' || c === '\uff08') {
      one('lparen', c !== '(');
    } else if (c === ')' || c === '\uff09') {
      one('rparen', c !== ')');
    } else if (c === '[') {
      bracketDepth++;
      one('lbracket');
    } else if (c === ']') {
      bracketDepth = Math.max(0, bracketDepth - 1);
      one('rbracket');
    } else if (QUOTES.has(c)) {
      let end = i + 1;
      while (end < text.length && !QUOTES.has(text.charAt(end))) end++;
      const closed = end < text.length;
      const last = closed ? end + 1 : end;
      const nonAscii = c !== '"' || (closed && text.charAt(end) !== '"');
      push({ kind: 'phrase', start: i, end: last, text: text.slice(i, last), closed, ...(nonAscii ? { nonAscii } : {}) });
    } else if (c === '$') {
      const m = stickyMatch(POSITIONAL, text, i) as RegExpExecArray; // always matches at least "$"
      const digits = m[2] ?? '';
      push({
        kind: 'positional',
        start: i,
        end: i + m[0].length,
        text: m[0],
        value: `$${(m[1] ?? '').toUpperCase()}`,
        ...(digits ? { n: Number(digits) } : {}),
      });
    } else {
      const tree = stickyMatch(TREE, text, i);
      if (tree) {
        push({ kind: 'tree', start: i, end: i + tree[0].length, text: tree[0], value: 'TREE@' });
        continue;
      }
      const field = stickyMatch(FIELD, text, i);
      if (field) {
        const code = field[0].slice(0, -1);
        push({ kind: 'field', start: i, end: i + field[0].length, text: field[0], value: code.toUpperCase(), ...(field[0].endsWith(':') ? {} : { nonAscii: true }) });
        continue;
      }
      const word = stickyMatch(WORD, text, i) as RegExpExecArray; // c is none of the excluded characters
      const upper = word[0].toUpperCase();
      const isOperator = upper === 'AND' || upper === 'OR' || upper === 'NOT' || (upper === 'TO' && bracketDepth > 0);
      push({ kind: isOperator ? 'operator' : 'word', start: i, end: i + word[0].length, text: word[0], ...(isOperator ? { value: upper } : {}) });
    }
  }
  return tokens;
}

/** The token with `start <= offset < end`, if any (binary search: tokens are in order). */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  return itemAt(tokens, (t) => (offset < t.start ? -1 : offset >= t.end ? 1 : 0));
}

/** `*`, `?` or `#` in a word. */
export function hasWildcard(word: string): boolean {
  return /[*?#]/.test(word);
}
