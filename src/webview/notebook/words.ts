/**
 * The renderer's text as the reader expects it, as plain text (no DOM, so unit tests run it):
 * the words and marks the host sent (`labels`, each `vscode.l10n.t`), counts in the display
 * language's digits and dates as the patent panel writes them (core/text/dates), so a run reads
 * "7 hits (run of Dec 1, 2026, 8:30 AM UTC)" in English and "7 件ヒット（2026/12/01 8:30 UTC
 * の実行）" in Japanese. Numbers, names and codes from the API are not touched.
 */
import { dateWriter, type DateWriter } from '../../core/text/dates';
import { withAside } from '../../core/text/punctuation';
import type { LabelKey, Labels } from './protocol';
import { fillArgs, type Translator } from '../../core/text/translator';

/** The marks core/text/punctuation asks for, each the host's translation of that very message. */
const MARKS: Readonly<Record<string, LabelKey>> = { '{0} ({1})': 'joinAside', '{0}: {1}': 'chartCount' };

export class RunWords {
  private readonly numbers: Intl.NumberFormat;
  readonly dates: DateWriter;
  /** A `Translator` for core/text/punctuation in the output's language. */
  private readonly marks: Translator;

  constructor(
    private readonly l: Labels,
    locale: string,
  ) {
    let numbers: Intl.NumberFormat;
    try {
      numbers = new Intl.NumberFormat(locale || 'en');
    } catch {
      numbers = new Intl.NumberFormat('en');
    }
    this.numbers = numbers;
    this.dates = dateWriter(locale || undefined);
    this.marks = {
      t: (message, ...args) => {
        const key = MARKS[message];
        // An output of another version may lack a mark: English's, rather than nothing.
        return fillArgs(key && typeof l[key] === 'string' ? l[key] : message, ...args);
      },
    };
  }

  /** A count in the display language's digits; "" for anything but a number. */
  n(x: unknown): string {
    return typeof x === 'number' && Number.isFinite(x) ? this.numbers.format(x) : '';
  }

  hits(total: number): string {
    return total === 1 ? this.l.oneHit : fillArgs(this.l.hits, this.n(total));
  }

  /** "7 hits (run of Dec 1, 2026, 8:30 AM UTC)": the count, then when (`ranAt`, an ISO time) as an aside. */
  heading(total: number, ranAt: string): { hits: string; rest: string } {
    const hits = this.hits(total);
    const whole = withAside(this.marks, hits, fillArgs(this.l.ranAt, this.dates.time(ranAt)));
    // The count is bold where the language puts it first (every bundle does); otherwise the whole line is one piece.
    return whole.startsWith(hits) ? { hits, rest: whole.slice(hits.length) } : { hits: '', rest: whole };
  }

  /** "From this session's cache (the run of 2:05 PM UTC)…": `cachedAt` an ISO time. */
  cached(cachedAt: string): string {
    return fillArgs(this.l.cached, this.dates.time(cachedAt));
  }

  /** The results table's name: "Top results (all 16 kept)", "Top results (7 of 1,857 kept)". */
  caption(kept: number, total: number): string {
    return withAside(this.marks, this.l.resultsCaption, kept >= total ? fillArgs(this.l.keptAll, this.n(kept)) : fillArgs(this.l.keptOf, this.n(kept), this.n(total)));
  }

  /** "Gone since the run of Nov 3, 2026 (2)": `since` the day of the run before. */
  gone(since: string, count: number): string {
    return withAside(this.marks, fillArgs(this.l.gone, this.dates.day(since)), this.n(count));
  }

  /** A column's or bar's figure for a screen reader: "2025: 9". */
  chartCount(name: string, count: number): string {
    return fillArgs(this.l.chartCount, name, this.n(count));
  }
}
