import type { ExamDocsParams } from '../../core/api/types';
import { parsePatentNumber } from '../../core/numbers';
import { dateOption, integerOption, listOption, parseCommandArgs } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { counted, formatCount, formatDate } from '../format';
import { UsageError } from '../io';

export const examDocsCommand: Command = {
  name: 'exam-docs',
  summary: 'examination documents (office actions, IDS, ...) of a non-CN patent',
  usage: 'exam-docs NUMBER [--doc-code CTNF,IDS] [--from yyyyMMdd] [--to yyyyMMdd] [--limit N] [--offset N] [--json]',
  details: [
    '  NUMBER           a publication number (US11205304B2) or an application number (US14/706838); CN is not covered',
    '  --doc-code LIST  document codes, comma separated, e.g. CTNF,CTFR,IDS',
    '  --from, --to     mailing / receipt date range, yyyyMMdd',
    '  --limit N        documents per page; --offset N skips the first N',
    '  --json           print the page as JSON',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'doc-code': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Missing NUMBER.' : 'exam-docs takes one NUMBER.', usage);
    const input = positionals[0] as string;
    const params: ExamDocsParams = {
      ...patentRef(input),
      docCodes: listOption(values['doc-code'])?.map((c) => c.toUpperCase()),
      dateFrom: dateOption(values.from, '--from', usage),
      dateTo: dateOption(values.to, '--to', usage),
      limit: integerOption(values.limit, '--limit', usage, { min: 1 }),
      offset: integerOption(values.offset, '--offset', usage),
    };
    if (params.dateFrom !== undefined && params.dateTo !== undefined && params.dateFrom > params.dateTo) {
      throw new UsageError('--from is after --to.', usage);
    }

    const page = await (await client()).examinationDocuments(params, { signal: io.signal });
    if (values.json) {
      writeJson(io, page);
      return 0;
    }
    const who = [page.apno, page.patentNumber].filter(Boolean).join(' / ') || input;
    io.stdout.write(`${who}: ${counted(page.docCount, 'document', 'documents')} in the file wrapper, ${formatCount(page.detailCount)} matching\n`);
    const codeWidth = Math.max(0, ...page.documents.map((d) => (d.docCode ?? '').length));
    for (const d of page.documents) {
      const pages = d.pageCount === undefined ? '' : `${d.pageCount} p.`;
      io.stdout.write(`\n${formatDate(d.date).padEnd(10)}  ${(d.docCode ?? '').padEnd(codeWidth)}  ${pages.padStart(6)}  ${d.description ?? ''}`.trimEnd() + '\n');
      if (d.url) io.stdout.write(`            ${d.url}\n`);
    }
    return 0;
  },
};

/** Application numbers (US14/706838) and publication numbers are different namespaces: send each as what it is. */
function patentRef(input: string): Pick<ExamDocsParams, 'apno' | 'patentNumber'> {
  const parsed = parsePatentNumber(input);
  if (parsed) return parsed.type === 'application' ? { apno: parsed.number } : { patentNumber: parsed.number };
  const compact = input.replace(/\s/g, '').toUpperCase();
  return compact.includes('/') ? { apno: compact } : { patentNumber: compact.replace(/,/g, '') };
}
