import * as path from 'node:path';
import { CITATION_FORMATS, citationEntries, formatCitationList, isCitationFormat } from '../../core/citations';
import { writeFileAtomically } from '../../core/exports/download';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine } from '../command';
import { UsageError } from '../io';
import { lookUpFacts, readCitations } from './citationFiles';

export const citeCommand: Command = {
  name: 'cite',
  summary: 'a citation list of the patents cited in documents (Markdown, CSV, CSL-JSON, BibTeX, IDS)',
  usage: `cite FILE... --format ${CITATION_FORMATS.join('|')} [--out FILE] [--force] [--offline]`,
  details: [
    '  FILE       text files whose patent citations to list, each patent once, in the order first cited',
    '  --format   markdown: a table; csv; csl-json: for Zotero, Pandoc and citeproc; bibtex: biblatex',
    '             @patent entries; ids: the US Information Disclosure Statement\'s three lists',
    '  --out FILE save the list there instead of printing it (written only once complete)',
    '  --force    replace FILE if it exists',
    '  --offline  list the numbers only, without titles, parties and dates; nothing is sent',
    '',
    'An application number is listed as the publication PatSnap resolves it to.',
  ].join('\n'),
  async run(args, context) {
    const { io } = context;
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(
      args,
      { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, offline: { type: 'boolean' } },
      usage,
    );
    requirePositionals(positionals, 'FILE', usage);
    const format = values.format;
    if (format === undefined) throw new UsageError(`Missing --format (${CITATION_FORMATS.join(', ')}).`, usage);
    if (!isCitationFormat(format)) throw new UsageError(`--format is one of ${CITATION_FORMATS.join(', ')}, not "${format}".`, usage);

    const { read, unreadable } = await readCitations(positionals, context);
    const { facts, failure } = await lookUpFacts(read, values.offline === true, context);
    const entries = citationEntries(read.flatMap((f) => f.citations), facts);
    const text = formatCitationList(entries, format);
    if (values.out === undefined) io.stdout.write(text);
    else {
      const saved = await writeFileAtomically(path.resolve(io.cwd, values.out), Buffer.from(text, 'utf8'), { overwrite: values.force });
      io.stderr.write(`Saved ${entries.length} citation(s) to ${path.relative(io.cwd, saved) || saved}.\n`);
    }
    if (failure) throw failure;
    return unreadable > 0 ? 2 : 0;
  },
};
