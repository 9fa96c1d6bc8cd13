/**
 * The panel's sentences put together from pieces, with the display language's marks:
 * core/text/punctuation gives them through the words the host sent (`joinList` is
 * `vscode.l10n.t('{0}, {1}')`, …), so Chinese reads ，；： and Japanese 、；： where English
 * reads ", " "; " ": ". Codes, numbers and names are not touched.
 */
import type { CachedNote, CitationsPanelView, PatentView } from '../protocol';
import { clausesOf, labelled, listOf } from '../../core/text/punctuation';
import { punctuation, t } from './strings';
import { displayDate } from './wording';

/** Names (assignees, inventors) or classes: "; " in English, since a company's name may have a comma of its own. */
export function namesText(items: readonly string[]): string {
  return clausesOf(punctuation, items);
}

/** What a screen reader hears when the card is shown: "US11205304B2: Title, Active, Cached on …". */
export function cardAnnouncement(p: PatentView, cached: CachedNote | undefined): string {
  return listOf(punctuation, [labelled(punctuation, p.number, p.title ?? t('noTitle')), ...p.legalStatus, ...(cached ? [cached.note] : [])]);
}

/** "US16/123,456, filed Jan 2, 2019": the application's number and date (in the display language), either alone. */
export function applicationText(p: Pick<PatentView, 'applicationNumber' | 'applicationDate'>): string {
  return listOf(punctuation, [p.applicationNumber, p.applicationDate && t('factFiled', displayDate(p.applicationDate))].filter((s): s is string => Boolean(s)));
}

/** "Depends on claim 1, 3". */
export function dependsOnText(parents: readonly number[]): string {
  return t('dependsOn', listOf(punctuation, parents.map(String)));
}

/** PatSnap's counts of the citing patents: "within 3 years: 4, within 5 years: 7, …"; "" for none. */
export function citedByCountsText(c: Extract<CitationsPanelView, { state: 'loaded' }>['counts']): string {
  return listOf(
    punctuation,
    [
      c.threeYears !== undefined ? t('withinThreeYears', c.threeYears) : undefined,
      c.fiveYears !== undefined ? t('withinFiveYears', c.fiveYears) : undefined,
      c.simpleFamily !== undefined ? t('bySimpleFamily', c.simpleFamily) : undefined,
      c.inpadocFamily !== undefined ? t('byInpadocFamily', c.inpadocFamily) : undefined,
      c.patsnapFamily !== undefined ? t('byPatsnapFamily', c.patsnapFamily) : undefined,
    ].filter((x): x is string => x !== undefined),
  );
}
