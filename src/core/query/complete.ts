/**
 * Completion and hover for PatSnap queries, from the field and operator table. The VS Code
 * layer turns these into CompletionItems and Hovers; everything here is offsets and our
 * own Markdown (no text from the API ever appears in it).
 */
import { fieldsIn, groupDoc, lookupField, operatorsIn, phraseDoc, RANGE_KINDS, wildcardDoc, type QueryField, type QueryOperator } from './fields';
import type { QueryEndpoint } from './diagnose';
import { hasWildcard, tokenAt, tokenize, type Token } from './tokenize';
import { ENGLISH, type Translator } from '../text/translator';

export type CompletionKind = 'field' | 'operator' | 'value' | 'range';

export interface QueryCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Plain text to insert over the replaced range. */
  readonly insertText: string;
  /** The same as a VS Code snippet, where placeholders help (`$W${1:5}`). */
  readonly snippet?: string;
  readonly detail: string;
  /** Markdown of our own. */
  readonly documentation: string;
  /** Orders common fields first. */
  readonly sortText: string;
}

export interface QueryCompletions {
  /** The text the chosen item replaces (the part of a word already typed). */
  readonly start: number;
  readonly end: number;
  readonly items: readonly QueryCompletion[];
}

export interface CompleteOptions {
  /** With `facets` among them, positional operators are not offered (P003 refuses them). */
  readonly endpoints?: readonly QueryEndpoint[];
  /** The language of the fields' and operators' names and docs and of the framing (details, "Example:", notes): `vscode.l10n` in the extension; default English. Codes and operators stay as written. */
  readonly l10n?: Translator;
}

export interface HoverOptions {
  readonly l10n?: Translator;
}

const FIELD_PREFIX = /^[A-Za-z][A-Za-z0-9_]*$/;

export function complete(text: string, offset: number, options: CompleteOptions = {}): QueryCompletions {
  const at = Math.max(0, Math.min(offset, text.length));
  const tokens = tokenize(text);
  const none = { start: at, end: at, items: [] };
  const inside = tokenAt(tokens, at);
  if (inside && inside.start < at && inside.kind === 'phrase') return none;
  const before = at > 0 ? tokenAt(tokens, at - 1) : undefined;
  const noPositional = options.endpoints?.includes('facets') ?? false;
  const l10n = options.l10n ?? ENGLISH;

  if (before?.kind === 'phrase') return none;
  if (before?.kind === 'field' && before.end === at) {
    const field = lookupField(before.value as string, l10n);
    return field ? { start: at, end: at, items: valueItems(field, l10n) } : none;
  }
  // The word being typed: from its start to the cursor.
  const typing = before && before.end >= at && (before.kind === 'word' || before.kind === 'operator' || before.kind === 'positional' || before.kind === 'tree' || before.kind === 'field') ? before : undefined;
  // Inside a field code (`TT|L:`) the whole code, colon included, is replaced.
  const prefix = typing ? text.slice(typing.start, at) : '';
  const start = typing ? typing.start : at;
  const end = typing ? typing.end : at;
  if (prefix.startsWith('$')) return { start, end, items: noPositional ? [] : operatorItems(prefix, ['positional', 'frequency'], l10n) };
  if (prefix !== '' && !FIELD_PREFIX.test(prefix)) return none;
  const inRange = isInsideRange(tokens, at);
  const items = inRange ? operatorItems(prefix, ['range'], l10n) : [...fieldItems(prefix, l10n), ...operatorItems(prefix, noPositional ? ['boolean', 'tree'] : ['boolean', 'tree', 'positional', 'frequency'], l10n)];
  return { start, end, items };
}

function isInsideRange(tokens: readonly Token[], at: number): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.start >= at) break;
    if (t.kind === 'lbracket') depth++;
    else if (t.kind === 'rbracket') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** 0 when `code` starts with `typed`, 1 when it holds its letters in order from the same first letter, else -1. */
function matchRank(code: string, typed: string): number {
  if (code.startsWith(typed)) return 0;
  if (typed === '' || code[0] !== typed[0]) return -1;
  let i = 0;
  for (const c of code) if (c === typed[i]) i++;
  return i === typed.length ? 1 : -1;
}

function fieldItems(prefix: string, l10n: Translator): QueryCompletion[] {
  const upper = prefix.toUpperCase();
  const items: QueryCompletion[] = [];
  for (const f of fieldsIn(l10n).values()) {
    const rank = f.patsnap ? matchRank(f.code, upper) : -1;
    if (rank < 0) continue;
    items.push({
      label: `${f.code}:`,
      kind: 'field',
      insertText: `${f.code}:`,
      detail: f.name,
      documentation: fieldMarkdown(f, l10n),
      sortText: `${rank + 1}${f.common ? '1' : f.doc ? '2' : '3'}_${f.code}`,
    });
  }
  return items;
}

