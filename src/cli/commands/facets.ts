import type { FacetParams } from '../../core/api/types';
import { checkFacetParams, facetFieldCodes } from '../../core/api/validation';
import { diagnose } from '../../core/query';
import { integerOption, listOption, parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { formatCount, renderTable } from '../format';
import { UsageError } from '../io';
import { queryErrors } from './query';

const FIELDS = 'ASSIGNEE, INVENTOR, PUBLICATION_YEAR, APPLICATION_YEAR, ISSUE_YEAR, AUTHORITY, SIMPLE_LEGAL_STATUS, LEGAL_STATUS, LEGAL_EVENT, PATENT_TYPE, ANCS_TYPE, AGENCY, IPC_SUBCLASS, CPC_SUBCLASS…';

export const facetsCommand: Command = {
  name: 'facets',
  summary: 'the top values of up to five fields over a query\u2019s results (P003)',
  usage: 'facets QUERY --field F[,F] [--limit N] [--json]',
  details: [
    '  QUERY          PatSnap query syntax, without positional operators ($W, $PRE, $WS, $SEN, $PARA, $FREQ)',
    `  --field F[,F]  one to five field codes: ${FIELDS}`,
    '  --limit N      values per field, 1-100 (default 10)',
    '  --json         print {"query", "fields": {"FIELD": [{"name", "count"}]}}',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { field: { type: 'string', multiple: true }, limit: { type: 'string' }, json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'QUERY', usage);
    const fields = facetFieldCodes((values.field ?? []).flatMap((f) => listOption(f) ?? []));
    if (fields.length === 0) throw new UsageError('Missing --field: name one to five fields, e.g. --field ASSIGNEE,PUBLICATION_YEAR.', usage);
    const params: FacetParams = { query: positionals.join(' ').trim(), fields, limit: integerOption(values.limit, '--limit', usage, { min: 1, max: 100 }) ?? 10, offset: 0 };
    const problem = queryErrors(diagnose(params.query, { endpoints: ['facets'] }))[0] ?? checkFacetParams(params)[0]?.message;
    if (problem) throw new UsageError(problem, usage);

    const counts = await (await client()).facets(params, { signal: io.signal });
    if (values.json) {
      writeJson(io, { query: params.query, fields: counts });
      return 0;
    }
    const blocks = fields.map((field) => {
      const rows = (counts[field] ?? []).map((v) => [v.name, formatCount(v.count)]);
      return rows.length === 0 ? `${field}\n(no values)\n` : `${field}\n${renderTable(['Value', 'Count'], rows, { maxWidth: io.stdout.isTTY ? io.stdout.columns : undefined, shrinkable: [0] })}`;
    });
    io.stdout.write(blocks.join('\n'));
    return 0;
  },
};
