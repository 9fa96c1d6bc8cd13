import type { CollapseType, SearchParams, SortField, SortOrder } from '../../core/api/types';
import { integerOption, parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { formatCount, formatDate, renderTable } from '../format';
import { UsageError } from '../io';

const SORT_FIELDS: readonly SortField[] = ['PBDT_YEARMONTHDAY', 'APD_YEARMONTHDAY', 'ISD', 'SCORE'];
const COLLAPSE_TYPES: readonly CollapseType[] = ['ALL', 'APNO', 'DOCDB', 'INPADOC', 'EXTEND'];

export const searchCommand: Command = {
  name: 'search',
  summary: 'search patents with a PatSnap query',
  usage: 'search QUERY [--limit N] [--offset N] [--sort FIELD:ORDER] [--collapse TYPE] [--json]',
  details: [
    '  QUERY                PatSnap query syntax, e.g. "TTL:(electric vehicle) AND AN:tesla"',
    '  --limit N            results per page, 1-1000 (default 10)',
    '  --offset N           skip the first N results (offset + limit <= 20000)',
    `  --sort FIELD:ORDER   FIELD one of ${SORT_FIELDS.join(', ')}; ORDER ASC or DESC (repeatable)`,
    `  --collapse TYPE      one row per family or application: ${COLLAPSE_TYPES.join(', ')}`,
    '  --json               print the page as JSON',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(
      args,
      {
        limit: { type: 'string' },
        offset: { type: 'string' },
        sort: { type: 'string', multiple: true },
        collapse: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    requirePositionals(positionals, 'QUERY', usage);
    const params: SearchParams = {
      query: positionals.join(' '),
      limit: integerOption(values.limit, '--limit', usage, { min: 1, max: 1000 }) ?? 10,
      offset: integerOption(values.offset, '--offset', usage) ?? 0,
    };
    if (values.sort) params.sort = values.sort.map((s) => parseSort(s, usage));
    if (values.collapse !== undefined) {
      const type = values.collapse.toUpperCase() as CollapseType;
      if (!COLLAPSE_TYPES.includes(type)) throw new UsageError(`--collapse takes one of ${COLLAPSE_TYPES.join(', ')}, not "${values.collapse}".`, usage);
      params.collapseType = type;
    }

    const page = await (await client()).searchWithDetails(params, { signal: io.signal });
    if (values.json) {
      writeJson(io, page);
      return 0;
    }
    if (page.hits.length === 0) {
      io.stdout.write(page.total > 0 ? `No results at offset ${page.offset}; there are ${formatCount(page.total)}.\n` : 'No patents match.\n');
      return 0;
    }
    const rows = page.hits.map((h) => [h.pn, h.title ?? '', h.currentAssignee ?? h.originalAssignee ?? '', formatDate(h.publicationDate)]);
    io.stdout.write(renderTable(['Number', 'Title', 'Assignee', 'Published'], rows, { maxWidth: io.stdout.isTTY ? io.stdout.columns : undefined, shrinkable: [1, 2] }));
    const from = page.offset > 0 ? `, starting at #${formatCount(page.offset + 1)}` : '';
    io.stdout.write(`\n${formatCount(page.hits.length)} of ${formatCount(page.total)}${from}\n`);
    return 0;
  },
};

function parseSort(value: string, usage: string): { field: SortField; order: SortOrder } {
  const [rawField = '', rawOrder = 'DESC', ...rest] = value.toUpperCase().split(':');
  const field = rawField as SortField;
  const order = rawOrder as SortOrder;
  if (rest.length > 0 || !SORT_FIELDS.includes(field) || (order !== 'ASC' && order !== 'DESC')) {
    throw new UsageError(`--sort takes FIELD:ORDER with FIELD one of ${SORT_FIELDS.join(', ')} and ORDER ASC or DESC, not "${value}".`, usage);
  }
  return { field, order };
}
