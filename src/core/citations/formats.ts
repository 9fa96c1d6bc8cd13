/** Every citation-list format, by the name `cite --format` and the extension's picker use. */
import { bibtexEntries } from './bibtex';
import { cslJson } from './csl';
import { csvList } from './csv';
import type { CitationEntry } from './entries';
import { idsTables, markdownTable, type TableOptions } from './tables';

export const CITATION_FORMATS = ['markdown', 'csv', 'csl-json', 'bibtex', 'ids'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export function isCitationFormat(value: string): value is CitationFormat {
  return (CITATION_FORMATS as readonly string[]).includes(value);
}

/** File extension and VS Code language of each format, for saving it or opening it in an editor. */
export const FORMAT_FILES: Readonly<Record<CitationFormat, { extension: string; language: string }>> = {
  markdown: { extension: 'md', language: 'markdown' },
  csv: { extension: 'csv', language: 'csv' },
  'csl-json': { extension: 'json', language: 'json' },
  bibtex: { extension: 'bib', language: 'bibtex' },
  ids: { extension: 'md', language: 'markdown' },
};

/**
 * The list in `format`. Only the Markdown table, a list for reading, takes the reader's
 * language (`l10n`, `date`); CSV, CSL-JSON and BibTeX stay English on purpose, being read by
 * programs (spreadsheets, Zotero, Pandoc, biblatex) that look for their fixed names, and so do
 * the IDS lists, which are the USPTO form's columns.
 */
export function formatCitationList(entries: readonly CitationEntry[], format: CitationFormat, options: TableOptions = {}): string {
  switch (format) {
    case 'markdown':
      return markdownTable(entries, options);
    case 'csv':
      return csvList(entries, { style: options.style });
    case 'csl-json':
      return cslJson(entries);
    case 'bibtex':
      return bibtexEntries(entries);
    case 'ids':
      return idsTables(entries);
  }
}
