import type { Citations, CitedBy } from '../../core/api/recordTypes';
import { describeCitations } from '../../core/record/citations';
import { parseCommandArgs } from '../args';
import { allOrNothing, type Command, usageLine, writeJson } from '../command';
import { UsageError } from '../io';
import { answerFor, notFound, oneNumber } from './record';
import { counted } from '../format';

const DIRECTIONS = ['cites', 'cited-by', 'both'] as const;

export const citationsCommand: Command = {
  name: 'citations',
  summary: 'what a patent cites (with the examiner\u2019s category) and what cites it (P016, P015)',
  usage: 'citations NUMBER [--direction cites|cited-by|both] [--json]',
  details: [
    '  NUMBER        a publication number, e.g. US11205304B2',
    '  --direction   cites (backward), cited-by (forward) or both (the default)',
    '  --json        print {number, cites: [{number, category, citeType}], nonPatent: [{title, doi}], citedBy: [{number}], counts}',
    '                (only the directions asked for)',
    '',
    'Exits 2 when the patent is not found.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { direction: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const direction = (values.direction ?? 'both').toLowerCase();
    if (!(DIRECTIONS as readonly string[]).includes(direction)) throw new UsageError(`--direction is one of ${DIRECTIONS.join(', ')}, not "${values.direction}".`, usage);
    const number = oneNumber(positionals, this.name, usage);
    const api = await client();
    const wantCites = direction !== 'cited-by';
    const wantCitedBy = direction !== 'cites';
    const [cites, citedBy] = await allOrNothing<[Citations[], CitedBy[]]>(io.signal, (signal) => [
      wantCites ? api.citations({ numbers: [number] }, { signal }) : Promise.resolve([]),
      wantCitedBy ? api.citedBy({ numbers: [number] }, { signal }) : Promise.resolve([]),
    ]);
    const mine = answerFor(cites, number);
    const mineBy = answerFor(citedBy, number);
    if (!mine && !mineBy) throw notFound(number);
    const view = describeCitations(mine, mineBy);
    const pn = mine?.pn ?? mineBy?.pn ?? number;
    if (values.json) {
      const out: Record<string, unknown> = { number: pn };
      if (wantCites) {
        out.cites = view.cites.map((c) => ({ number: c.number, category: c.categories.map((k) => k.code), citeType: c.citeTypes.map((k) => k.code) }));
        out.nonPatent = view.nonPatent.map((n) => ({ title: n.title ?? null, doi: n.doi ?? null, doiUrl: n.doiUrl ?? null, authors: n.authors }));
      }
      if (wantCitedBy) {
        out.citedBy = view.citedBy.map((c) => ({ number: c.number }));
        out.counts = view.counts;
      }
      writeJson(io, out);
      return 0;
    }
    if (wantCites) {
      io.stdout.write(`${pn} cites ${counted(view.cites.length, 'patent', 'patents')}${view.nonPatent.length > 0 ? ` and ${counted(view.nonPatent.length, 'other document', 'other documents')}` : ''}\n`);
      const width = Math.max(0, ...view.cites.map((c) => c.number.length));
      for (const c of view.cites) {
        const category = c.categories.map((k) => k.code).join(',');
        io.stdout.write(`  ${c.number.padEnd(width)}  ${category.padEnd(3)}  ${c.citeTypes.map((k) => k.label).join(', ') || 'cited'}\n`);
      }
      for (const n of view.nonPatent) io.stdout.write(`  ${n.title ?? '(untitled)'}${n.doiUrl ? `  ${n.doiUrl}` : n.doi ? `  (${n.doi})` : ''}\n`);
      if (view.cites.some((c) => c.categories.length > 0)) {
        const used = [...new Map(view.cites.flatMap((c) => c.categories).map((k) => [k.code, k.label])).entries()];
        io.stdout.write(`  ${used.map(([code, label]) => `${code}: ${label}`).join('; ')}\n`);
      }
    }
    if (wantCitedBy) {
      const c = view.counts;
      const within = [c.threeYears !== undefined ? `${c.threeYears} within 3 years` : '', c.fiveYears !== undefined ? `${c.fiveYears} within 5 years` : '', c.simpleFamily !== undefined ? `${c.simpleFamily} citing its family` : '']
        .filter(Boolean)
        .join(', ');
      io.stdout.write(`${wantCites ? '\n' : ''}${pn} is cited by ${counted(view.citedBy.length, 'patent', 'patents')}${within ? ` (${within})` : ''}\n`);
      for (const p of view.citedBy) io.stdout.write(`  ${p.number}\n`);
    }
    return 0;
  },
};