function operatorItems(prefix: string, kinds: readonly QueryOperator['kind'][], l10n: Translator): QueryCompletion[] {
  const upper = prefix.toUpperCase();
  return [...operatorsIn(l10n).values()].filter((o) => kinds.includes(o.kind) && o.name.startsWith(upper)).map((o) => ({
    label: o.takesNumber ? `${o.name}n` : o.name,
    kind: 'operator' as const,
    insertText: o.takesNumber ? `${o.name}${o.kind === 'frequency' ? 2 : 5}` : o.name,
    ...(o.takesNumber ? { snippet: `\\${o.name}\${1:${o.kind === 'frequency' ? 2 : 5}}` } : o.name.startsWith('$') ? { snippet: `\\${o.name}` } : {}),
    detail: o.summary,
    documentation: operatorMarkdown(o, l10n),
    sortText: `0_${o.name}`,
  }));
}

function valueItems(field: QueryField, l10n: Translator): QueryCompletion[] {
  const items: QueryCompletion[] = [];
  if (RANGE_KINDS.has(field.kind)) {
    const [a, b] = field.kind === 'year' ? ['2020', '2024'] : field.kind === 'month' ? ['202001', '202412'] : field.kind === 'count' ? ['10', '*'] : ['20200101', '20241231'];
    items.push({
      label: `[${a} TO ${b}]`,
      kind: 'range',
      insertText: `[${a} TO ${b}]`,
      snippet: `[\${1:${a}} TO \${2:${b}}]`,
      detail: l10n.t('A range of {0}', field.name.toLowerCase()),
      documentation: `${fieldMarkdown(field, l10n)}\n\n${operatorMarkdown(rangeOperator(l10n), l10n)}`,
      sortText: '0_range',
    });
  }
  for (const v of field.values ?? []) {
    const quoted = /\s/.test(v) ? `"${v}"` : v;
    items.push({ label: quoted, kind: 'value', insertText: quoted, detail: field.name, documentation: fieldMarkdown(field, l10n), sortText: `1_${v}` });
  }
  return items;
}

// ---- hover -------------------------------------------------------------------------

export interface QueryHover {
  readonly start: number;
  readonly end: number;
  /** Markdown of our own: the field or operator table's text, never the query's. */
  readonly markdown: string;
}

export function hover(text: string, offset: number, options: HoverOptions = {}): QueryHover | undefined {
  const l10n = options.l10n ?? ENGLISH;
  const tokens = tokenize(text);
  const t = tokenAt(tokens, offset);
  if (!t) return undefined;
  const at = (markdown: string): QueryHover => ({ start: t.start, end: t.end, markdown });
  switch (t.kind) {
    case 'field': {
      const field = lookupField(t.value as string, l10n);
      return field ? at(fieldMarkdown(field, l10n)) : undefined;
    }
    case 'operator':
    case 'positional':
    case 'tree': {
      const op = operatorsIn(l10n).get(t.value as string);
      return op ? at(operatorMarkdown(op, l10n)) : undefined;
    }
    case 'phrase':
      return at(phraseDoc(l10n));
    case 'word':
      return hasWildcard(t.text) ? at(wildcardDoc(l10n)) : undefined;
    case 'lparen':
    case 'rparen':
      return at(groupDoc(l10n));
    case 'lbracket':
    case 'rbracket':
      return at(operatorMarkdown(rangeOperator(l10n), l10n));
  }
}

/** TO, the range operator, with its words in `l10n`'s language. */
const rangeOperator = (l10n: Translator): QueryOperator => operatorsIn(l10n).get('TO') as QueryOperator;

/** "Example: `TTL:car`", the example as code. */
const exampleLine = (example: string, l10n: Translator): string => l10n.t('Example: {0}', `\`${example}\``);
/** A note in italics. */
const note = (text: string): string => `_${text}_`;

function fieldMarkdown(f: QueryField, l10n: Translator): string {
  const lines = [`**${f.code}** \u2014 ${f.name}`];
  if (f.doc) lines.push(f.doc);
  if (f.example) lines.push(exampleLine(f.example, l10n));
  if (!f.sandbox) lines.push(note(l10n.t('Not searched by the local sandbox.')));
  return lines.join('\n\n');
}

function operatorMarkdown(o: QueryOperator, l10n: Translator): string {
  const lines = [`**${o.takesNumber ? `${o.name}n` : o.name}** \u2014 ${o.summary}`, o.doc, exampleLine(o.example, l10n)];
  if (o.kind === 'positional' || o.kind === 'frequency') lines.push(note(l10n.t('Refused in facet (P003) queries.')));
  if (!o.sandbox) lines.push(note(l10n.t('Not evaluated by the local sandbox.')));
  return lines.join('\n\n');
}
