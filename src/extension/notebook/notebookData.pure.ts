/**
 * A `.patentsearch` file as VS Code's notebook model holds it, and back. Markdown cells
 * are markup cells; query cells are code cells in `patsnap-query`, their options and
 * runs in the cell's metadata (under `patentSearch`, with any keys this version does not
 * know, so that they survive a round trip). Outputs are never stored: they are drawn
 * from the runs. Pure: the serializer wraps these in VS Code's classes.
 */
import { notebookSchema, queryOptionsSchema, runSchema, type Notebook, type QueryCell, type QueryOptions, type Run } from '../../core/notebook/schema';

import { QUERY_LANGUAGE } from './notebookType.pure';

export { NOTEBOOK_TYPE, QUERY_LANGUAGE } from './notebookType.pure';
/** Where this extension keeps its part of cell and notebook metadata. */
export const METADATA_KEY = 'patentSearch';

/** The charts a new query cell draws: P003 by publication year, assignee and office. */
export const DEFAULT_CELL_OPTIONS: QueryOptions = { facets: ['PUBLICATION_YEAR', 'ASSIGNEE', 'AUTHORITY'] };

export interface CellDataLike {
  readonly kind: 'markup' | 'code';
  readonly value: string;
  readonly languageId: string;
  readonly metadata?: { readonly [key: string]: unknown };
}

export interface NotebookDataLike {
  readonly cells: readonly CellDataLike[];
  readonly metadata?: { readonly [key: string]: unknown };
}

/** What the extension stores in a query cell's metadata. */
export interface QueryCellMetadata {
  readonly options: QueryOptions;
  readonly runs: readonly Run[];
  /** Keys of the cell this version does not know. */
  readonly extra?: Record<string, unknown>;
}

const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function rest(o: object, known: readonly string[]): Record<string, unknown> | undefined {
  const extra = Object.fromEntries(Object.entries(o).filter(([k]) => !known.includes(k)));
  return Object.keys(extra).length > 0 ? extra : undefined;
}

export function toNotebookData(notebook: Notebook): NotebookDataLike {
  const extra = rest(notebook, ['format', 'version', 'title', 'cells']);
  const own: Record<string, unknown> = {};
  if (notebook.title !== undefined) own.title = notebook.title;
  if (extra) own.extra = extra;
  return {
    cells: notebook.cells.map((c): CellDataLike => {
      const cellExtra = rest(c, ['kind', 'source', 'options', 'runs']);
      if (c.kind === 'markdown') return { kind: 'markup', value: c.source, languageId: 'markdown', ...(cellExtra ? { metadata: { [METADATA_KEY]: { extra: cellExtra } } } : {}) };
      const meta: QueryCellMetadata = { options: c.options, runs: c.runs, ...(cellExtra ? { extra: cellExtra } : {}) };
      return { kind: 'code', value: c.source, languageId: QUERY_LANGUAGE, metadata: { [METADATA_KEY]: meta } };
    }),
    ...(Object.keys(own).length > 0 ? { metadata: { [METADATA_KEY]: own } } : {}),
  };
}

/**
 * The query cell a code cell stands for. A cell added in the editor has no metadata of
 * ours yet: it gets DEFAULT_CELL_OPTIONS. Options or runs that do not read (edited by
 * hand in the metadata) are dropped here, never sent; the serializer refuses to save them.
 */
export function queryCellOf(cell: Pick<CellDataLike, 'value' | 'metadata'>): QueryCell {
  const own = record(cell.metadata?.[METADATA_KEY]);
  if (!own) return { kind: 'query', source: cell.value, options: { ...DEFAULT_CELL_OPTIONS }, runs: [] };
  const options = queryOptionsSchema.safeParse(own.options ?? {});
  const runs = Array.isArray(own.runs) ? own.runs.flatMap((r) => (runSchema.safeParse(r).success ? [runSchema.parse(r)] : [])) : [];
  return { kind: 'query', source: cell.value, options: options.success ? options.data : {}, runs, ...record(own.extra) };
}

/** The metadata of a query cell with `cell`'s options and runs, keeping what else the metadata held. */
export function cellMetadata(previous: { readonly [key: string]: unknown } | undefined, cell: Pick<QueryCell, 'options' | 'runs'>): Record<string, unknown> {
  const own = record(previous?.[METADATA_KEY]);
  const meta: QueryCellMetadata = { options: cell.options, runs: cell.runs, ...(record(own?.extra) ? { extra: record(own?.extra) } : {}) };
  return { ...previous, [METADATA_KEY]: meta };
}

/**
 * The notebook file's content for what VS Code holds. Throws the core's
 * `NotebookFormatError` (through the schema) when metadata edited by hand does not read,
 * so a save fails with the reason rather than writing a file that cannot be opened.
 */
export function fromNotebookData(data: NotebookDataLike): Notebook {
  const own = record(data.metadata?.[METADATA_KEY]);
  const cells = data.cells.map((c): unknown => {
    const cellOwn = record(c.metadata?.[METADATA_KEY]);
    if (c.kind === 'markup') return { ...record(cellOwn?.extra), kind: 'markdown', source: c.value };
    if (!cellOwn) return { kind: 'query', source: c.value, options: { ...DEFAULT_CELL_OPTIONS }, runs: [] };
    return { ...record(cellOwn.extra), kind: 'query', source: c.value, options: cellOwn.options ?? {}, runs: cellOwn.runs ?? [] };
  });
  const raw = { ...record(own?.extra), ...(typeof own?.title === 'string' ? { title: own.title } : {}), cells };
  const parsed = notebookSchema.safeParse(raw);
  if (!parsed.success) throw new CellMetadataError(parsed.error.issues[0]?.path.join('.') ?? '', parsed.error.issues[0]?.message ?? '');
  return parsed.data;
}

/** Metadata of the notebook or a cell that cannot be written as a `.patentsearch` file. */
export class CellMetadataError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
    this.name = 'CellMetadataError';
  }
}
