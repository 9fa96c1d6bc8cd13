// Citation checks in documents (the lint rules, "what changed since") and citation lists
// (Markdown, CSV, CSL-JSON, BibTeX, IDS). Pure but for `facts.ts`, which looks facts up
// through the client and is loaded by callers only when lookups are allowed.
export * from './types';
export { lintCitations, withKindAdded, bestPublication, isGrant, stageOf, type LintOptions } from './lint';
export { recordCheck, readCheckRecord, changeSince, currentStatus, type CheckRecord, type RecordedStatus } from './history';
export { isInactive, legalLabel, endedBy, statusWords } from './status';
export { citationEntries, type CitationEntry } from './entries';
export type { TableOptions } from './tables';
export { CITATION_FORMATS, FORMAT_FILES, formatCitationList, isCitationFormat, type CitationFormat } from './formats';
export { DEFAULT_SEVERITIES, SEVERITIES, fixText, numberText, writtenStyle, type Severity } from './report';
