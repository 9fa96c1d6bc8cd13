/**
 * A citation list as CSV (RFC 4180: CRLF between records; a field holding a quote, a comma or
 * a line break is quoted, its quotes doubled). Written here rather than with csv-stringify,
 * whose writer would be 12 KB of the extension's 200 KB for that one rule. A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is given a leading
 * apostrophe: text from PatSnap is data, never a command. The columns are named in English in
 * every display language on purpose: programs read them by name.
 */
import type { NumberStyle } from '../numbers';
import type { CitationEntry } from './entries';
import { numberText } from './report';
import { holders } from './tables';

const COLUMNS = [
  'number',
  'written',
  'type',
  'office',
  'kind',
  'found',
  'title',
  'holders',
  'inventors',
  'publication_date',
  'application_number',
  'application_date',
  'priority',
  'legal_status',
  'legal_status_detail',
  'legal_status_date',
  'patent_id',
] as const;

/** Characters a spreadsheet reads as the start of a formula (tab and CR too: some strip them first). */
const FORMULA = /^[=+\-@\t\r]/;

const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function inert(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export function csvList(entries: readonly CitationEntry[], options: { style?: NumberStyle } = {}): string {
  const style = options.style ?? 'compact';
  const rows = entries.map((e) => {
    const f = e.facts;
    const values: Record<(typeof COLUMNS)[number], string> = {
      number: numberText(e.number, style),
      written: e.written,
      type: e.type,
      office: e.office,
      kind: e.kind ?? '',
      found: e.found === undefined ? '' : String(e.found),
      title: f?.title ?? '',
      holders: holders(e).join('; '),
      inventors: f?.inventors.join('; ') ?? '',
      publication_date: f?.publicationDate ?? '',
      application_number: f?.applicationNumber ?? (e.type === 'application' ? e.number : ''),
      application_date: f?.applicationDate ?? '',
      priority: f?.priority.map((p) => (p.date ? `${p.number} (${p.date})` : p.number)).join('; ') ?? '',
      legal_status: f?.legal?.simple.join('; ') ?? '',
      legal_status_detail: f?.legal?.detailed.join('; ') ?? '',
      legal_status_date: f?.legal?.date ?? '',
      patent_id: f?.patentId ?? '',
    };
    return COLUMNS.map((c) => inert(values[c]));
  });
  return [[...COLUMNS], ...rows].map((r) => `${r.map(field).join(',')}\r\n`).join('');
}
