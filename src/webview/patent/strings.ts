/**
 * The words the panel's record sections use. The host sends them, translated
 * (`vscode.l10n.t` in src/extension/patent/panelStrings.ts, one call per key), before
 * anything else; `{0}`, `{1}` are filled here. A key the host did not send reads as
 * itself, which a test would notice.
 */
export const PANEL_STRING_KEYS = [
  'sections',
  'tabClaims',
  'tabFamily',
  'tabCitations',
  'tabLegal',
  'tabDocuments',
  'loadingClaims',
  'loadingFamily',
  'loadingCitations',
  'loadingLegal',
  'claimsSummary',
  'claimsLanguage',
  'claimsOtherLanguages',
  'claimsSubstitute',
  'copyIndependent',
  'copyClaim',
  'copyClaimLabel',
  'copiedClaim',
  'copiedIndependent',
  'independent',
  'dependsOn',
  'familyTypes',
  'familySimple',
  'familyInpadoc',
  'familyPatsnap',
  'familySummary',
  'familyOffice',
  'thisPatent',
  'columnNumber',
  'columnKind',
  'columnPublished',
  'columnStatus',
  'columnTitle',
  'columnCategory',
  'columnCitedBy',
  'openPatentLabel',
  'citesHeading',
  'citesNone',
  'literatureHeading',
  'literatureNone',
  'openDoiLabel',
  'citedByHeading',
  'citedByNone',
  'citedByCounts',
  'withinThreeYears',
  'withinFiveYears',
  'bySimpleFamily',
  'byInpadocFamily',
  'byPatsnapFamily',
  'legalSimple',
  'legalDetailed',
  'legalEvents',
  'legalDate',
  'timelineHeading',
  'timelineNone',
  'sourceInpadoc',
  'sourceOffice',
  'eventStatus',
  'eventVolume',
  'undated',
  'enlargeDrawing',
  'drawingDialog',
  'zoomIn',
  'zoomOut',
  'zoomFit',
  'close',
  'loadedClaims',
  'loadedFamily',
  'loadedCitations',
  'loadedLegal',
] as const;

export type PanelStringKey = (typeof PANEL_STRING_KEYS)[number];

let strings: Readonly<Record<string, string>> = {};

export function setStrings(next: Readonly<Record<string, string>>): void {
  strings = next;
}

/** The host's text for `key`, with `{0}`, `{1}` … replaced by `args`. */
export function t(key: PanelStringKey, ...args: Array<string | number>): string {
  const template = Object.hasOwn(strings, key) ? (strings[key] as string) : key;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
