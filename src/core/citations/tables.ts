/**
 * Citation lists as tables: Markdown, and the US Information Disclosure Statement's three
 * lists (U.S. patents, U.S. patent application publications, foreign patent documents), set
 * out as the USPTO's form SB/08 sets them out. Text from PatSnap is escaped: a title can never
 * become a link, markup or a cell of its own.
 *
 * The Markdown table is for reading, so the extension has it in the display language; the
 * IDS lists stay English on purpose: they are the USPTO form's own columns, for a US filing.
 */
import type { NumberStyle } from '../numbers';
import { statusLabelsOf } from '../record/statusLabels';
import { escapeMarkdown } from '../text/escape';
import { listOf, withAside } from '../text/punctuation';
import { ENGLISH, type Translator } from '../text/translator';
import type { CitationEntry } from './entries';
import type { LegalState } from './types';
import { legalLabel, legalParts } from './status';
import { stageOf } from './lint';
import { numberText } from './report';

export interface TableOptions {
  /** How numbers are written: compact `US11205304B2` or the office's printed style `US 11,205,304 B2` (default). */
  style?: NumberStyle;
  /**
   * The reader's language (the extension's `vscode.l10n`): the headers, the words for a patent
   * not found and the legal statuses (`statusLabelsOf`). None (the CLI): English, each status as
   * PatSnap wrote it.
   */
  l10n?: Translator;
  /** How a yyyy-MM-dd reads: the display language's date in the extension (`formatDay`); as it stands (ISO) in the CLI. */
  date?: (iso: string) => string;
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

function titleOf(entry: CitationEntry, l10n: Translator): string {
  if (entry.found === false) return entry.type === 'application' ? l10n.t('No publication found in PatSnap') : l10n.t('Not found in PatSnap');
  return entry.facts?.title ?? '';
}

/** "Inactive, Revoked (2025-06-21)": the statuses in the reader's words with the language's comma, or as PatSnap wrote them (no `l10n`), with the date PatSnap gives the status. */
function legalText(legal: LegalState, l10n: Translator | undefined, date: (iso: string) => string): string {
  if (!l10n) return `${legalLabel(legal)}${legal.date ? ` (${date(legal.date)})` : ''}`;
  const parts = legalParts(legal);
  const label = parts.length > 0 ? listOf(l10n, statusLabelsOf(parts, l10n)) : l10n.t('no legal status');
  return legal.date ? withAside(l10n, label, date(legal.date)) : label;
}

/** One row per patent: number, title, holder, inventors, dates, application, legal status. */
export function markdownTable(entries: readonly CitationEntry[], options: TableOptions = {}): string {
  const style = options.style ?? 'office';
  const l10n = options.l10n ?? ENGLISH;
  const date = options.date ?? ((iso: string) => iso);
  const lines = [header(['#', l10n.t('Number'), l10n.t('Title'), l10n.t('Applicant / assignee'), l10n.t('Inventors'), l10n.t('Published'), l10n.t('Application'), l10n.t('Legal status')])];
  entries.forEach((e, i) => {
    const f = e.facts;
    lines.push(
      row([
        String(i + 1),
        cell(numberText(e.number, style)),
        cell(titleOf(e, l10n)),
        cell(holders(e).join('; ')),
        cell(f?.inventors.join('; ')),
        cell(f?.publicationDate && date(f.publicationDate)),
        cell(f?.applicationNumber ?? (e.type === 'application' ? e.number : undefined)),
        cell(f?.legal && legalText(f.legal, options.l10n, date)),
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
