import type { CommandEntry } from '../command';

/**
 * Every command, as the overview lists it. A command's module (and whatever it
 * imports) loads only when that command runs or shows its own help, so `--help`,
 * `--version`, usage errors and offline commands never load the HTTP stack.
 * To add one: a file here exporting a `Command`, and an entry below whose
 * `summary` is the command's own (a unit test compares them).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'search', summary: 'search patents with a PatSnap query', load: async () => (await import('./search')).searchCommand },
  { name: 'lookup', summary: 'bibliography and legal status of patents by publication number', load: async () => (await import('./lookup')).lookupCommand },
  { name: 'image', summary: "save patents' abstract drawings as image files", load: async () => (await import('./image')).imageCommand },
  { name: 'exam-docs', summary: 'examination documents (office actions, IDS, ...) of a non-CN patent', load: async () => (await import('./examDocs')).examDocsCommand },
  { name: 'claims', summary: 'the claims of a patent as a tree, dependent claims under the claims they refer to (P018)', load: async () => (await import('./claims')).claimsCommand },
  { name: 'family', summary: 'the members of a patent\u2019s family by office, each with its kind, date and legal status (P014)', load: async () => (await import('./family')).familyCommand },
  { name: 'citations', summary: 'what a patent cites (with the examiner\u2019s category) and what cites it (P016, P015)', load: async () => (await import('./citations')).citationsCommand },
  { name: 'events', summary: 'legal status in detail and the legal events of a patent, oldest first (P013, P026)', load: async () => (await import('./events')).eventsCommand },
  { name: 'resolve', summary: 'application or loosely written numbers to the publications PatSnap has (P069)', load: async () => (await import('./resolve')).resolveCommand },
  { name: 'count', summary: 'the hit count of each query, without fetching results (P001)', load: async () => (await import('./count')).countCommand },
  { name: 'facets', summary: 'the top values of up to five fields over a query\u2019s results (P003)', load: async () => (await import('./facets')).facetsCommand },
  { name: 'notebook', summary: 're-run every query of a search notebook and print what is new since its stored run', load: async () => (await import('./notebook')).notebookCommand },
  { name: 'export', summary: 'bulk-export search results to a file (billed per patent)', load: async () => (await import('./export')).exportCommand },
  { name: 'find', summary: 'list the patent numbers written in files, normalised (offline)', load: async () => (await import('./find')).findCommand },
  { name: 'lint', summary: 'check the patent citations in documents: impossible, unknown, lapsed, since granted, application numbers, duplicates', load: async () => (await import('./lint')).lintCommand },
  { name: 'cite', summary: 'a citation list of the patents cited in documents (Markdown, CSV, CSL-JSON, BibTeX, IDS)', load: async () => (await import('./cite')).citeCommand },
  { name: 'sandbox', summary: 'run the local PatSnap-compatible server (sample data, no account needed)', load: async () => (await import('./sandbox')).sandboxCommand },
];
