/**
 * The panel's counts, dates and status badges as the reader expects them, as plain text
 * (no DOM, so unit tests run it): one of a thing in its own words ("Cites: 1 patent"),
 * dates in VS Code's display language, and a status said once.
 */
import { t, type PanelStringKey } from './strings';

/** `n` in `many` ("Cites: {0} patents"), or `one` for one ("Cites: 1 patent": it has no count, so `rest` fill its {0}, {1}…). */
export function countText(n: number, one: PanelStringKey, many: PanelStringKey, ...rest: Array<string | number>): string {
  return n === 1 ? t(one, ...rest) : t(many, n, ...rest);
}

/** "6 members at 3 offices", "2 members at 1 office", "1 member at 1 office". */
export function familySummaryText(members: number, offices: number): string {
  if (members === 1) return t('familySummaryOne');
  return offices === 1 ? t('familySummaryOneOffice', members) : t('familySummary', members, offices);
}

let locale: string | undefined;
let formatter: Intl.DateTimeFormat | undefined;

/** The display language the host sent with the strings (`vscode.env.language`); the webview's own when it sent none or one Intl does not know. */
export function setDateLocale(next: string | undefined): void {
  locale = next;
  formatter = undefined;
}

function dateFormat(): Intl.DateTimeFormat {
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    }
  }
  return formatter;
}

/**
 * A yyyy-MM-dd date as the display language writes it ("Feb 20, 2025", "2025年2月20日");
 * anything else the API sent (a partial date such as 2025-02-00, an impossible one such
 * as 2025-13-40, not a date at all) as given: never a different day, "Invalid Date" or NaN.
 */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March and reads years 0-99 as 19xx: only a date that comes back as it went in is one.
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return iso;
  return dateFormat().format(at);
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
