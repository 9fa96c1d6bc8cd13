/**
 * Every command the extension contributes, grouped by the feature that handles it.
 * The composition root registers a handler for each in one loop (`commands.ts`
 * types the map by these ids, so one cannot be listed without a handler), and a
 * unit test checks them against package.json.
 */

/** The export commands, by name: the tracker and the view refer to them. */
export const EXPORT_COMMANDS = {
  exportSearch: 'patentLookup.exportSearch',
  openFile: 'patentLookup.exports.openFile',
  revealFile: 'patentLookup.exports.revealFile',
  downloadAgain: 'patentLookup.exports.downloadAgain',
  copyTaskId: 'patentLookup.exports.copyTaskId',
  exportAgain: 'patentLookup.exports.exportAgain',
  remove: 'patentLookup.exports.remove',
} as const;

export const FEATURE_COMMANDS = {
  credentials: ['patentLookup.setCredentials', 'patentLookup.clearCredentials', 'patentLookup.useSandbox', 'patentLookup.switchBackend'],
  search: [
    'patentLookup.search',
    'patentLookup.results.refresh',
    'patentLookup.results.sort',
    'patentLookup.results.collapse',
    'patentLookup.results.loadMore',
    'patentLookup.results.clear',
    'patentLookup.results.export',
    'patentLookup.results.detailed',
    'patentLookup.results.compact',
  ],
  panel: ['patentLookup.openPatent', 'patentLookup.showExaminationDocuments', 'patentLookup.results.copyNumber', 'patentLookup.results.openPdf'],
  numbers: ['patentLookup.findInDocument', 'patentLookup.documentPatents.refresh'],
  citations: [
    'patentLookup.citations.check',
    'patentLookup.citations.list',
    'patentLookup.citations.rewriteAll',
    'patentLookup.citations.addToList',
    'patentLookup.citations.ignore',
    'patentLookup.citations.stopIgnoring',
    'patentLookup.citations.clearList',
  ],
  exports: Object.values(EXPORT_COMMANDS),
  notebook: [
    'patentLookup.notebook.new',
    'patentLookup.results.saveToNotebook',
    'patentLookup.notebook.exportSearchLog',
    'patentLookup.notebook.editOptions',
    'patentLookup.notebook.runAgain',
    'patentLookup.notebook.runAllAgain',
  ],
  gettingStarted: ['patentLookup.openWalkthrough', 'patentLookup.openSampleDocument'],
  log: ['patentLookup.showLog', 'patentLookup.clearLookupCache'],
} as const;

export type FeatureName = keyof typeof FEATURE_COMMANDS;
/** The commands of one feature. */
export type FeatureCommandId<F extends FeatureName> = (typeof FEATURE_COMMANDS)[F][number];
export type CommandId = FeatureCommandId<FeatureName>;

export const COMMAND_IDS: readonly CommandId[] = Object.values(FEATURE_COMMANDS).flat();

/** Commands that only make sense from a tree row: hidden from the palette. */
export const VIEW_ONLY_COMMANDS: readonly CommandId[] = [
  'patentLookup.results.loadMore',
  'patentLookup.results.copyNumber',
  'patentLookup.results.openPdf',
  'patentLookup.documentPatents.refresh',
  // Code actions run these with their arguments.
  'patentLookup.citations.ignore',
  ...Object.values(EXPORT_COMMANDS).filter((id) => id !== EXPORT_COMMANDS.exportSearch),
];
