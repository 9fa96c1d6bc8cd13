// Citation checks in documents: the lint rules and "what changed since". Pure but
// for `facts.ts`, which looks facts up
// through the client and is loaded by callers only when lookups are allowed.
export * from './types';
export { lintCitations, withKindAdded, bestPublication, isGrant, stageOf, type LintOptions } from './lint';
export { recordCheck, readCheckRecord, changeSince, currentStatus, type CheckRecord, type RecordedStatus } from './history';
export { isInactive, legalLabel, endedBy } from './status';
