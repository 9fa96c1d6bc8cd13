/**
 * The API's dates as people read them in a language: one format for the patent panel, the
 * notebook's output, the hover card, the side bar and the diagnostics ("Feb 20, 2025",
 * "2025年2月20日" in Chinese, "2025/02/20" in Japanese: Intl's medium date, short enough for
 * a side bar row). Pure, no DOM, so the webviews and the extension host share it.
 */
import type { Translator } from './translator';

/** A date-and-time of a run, in UTC as it is stored, with the zone said ("Dec 1, 2026, 8:30 AM UTC"). */
const TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' };
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

function formatIn(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // A locale Intl does not know (or a malformed tag from another version): the runtime's own.
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** The UTC instant of a yyyy-MM-dd day, or undefined for a partial (2025-02-00), impossible (2025-13-40) or non-date. */
export function dayOf(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March and reads years 0-99 as 19xx: only a date that comes back as it went in is one.
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day ? at.getTime() : undefined;
}

/** What writes dates in one language: `day` for a yyyy-MM-dd, `time` for an ISO timestamp (shown in UTC). */
export interface DateWriter {
  /** A yyyy-MM-dd as the language writes it; anything else as given (never a different day, "Invalid Date" or NaN). */
  day(iso: string): string;
  /** An ISO date-time (yyyy-MM-ddThh:mm…Z) as the language writes it, in UTC, the zone named; anything else as given. */
  time(iso: string): string;
}

/** Dates in `locale` (VS Code's display language, `vscode.env.language`); the runtime's own when it is none or unknown. */
export function dateWriter(locale: string | undefined): DateWriter {
  let day: Intl.DateTimeFormat | undefined;
  let time: Intl.DateTimeFormat | undefined;
  return {
    day: (iso) => {
      const at = dayOf(iso);
      if (at === undefined) return iso;
      day ??= formatIn(locale, DAY);
      return day.format(at);
    },
    time: (iso) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) || dayOf(iso.slice(0, 10)) === undefined) return iso;
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return iso;
      time ??= formatIn(locale, TIME);
      return `${time.format(at)} UTC`;
    },
  };
}

/** What a date range limits, said with it: "published from Jan 1, 2020". */
export type RangeOf = 'published' | 'filed';

/**
 * A date range (yyyyMMdd ends; `*` or none for an open one) in words, its days written by
 * `day` (a yyyy-MM-dd in, as `DateWriter.day`): "from Jan 1, 2020", "until Dec 31, 2023",
 * "Jan 1, 2020 to Dec 31, 2023"; with `of`, the dates it limits said in the same sentence
 * ("published from Jan 1, 2020", 公开日 2020年1月1日起), since a language may not say them
 * by putting a word before the range. "" when both ends are open.
 */
export function dateRangeWords(from: string | undefined, to: string | undefined, l10n: Translator, day: (iso: string) => string, of?: RangeOf): string {
  const ymd = (end: string | undefined): string | undefined => {
    if (end === undefined || end === '*') return undefined;
    const iso = `${end.slice(0, 4)}-${end.slice(4, 6)}-${end.slice(6)}`;
    // Anything but a real day (20230231, a typing error) as it stands: never another day.
    return /^\d{8}$/.test(end) && dayOf(iso) !== undefined ? day(iso) : end;
  };
  const [start, end] = [ymd(from), ymd(to)];
  // Each message written out whole, so the l10n export finds it.
  if (start && end) return of === 'published' ? l10n.t('published {0} to {1}', start, end) : of === 'filed' ? l10n.t('filed {0} to {1}', start, end) : l10n.t('{0} to {1}', start, end);
  if (start) return of === 'published' ? l10n.t('published from {0}', start) : of === 'filed' ? l10n.t('filed from {0}', start) : l10n.t('from {0}', start);
  if (end) return of === 'published' ? l10n.t('published until {0}', end) : of === 'filed' ? l10n.t('filed until {0}', end) : l10n.t('until {0}', end);
  return '';
}
