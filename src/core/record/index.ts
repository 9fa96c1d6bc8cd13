/** What the panel, the hover, the citation checks and the CLI make of a patent's record. */
export * from './citations';
export * from './claims';
export * from './family';
export * from './legal';
export * from './resolution';
export * from './statusLabels';
