/** The results view's id, known to the composition root before the search feature loads. */
export const RESULTS_VIEW_ID = 'patentLookup.results';
