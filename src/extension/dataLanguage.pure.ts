/**
 * Which language of patent data (titles, abstracts, claims, parties) to show where
 * PatSnap gives several, as one of `patentLookup.language`'s values. The order of
 * preference: the setting when the user has set it (user, workspace or folder); else
 * the one matching VS Code's display language; then English; then the first given
 * (the last two are `pickLanguage`'s in the core). Pure.
 */
export type DataLanguage = 'en' | 'cn' | 'jp' | 'de' | 'fr' | 'kr';

export const DATA_LANGUAGES: readonly DataLanguage[] = ['en', 'cn', 'jp', 'de', 'fr', 'kr'];

/** PatSnap's code for a VS Code display language (`vscode.env.language`, e.g. `zh-cn`, `ja`, `de`). */
export function dataLanguageOf(displayLanguage: string): DataLanguage {
  const primary = displayLanguage.trim().toLowerCase().split(/[-_]/)[0];
  switch (primary) {
    case 'zh':
      return 'cn';
    case 'ja':
      return 'jp';
    case 'ko':
      return 'kr';
    case 'de':
      return 'de';
    case 'fr':
      return 'fr';
    default:
      return 'en';
  }
}

/** The setting's value where the user set one, else the display language's. */
export function preferredDataLanguage(setByUser: string | undefined, displayLanguage: string): string {
  const set = setByUser?.trim();
  return set ? set : dataLanguageOf(displayLanguage);
}
