/**
 * The panel's text as the reader expects it, as plain text (no DOM, so unit tests run it):
 * - sentences put together from pieces, with the display language's marks: core/text/punctuation
 *   gives them through the words the host sent (`joinList` is `vscode.l10n.t('{0}, {1}')`, …), so
 *   Chinese reads ，；： and Japanese 、；： where English reads ", " "; " ": ";
 * - one of a thing in its own words ("Cites: 1 patent");
 * - dates in VS Code's display language;
 * - a status said once.
 * Codes, numbers and names are not touched.
 */
import type { CachedNote, CitationsPanelView, PatentView } from '../protocol';
import { dateWriter, type DateWriter } from '../../core/text/dates';
import { clausesOf, labelled, listOf } from '../../core/text/punctuation';
import { punctuation, t, type PanelStringKey } from './strings';

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

/** `n` in `many` ("Cites: {0} patents"), or `one` for one ("Cites: 1 patent": it has no count, so `rest` fill its {0}, {1}…). */
export function countText(n: number, one: PanelStringKey, many: PanelStringKey, ...rest: Array<string | number>): string {
  return n === 1 ? t(one, ...rest) : t(many, n, ...rest);
}

/** "6 members at 3 offices", "2 members at 1 office", "1 member at 1 office". */
export function familySummaryText(members: number, offices: number): string {
  if (members === 1) return t('familySummaryOne');
  return offices === 1 ? t('familySummaryOneOffice', members) : t('familySummary', members, offices);
}

let dates: DateWriter = dateWriter(undefined);

/** The display language the host sent with the strings (`vscode.env.language`); the webview's own when it sent none or one Intl does not know. */
export function setDateLocale(next: string | undefined): void {
  dates = dateWriter(next);
}

/**
 * A yyyy-MM-dd date as the display language writes it ("Feb 20, 2025", "2025年2月20日");
 * anything else the API sent (a partial date such as 2025-02-00, an impossible one such
 * as 2025-13-40, not a date at all) as given: never a different day, "Invalid Date" or NaN.
 */
export function displayDate(iso: string): string {
  return dates.day(iso);
}

function sameStatus(s: string): string {
  return s.normalize('NFKC').trim().toLocaleLowerCase();
}

/**
 * Status lists shown side by side (the simple legal status, then the detailed one, then
 * the events), each status once: one already shown, in any list before or in its own,
 * whatever its case, is left out ("Undetermined" and "UNDETERMINED" are one badge).
 */
export function distinctStatuses(...lists: ReadonlyArray<readonly string[]>): string[][] {
  const seen = new Set<string>();
  return lists.map((list) =>
    list.filter((s) => {
      const key = sameStatus(s);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}
