/** The words the panel's record sections use; the host sends them (src/extension/patent/panelStrings.ts). */
import { translator } from '../l10n';
import type { Translator } from '../../core/text/translator';
import { labelIn } from '../../core/record/statusLabels';

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
  'claimsSummaryOne',
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
  'familySummaryOneOffice',
  'familySummaryOne',
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
  'citesHeadingOne',
  'citesNone',
  'literatureHeading',
  'literatureHeadingOne',
  'literatureNone',
  'openDoiLabel',
  'citedByHeading',
  'citedByHeadingOne',
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
  'loadedLegalOne',
  'loadingPatent',
  'patentActions',
  'openPdf',
  'savePdf',
  'copyNumber',
  'examinationDocumentsButton',
  'legalStatusTitle',
  'factAssignees',
  'factApplicants',
  'factInventors',
  'factApplication',
  'factPublished',
  'factKind',
  'factType',
  'abstractHeading',
  'noAbstract',
  'loadingDrawing',
  'noDrawing',
  'drawingCaption',
  'filterDocuments',
  'docCodes',
  'docCodesHint',
  'filterFrom',
  'filterTo',
  'filterApply',
  'documentsNoneAtAll',
  'documentsNoneMatch',
  'openDocument',
  'saveDocument',
  'columnDate',
  'columnCode',
  'columnDescription',
  'columnPages',
  'columnActions',
  'previousPage',
  'nextPage',
  'documentPages',
  'documentsHeading',
  'showDocuments',
  'documentsNotForCn',
  'loadingDocuments',
  'documentsNoneMatchAnnounce',
  'noTitle',
  'factFiled',
  'pageRange',
  'documentsPageAnnounce',
  'documentsInWrapperOne',
  'documentsInWrapper',
  'joinList',
  'joinClauses',
  'joinLabel',
  'joinAside',
  'joinSentence',
  'openDocumentLabel',
  'saveDocumentLabel',
  'docCodesPlaceholder',
] as const;

export type PanelStringKey = (typeof PANEL_STRING_KEYS)[number];

const strings = translator<PanelStringKey>();
export const setStrings = strings.set;
export const t = strings.t;

/** The marks core/text/punctuation asks for, each the host's translation of that very message. */
const MARKS: Readonly<Record<string, PanelStringKey>> = { '{0}, {1}': 'joinList', '{0}; {1}': 'joinClauses', '{0}: {1}': 'joinLabel', '{0} ({1})': 'joinAside', '{0}.': 'joinSentence' };

/** A `Translator` for core/text/punctuation (listOf, clausesOf, …) in the panel's language. */
export const punctuation: Translator = {
  t: (message, ...args) => {
    const key = MARKS[message];
    if (!key) throw new Error(`No panel word for the mark ${message}`);
    return t(key, ...args);
  },
};

let statuses: Readonly<Record<string, string>> = {};

/** The known legal statuses' labels, from the host with the words. */
export function setStatusLabels(next: Readonly<Record<string, string>> | undefined): void {
  statuses = next ?? {};
}

/** A legal status as the panel shows it: a known one in the display language, anything else as given. */
export function statusText(status: string): string {
  return labelIn(statuses, status);
}
