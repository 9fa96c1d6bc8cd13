/**
 * Reading and writing `.patentsearch` files: plain JSON that diffs well in git. Keys come
 * in a fixed order (known keys first, as below, then any others sorted), two-space
 * indentation, cell text one string per line, each kept patent and each facet value on a
 * line of its own, a newline at the end, and nothing that changes without the search
 * changing (no ids, no signed links, no UI state). Serialising what was parsed gives the
 * same bytes back.
 *
 * A broken file is refused with a `NotebookFormatError` that says where and what; nothing
 * in it is dropped silently.
 */
import * as z from 'zod/mini';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, notebookSchema, type Notebook, type NotebookCell, type QueryOptions, type Run } from './schema';

export class NotebookFormatError extends Error {
  constructor(
    message: string,
    /** 1-based, when the problem is in the JSON itself. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'NotebookFormatError';
  }
}

export function emptyNotebook(): Notebook {
  return { format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION, cells: [] };
}

/** The notebook in `text`; an empty file is an empty notebook (VS Code creates files that way). */
export function parseNotebook(text: string): Notebook {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') return emptyNotebook();
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    throw jsonError(body, e as Error);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new NotebookFormatError('This is not a search notebook: the file should hold one JSON object with a "cells" list.');
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== undefined && header.format !== NOTEBOOK_FORMAT) {
    throw new NotebookFormatError(`This is not a search notebook: its "format" is ${JSON.stringify(header.format)}, not "${NOTEBOOK_FORMAT}".`);
  }
  if (typeof header.version === 'number' && header.version > NOTEBOOK_VERSION) {
    throw new NotebookFormatError(`This notebook was written by a newer Patent Lookup (format version ${header.version}; this one reads ${NOTEBOOK_VERSION}). Update the extension to open it.`);
  }
  const parsed = notebookSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error, raw);
  return parsed.data;
}

/**
 * Where JSON.parse stopped. V8 names the position in most of its messages ("… in JSON at
 * position 8"); for an unexpected token it quotes the text around it instead, up to ten
 * characters either side, with "..." where it cut: the position is read back from that.
 */
function errorOffset(text: string, message: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const quoted = /^Unexpected token .*?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return undefined;
  const [, cutBefore, context = '', cutAfter] = quoted;
  const CONTEXT = 10;
  if (cutBefore && cutAfter) {
    const start = text.indexOf(context);
    return start < 0 ? undefined : start + CONTEXT;
  }
  if (cutBefore) return text.endsWith(context) ? text.length - context.length + CONTEXT : undefined;
  if (cutAfter) return text.startsWith(context) ? context.length - CONTEXT : undefined;
  return undefined; // a short file quoted whole: the token could be anywhere in it
}

