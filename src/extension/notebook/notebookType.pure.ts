/**
 * The names VS Code knows the search notebook by, cheap to import at activation (the
 * serializer is registered then; its code loads with the first notebook).
 */
export const NOTEBOOK_TYPE = 'patent-search';
export const QUERY_LANGUAGE = 'patsnap-query';
/** Outputs are drawn from the runs stored in the cells, never saved. */
export const NOTEBOOK_CONTENT_OPTIONS = { transientOutputs: true } as const;
