/**
 * The commands of the composition root's command map (exports register their
 * own, in src/extension/exports). Pure, so a unit test can check them against
 * package.json; `commands.ts` types the handler map by these ids, so one cannot
 * be listed without a handler.
 */
export const COMMAND_IDS = [
  'patentLookup.setCredentials',
  'patentLookup.clearCredentials',
  'patentLookup.useSandbox',
  'patentLookup.search',
  'patentLookup.openPatent',
  'patentLookup.showExaminationDocuments',
  'patentLookup.findInDocument',
  'patentLookup.showLog',
  // Tree-only (hidden from the palette).
  'patentLookup.results.refresh',
  'patentLookup.results.sort',
  'patentLookup.results.collapse',
  'patentLookup.results.loadMore',
  'patentLookup.results.clear',
  'patentLookup.results.export',
  'patentLookup.results.copyNumber',
  'patentLookup.results.openPdf',
  'patentLookup.documentPatents.refresh',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** Commands that act on a tree row or a view toolbar and make no sense in the palette. */
export const VIEW_ONLY_COMMANDS: readonly CommandId[] = [
  'patentLookup.results.loadMore',
  'patentLookup.results.copyNumber',
  'patentLookup.results.openPdf',
  'patentLookup.documentPatents.refresh',
];
