import type { CountParams } from '../../core/api/types';
import { checkCountParams } from '../../core/api/validation';
import { diagnose } from '../../core/query';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine } from '../command';
import { UsageError } from '../io';
import { oneLineQuery, queryErrors } from './query';

export const countCommand: Command = {
  name: 'count',
  summary: 'the hit count of each query, without fetching results (P001)',
  usage: 'count QUERY...',
  details: [
    '  QUERY    PatSnap query syntax; each argument is a query of its own, e.g.',
    '           count "TTL:battery" "TTL:battery AND PBD:[20200101 TO *]"',
    '',
    'Prints one line per query, COUNT<TAB>QUERY, in the order given. Every query is checked',
    'before any is sent; one call (billed) per query.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { positionals } = parseCommandArgs(args, {}, usage);
    requirePositionals(positionals, 'QUERY', usage);
    const params: CountParams[] = positionals.map((query) => ({ query: query.trim() }));
    // Nothing is sent while any query has a problem.
    for (const [i, p] of params.entries()) {
      const problem = queryErrors(diagnose(p.query, { endpoints: ['count'] }))[0] ?? checkCountParams(p)[0]?.message;
      if (problem) throw new UsageError(params.length > 1 ? `Query ${i + 1} (${oneLineQuery(p.query, 60)}): ${problem}` : problem, usage);
    }
    const api = await client();
    for (const p of params) {
      const total = await api.count(p, { signal: io.signal });
      io.stdout.write(`${total}\t${oneLineQuery(p.query)}\n`);
    }
    return 0;
  },
};
