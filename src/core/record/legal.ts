/** P013's three kinds of status and one timeline of P026's events, for the panel, the CLI and the citation checks. */
import { defined } from '../api/mapping';
import type { LegalEvents, LegalStatusDetail } from '../api/recordTypes';

/** yyyyMMdd (as the API sends dates) to yyyy-mm-dd; anything that is not a calendar date is undefined. */
export function isoDate(ymd: number | undefined): string | undefined {
  if (ymd === undefined || !Number.isInteger(ymd)) return undefined;
  const s = String(ymd);
  if (!/^\d{8}$/.test(s)) return undefined;
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

export interface LegalSummary {
  /** Active, Pending, Inactive, … (as given: labels may be localised). */
  simple: string[];
  /** Granted, Revoked, Expired, … */
  detailed: string[];
  /** Transfer, Opposition, Litigation, … */
  events: string[];
  /** yyyy-mm-dd of the latest legal change. */
  date?: string;
}

export function legalSummary(d: LegalStatusDetail): LegalSummary {
  const date = isoDate(d.legalDate);
  return { simple: [...d.simple], detailed: [...d.detailed], events: [...d.events], ...(date ? { date } : {}) };
}

export interface TimelineEvent {
  /** yyyy-mm-dd; undefined when the service gave no usable date (such events come last). */
  date?: string;
  /** INPADOC's worldwide legal events, or the office's own register. */
  source: 'inpadoc' | 'office';
  /** The office the event happened at. */
  office?: string;
  code?: string;
  description?: string;
  /** Office events: the status the event leaves the patent in. */
  legalStatus?: string;
  /** Office events: the gazette volume. */
  volume?: string;
  others?: string;
}

/**
 * INPADOC and office events in one list, oldest first; events of one day keep the
 * service's order (INPADOC first). `office` defaults to the patent's own office for
 * office events, which the service does not label.
 */
export function legalTimeline(events: LegalEvents): TimelineEvent[] {
  const own = /^[A-Z]{2}/.exec(events.pn.toUpperCase())?.[0];
  const all: TimelineEvent[] = [
    ...events.inpadoc.map((e) => defined<TimelineEvent>({ date: isoDate(e.date), source: 'inpadoc', office: e.country, code: e.code, description: e.description })),
    ...events.official.map((e) =>
      defined<TimelineEvent>({ date: isoDate(e.date), source: 'office', office: own, code: e.code, description: e.description, legalStatus: e.legalStatus, volume: e.volume, others: e.others }),
    ),
  ];
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date === b.e.date ? a.i - b.i : a.e.date === undefined ? 1 : b.e.date === undefined ? -1 : a.e.date < b.e.date ? -1 : 1))
    .map(({ e }) => e);
}
