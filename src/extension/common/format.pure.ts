/** Display formats shared by the tree, the panel and messages. Pure. */
import { dateRangeWords as rangeInWords, dateWriter, type DateWriter, type RangeOf } from '../../core/text/dates';
import { displayLocale } from './l10n.pure';
import type { Translator } from '../../core/text/translator';

/** yyyyMMdd (the API's dates) as ISO yyyy-MM-dd; undefined for anything else. */
export function formatYmd(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isInteger(value)) return undefined;
  const s = String(value);
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : undefined;
}

let writer: { locale: string | undefined; dates: DateWriter } | undefined;

/** The writer of dates in VS Code's display language (`displayLocale`), the one the patent panel's webview uses. */
export function displayDates(): DateWriter {
  const locale = displayLocale();
  if (writer && writer.locale === locale) return writer.dates;
  writer = { locale, dates: dateWriter(locale) };
  return writer.dates;
}

/** A yyyy-MM-dd date (or yyyyMMdd, the API's) as the patent panel writes it in the display language: "Feb 20, 2025", "2025年2月20日", "2025/02/20"; undefined for none; one that is not a whole date, as given. */
export function formatDay(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = typeof value === 'number' ? formatYmd(value) : value;
  return iso === undefined ? undefined : displayDates().day(iso);
}

/** Grouped thousands, independent of the host's locale so tests and screenshots agree. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A time of day, or a date and time when not today, in VS Code's display language (`displayLocale`). */
export function formatWhen(epochMs: number, now: number): string {
  const at = new Date(epochMs);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return sameDay ? at.toLocaleTimeString(displayLocale(), { hour: '2-digit', minute: '2-digit' }) : at.toLocaleString(displayLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A date range (yyyyMMdd ends, `*` or none for an open one) in words, its days as the patent
 * panel writes them: "from Jan 1, 2020", "until Dec 31, 2023", "Jan 1, 2020 to Dec 31, 2023"
 * ("2020/01/01以降" in Japanese), or with `of` the dates it limits in the same words
 * ("published from Jan 1, 2020"); "" when both ends are open.
 */
export function dateRangeWords(from: string | undefined, to: string | undefined, l10n: Translator, of?: RangeOf): string {
  return rangeInWords(from, to, l10n, (iso) => displayDates().day(iso), of);
}