function jsonError(text: string, e: Error): NotebookFormatError {
  const at = errorOffset(text, e.message);
  // The reason without the file's own text, which V8 may quote.
  const detail = e.message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
  if (at === undefined) return new NotebookFormatError(`The notebook file is not valid JSON: ${detail}. Fix the file in a text editor (Reopen Editor With… Text Editor), or restore it from git.`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return new NotebookFormatError(`The notebook file is not valid JSON at line ${line}, column ${column}: ${detail}. Fix it in a text editor, or restore it from git.`, line, column);
}

function schemaError(error: z.core.$ZodError, raw: unknown): NotebookFormatError {
  const problems = error.issues.slice(0, 3).map((issue) => `${pathText(issue.path)}: ${issueText(issue, valueAt(raw, issue.path))}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return new NotebookFormatError(`The search notebook has ${error.issues.length === 1 ? 'a value' : 'values'} it cannot read: ${problems.join('; ')}${more}. Fix it in a text editor, or restore it from git.`);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? 'the file' : out;
}

const EXPECTED: Readonly<Record<string, string>> = { int: 'a whole number', number: 'a number', string: 'text', array: 'a list', object: 'an object', boolean: 'true or false' };

function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      if (last === 'kind') return 'must be "markdown" or "query"';
      return last === 'source' ? 'must be text, or a list of lines' : 'is not one of the forms allowed here';
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return value === undefined ? `is missing (${expected} expected)` : `must be ${expected}`;
    }
    case 'too_small':
    case 'too_big': {
      if (!/^Too (small|big)/.test(issue.message)) return issue.message;
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const list = issue.origin === 'array';
      if (issue.code === 'too_small') return list ? `must have at least ${String(bound)}` : `must be ${String(bound)} or more`;
      return list ? `must have at most ${String(bound)}` : `must be ${String(bound)} or less`;
    }
    default:
      return issue.message;
  }
}

// ---- writing -----------------------------------------------------------------------

/** Written on one line: a kept patent, a facet value, a sort key. */
class Inline {
  constructor(readonly value: Record<string, unknown>) {}
}

const NOTEBOOK_KEYS = ['format', 'version', 'title', 'cells'];
const CELL_KEYS = ['kind', 'source', 'options', 'runs'];
const OPTION_KEYS = ['sort', 'collapseType', 'collapseBy', 'collapseOrder', 'collapseOrderAuthority', 'publicationDate', 'applicationDate', 'limit', 'facets', 'facetLimit'];
const RUN_KEYS = ['date', 'query', 'options', 'total', 'results', 'facets'];
const RESULT_KEYS = ['number', 'title', 'assignee', 'date', 'status', 'family', 'patentId'];
const DATE_RANGE_KEYS = ['from', 'to'];

/** `o` with `keys` first in that order, then its other keys sorted; undefined values left out. */
function ordered(o: Record<string, unknown>, keys: readonly string[], map: (key: string, value: unknown) => unknown = (_, v) => v): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rest = Object.keys(o)
    .filter((k) => !keys.includes(k))
    .sort();
  for (const k of [...keys, ...rest]) if (o[k] !== undefined) out[k] = map(k, o[k]);
  return out;
}

const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

function canonicalOptions(o: QueryOptions): Record<string, unknown> {
  return ordered(o, OPTION_KEYS, (k, v) => {
    if (k === 'sort' && Array.isArray(v)) return v.map((s: Record<string, unknown>) => new Inline(ordered(s, ['field', 'order'])));
    if ((k === 'publicationDate' || k === 'applicationDate') && typeof v === 'object' && v !== null) return new Inline(ordered(v as Record<string, unknown>, DATE_RANGE_KEYS));
    return v;
  });
}

function canonicalRun(r: Run): Record<string, unknown> {
  return ordered(r, RUN_KEYS, (k, v) => {
    if (k === 'options') return canonicalOptions(v as QueryOptions);
    if (k === 'results') return (v as Run['results']).map((x) => new Inline(ordered(x, RESULT_KEYS)));
    if (k === 'facets') {
      const facets = v as NonNullable<Run['facets']>;
      return ordered(facets, [], (_, buckets) => (buckets as NonNullable<Run['facets']>[string]).map((b) => new Inline(ordered(b, ['name', 'count']))));
    }
    return v;
  });
}

function canonicalCell(c: NotebookCell): Record<string, unknown> {
  return ordered(c, CELL_KEYS, (k, v) => {
    if (k === 'source') return lines(v as string);
    if (k === 'options') return canonicalOptions(v as QueryOptions);
    if (k === 'runs') return (v as Run[]).map(canonicalRun);
    return v;
  });
}

export function serializeNotebook(notebook: Notebook): string {
  const canonical = ordered({ ...notebook, format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION }, NOTEBOOK_KEYS, (k, v) => (k === 'cells' ? (v as NotebookCell[]).map(canonicalCell) : v));
  return `${write(canonical, '')}\n`;
}

function write(v: unknown, indent: string): string {
  if (v instanceof Inline) return inline(v.value);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => typeof x !== 'object' || x === null) && v.every((x) => typeof x !== 'string') && v.length <= 20) return JSON.stringify(v).replace(/,/g, ', ');
    const inner = `${indent}  `;
    return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function inline(o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`);
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}
