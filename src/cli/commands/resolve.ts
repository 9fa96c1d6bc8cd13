import { resolveNumbers } from '../../core/record/resolution';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { formatDate } from '../format';

export const resolveCommand: Command = {
  name: 'resolve',
  summary: 'application or loosely written numbers to the publications PatSnap has (P069)',
  usage: 'resolve NUMBER... [--json]',
  details: [
    '  NUMBER   an application number (US14/706838, "U.S. Appl. No. 17/521,392", CN201510570472.5)',
    '           or a publication number as written, with or without its kind code ("US 7,123,456")',
    '  --json   print an array of {input, publications: [{number, patentId, title, applicationNumber, publicationDate}]}',
    '',
    'Exits 2 when a number resolves to nothing (the others are still printed).',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'NUMBER', usage);
    const resolved = await resolveNumbers(await client(), positionals, { signal: io.signal });
    if (values.json) {
      writeJson(
        io,
        resolved.map((r) => ({
          input: r.input,
          type: r.query.type,
          publications: r.publications.map((p) => ({ number: p.pn, patentId: p.patentId, title: p.title ?? null, applicationNumber: p.applicationNumber ?? null, publicationDate: p.publicationDate ?? null })),
        })),
      );
    } else {
      for (const r of resolved.filter((x) => x.publications.length > 0)) {
        io.stdout.write(`${r.input}\n`);
        const width = Math.max(...r.publications.map((p) => p.pn.length));
        for (const p of r.publications) io.stdout.write(`  ${p.pn.padEnd(width)}  ${formatDate(p.publicationDate).padEnd(10)}  ${p.title ?? ''}`.trimEnd() + '\n');
      }
    }
    const missing = resolved.filter((r) => r.publications.length === 0);
    for (const r of missing) io.stderr.write(`No publication found for ${r.input}.\n`);
    return missing.length > 0 ? 2 : 0;
  },
};
