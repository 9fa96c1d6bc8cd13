/**
 * Search notebooks (`.patentsearch`) without VS Code: the file format (`parseNotebook`,
 * `serializeNotebook`), what a cell's run sends (`cellRequests`, `diagnoseCell`), recording
 * a run and comparing it with the one before (`recordRun`, `compareRuns`), and the search
 * log (`renderSearchLogMarkdown`, `renderSearchLogHtml`). The notebook serializer and
 * controller, the renderer and `patent-lookup notebook` build on these.
 */
export * from './schema';
export { NotebookFormatError, emptyNotebook, parseNotebook, serializeNotebook } from './file';
export { cellEndpoints, cellRequests, dateFilter, diagnoseCell, effectiveQuery, type CellRequests, type FacetRequest } from './requests';
export { compareRuns, describeComparison, familyOf, isComplete, keptResult, recordRun, requestChanged, runDay, type RecordOptions, type Recorded, type ResultMark, type RunComparison, type RunHit, type RunInput } from './runs';
export { describeOptions, renderSearchLogHtml, renderSearchLogMarkdown, type SearchLogOptions } from './searchLog';
export { fetchRun, isRunProblemError, planRun, RunProblemError, type FetchRunOptions, type RunPlan, type RunProblem } from './execute';
