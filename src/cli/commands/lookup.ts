import { keepPartial, type BatchOutcome } from '../../core/api/errors';
import type { Bibliography, LegalStatus, Party } from '../../core/api/types';
import { parseCommandArgs, requirePositionals } from '../args';
import { allOrNothing, type Command, usageLine, writeJson } from '../command';
import { formatDate } from '../format';
import { answersNumber, distinct, toPublicationNumber } from '../patentNumbers';

export interface LookupEntry {
  number: string;
  found: boolean;
  bibliography?: Bibliography;
  legalStatus?: string[];
}

export const lookupCommand: Command = {
  name: 'lookup',
  summary: 'bibliography and legal status of patents by publication number',
  usage: 'lookup NUMBER... [--json]',
  details: [
    '  NUMBER   publication numbers as written, e.g. US11205304B2, "EP 1 234 567 B1" (any number, sent in batches of 100)',
    '  --json   print an array of {number, found, bibliography, legalStatus}',
    '',
    'Exits 2 when a number is not found (the others are still printed). When some batches fail,',
    'what came is printed and one line names the numbers not looked up; the exit code is the failure\'s.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'NUMBER', usage);
    const numbers = distinct(positionals.map((p) => toPublicationNumber(p, usage)));

    const api = await client();
    const [bib, legal] = await allOrNothing<[BatchOutcome<Bibliography>, BatchOutcome<LegalStatus>]>(io.signal, (signal) => [
      keepPartial(api.bibliography({ numbers }, { signal })),
      keepPartial(api.legalStatus({ numbers }, { signal })),
    ]);
    const bibliographies = bib.results;
    const statuses = legal.results;
    const notLookedUp = new Set([...bib.missing.numbers, ...legal.missing.numbers]);
    const entries = numbers.filter((n) => !notLookedUp.has(n)).map((number): LookupEntry => {
      const bibliography = bibliographies.find((b) => answersNumber(b.pn, number));
      const legal: LegalStatus | undefined = statuses.find((s) => (bibliography ? s.patentId === bibliography.patentId : false) || answersNumber(s.pn, number));
      return bibliography || legal ? { number, found: true, bibliography, legalStatus: legal?.statuses } : { number, found: false };
    });

    if (values.json) writeJson(io, entries);
    else io.stdout.write(entries.filter((e) => e.found).map(describe).join('\n'));
    const missing = entries.filter((e) => !e.found);
    for (const e of missing) io.stderr.write(`No patent found for ${e.number}.\n`);
    const failure = bib.failure ?? legal.failure;
    if (failure) {
      // Reported as the failure (its exit code and advice), naming what is missing.
      const names = numbers.filter((n) => notLookedUp.has(n));
      throw failure.with(`${failure.message} Not looked up (${names.length} of ${numbers.length}): ${names.join(', ')}.`);
    }
    return missing.length > 0 ? 2 : 0;
  },
};

function names(parties: readonly Party[]): string {
  return parties.map((p) => p.name).join(' | ');
}

function describe(entry: LookupEntry): string {
  const b = entry.bibliography;
  const lines = [`${b?.pn ?? entry.number}  ${b?.title ?? '(no title)'}`];
  const field = (label: string, value: string | undefined): void => {
    if (value) lines.push(`  ${label.padEnd(13)} ${value}`);
  };
  if (b) {
    field('Assignee:', names(b.assignees) || undefined);
    field('Applicant:', b.assignees.length === 0 ? names(b.applicants) || undefined : undefined);
    field('Inventors:', names(b.inventors) || undefined);
    field('Application:', [b.applicationNumber, b.applicationDate ? `filed ${formatDate(b.applicationDate)}` : undefined].filter(Boolean).join(', ') || undefined);
    field('Published:', b.publicationDate ? formatDate(b.publicationDate) : undefined);
    field('Type:', b.patentType);
    field('IPC / CPC:', [b.ipcMain, b.cpcMain].filter(Boolean).join(' / ') || undefined);
    field('Priority:', b.priorityClaims.map((p) => [p.country, p.docNumber].filter(Boolean).join('') + (p.date ? ` (${formatDate(p.date)})` : '')).join(', ') || undefined);
  }
  field('Legal status:', entry.legalStatus?.join(', ') || (entry.legalStatus ? 'none given' : undefined));
  return `${lines.join('\n')}\n`;
}
