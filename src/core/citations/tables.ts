/**
 * Citation lists as tables: Markdown, and the US Information Disclosure Statement's three
 * lists (U.S. patents, U.S. patent application publications, foreign patent documents), set
 * out as the USPTO's form SB/08 sets them out. Text from PatSnap is escaped: a title can never
 * become a link, markup or a cell of its own.
 */
import type { NumberStyle } from '../numbers';
import { escapeMarkdown } from '../text/escape';
import type { CitationEntry } from './entries';
import { legalLabel } from './status';
import { stageOf } from './lint';
import { numberText } from './report';

export interface TableOptions {
  /** How numbers are written: compact `US11205304B2` or the office's printed style `US 11,205,304 B2` (default). */
  style?: NumberStyle;
}

/** Letters, digits, spaces and `,./-` cannot make markup in a table cell: numbers and dates stay readable as text. */
const INERT = /^[A-Za-z0-9 ,./-]*$/;
const cell = (text: string | undefined, max = 300): string => (!text ? '' : INERT.test(text) && text.length <= max ? text : escapeMarkdown(text, max));
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const header = (titles: readonly string[]): string => `${row(titles)}\n${row(titles.map(() => '---'))}`;

/** Assignees, else applicants: who holds the patent. */
export function holders(entry: CitationEntry): string[] {
  const f = entry.facts;
  if (!f) return [];
  return f.assignees.length > 0 ? f.assignees : f.applicants;
}

function titleOf(entry: CitationEntry): string {
  if (entry.found === false) return entry.type === 'application' ? 'No publication found in PatSnap' : 'Not found in PatSnap';
  return entry.facts?.title ?? '';
}

/** One row per patent: number, title, holder, inventors, dates, application, legal status. */
export function markdownTable(entries: readonly CitationEntry[], options: TableOptions = {}): string {
  const style = options.style ?? 'office';
  const lines = [header(['#', 'Number', 'Title', 'Applicant / assignee', 'Inventors', 'Published', 'Application', 'Legal status'])];
  entries.forEach((e, i) => {
    const f = e.facts;
    lines.push(
      row([
        String(i + 1),
        cell(numberText(e.number, style)),
        cell(titleOf(e)),
        cell(holders(e).join('; ')),
        cell(f?.inventors.join('; ')),
        cell(f?.publicationDate),
        cell(f?.applicationNumber ?? (e.type === 'application' ? e.number : undefined)),
        cell(f?.legal ? `${legalLabel(f.legal)}${f.legal.date ? ` (${f.legal.date})` : ''}` : undefined),
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

type IdsList = 'usPatent' | 'usPublication' | 'foreign';

function idsList(entry: CitationEntry): IdsList {
  if (entry.office !== 'US') return 'foreign';
  const stage = stageOf(entry.number);
  if (stage) return stage === 'grant' ? 'usPatent' : 'usPublication';
  // No kind: US pre-grant publications are a year and seven digits; patents are shorter.
  return /^\d{11}$/.test(entry.docNumber) ? 'usPublication' : 'usPatent';
}

/** Who the IDS names: for U.S. documents the first inventor (et al.), for foreign ones the applicant. */
function idsName(entry: CitationEntry): string {
  const f = entry.facts;
  if (!f) return '';
  const people = entry.office === 'US' ? [f.inventors, holders(entry)] : [holders(entry), f.inventors];
  const list = people.find((l) => l.length > 0) ?? [];
  const first = list[0];
  if (!first) return '';
  return list.length > 1 ? `${first} et al.` : first;
}

/**
 * The IDS's three lists, each numbered on from the last (Cite No.), with an empty list said
 * to be empty. Application numbers that resolved to no publication cannot be cited there:
 * they are named at the end.
 */
export function idsTables(entries: readonly CitationEntry[]): string {
  const lists: Record<IdsList, CitationEntry[]> = { usPatent: [], usPublication: [], foreign: [] };
  const unpublished: CitationEntry[] = [];
  for (const e of entries) {
    if (e.type === 'application') unpublished.push(e);
    else lists[idsList(e)].push(e);
  }
  let cite = 0;
  const out: string[] = [];
  const section = (title: string, titles: string[], list: CitationEntry[], cells: (e: CitationEntry) => string[]): void => {
    out.push(`## ${title}\n`);
    if (list.length === 0) {
      out.push('None.\n');
      return;
    }
    out.push(`${[header(titles), ...list.map((e) => row([String(++cite), ...cells(e).map((c) => cell(c))]))].join('\n')}\n`);
  };
  const date = (e: CitationEntry): string => e.facts?.publicationDate ?? '';
  section('U.S. Patents', ['Cite No.', 'Patent Number', 'Kind Code', 'Issue Date', 'Name of Patentee or Applicant of Cited Document'], lists.usPatent, (e) => [e.docNumber, e.kind ?? '', date(e), idsName(e)]);
  section('U.S. Patent Application Publications', ['Cite No.', 'Publication Number', 'Kind Code', 'Publication Date', 'Name of Patentee or Applicant of Cited Document'], lists.usPublication, (e) => [
    e.docNumber,
    e.kind ?? '',
    date(e),
    idsName(e),
  ]);
  section('Foreign Patent Documents', ['Cite No.', 'Foreign Document Number', 'Country Code', 'Kind Code', 'Publication Date', 'Name of Patentee or Applicant of Cited Document'], lists.foreign, (e) => [
    e.docNumber,
    e.office,
    e.kind ?? '',
    date(e),
    idsName(e),
  ]);
  if (unpublished.length > 0) out.push(`Not listed (application numbers with no publication found): ${unpublished.map((e) => cell(e.number)).join(', ')}\n`);
  return out.join('\n');
}
