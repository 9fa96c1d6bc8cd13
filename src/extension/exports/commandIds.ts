/** The export command ids, in one place (no `vscode` import: a unit test checks them against package.json). */
export const EXPORT_COMMANDS = {
  exportSearch: 'patentLookup.exportSearch',
  openFile: 'patentLookup.exports.openFile',
  revealFile: 'patentLookup.exports.revealFile',
  downloadAgain: 'patentLookup.exports.downloadAgain',
  copyTaskId: 'patentLookup.exports.copyTaskId',
  exportAgain: 'patentLookup.exports.exportAgain',
  remove: 'patentLookup.exports.remove',
} as const;

export type ExportCommandId = (typeof EXPORT_COMMANDS)[keyof typeof EXPORT_COMMANDS];

/** Commands that act on one row of the Exports view: hidden from the palette. */
export const EXPORT_ITEM_COMMANDS: readonly ExportCommandId[] = Object.values(EXPORT_COMMANDS).filter((id) => id !== EXPORT_COMMANDS.exportSearch);
