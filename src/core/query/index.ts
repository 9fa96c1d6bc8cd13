/**
 * PatSnap's query language, shared by the notebook, the search palette and the CLI:
 * `tokenize` (offsets for highlighting), `diagnose` (problems before sending),
 * `complete` and `hover` (from the field and operator table in `fields.ts`).
 */
export { tokenize, tokenAt, hasWildcard, type Token, type TokenKind } from './tokenize';
export {
  diagnose,
  isSendable,
  MAX_NESTING,
  QUERY_LENGTH_LIMITS,
  type DiagnoseOptions,
  type DiagnosticCode,
  type QueryBackend,
  type QueryDiagnostic,
  type QueryEndpoint,
  type QueryFix,
  type Severity,
} from './diagnose';
export { complete, hover, type CompleteOptions, type HoverOptions, type CompletionKind, type QueryCompletion, type QueryCompletions, type QueryHover } from './complete';
export { FIELDS, OPERATORS, lookupField, type FieldKind, type OperatorKind, type QueryField, type QueryOperator } from './fields';
