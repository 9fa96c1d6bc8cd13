/** Dates as PatSnap writes them: integers yyyyMMdd, in UTC. */

export function toYmd(date: Date): number {
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

export function fromYmd(ymd: number): Date {
  return new Date(Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100));
}

export function addDays(ymd: number, days: number): number {
  const d = fromYmd(ymd);
  d.setUTCDate(d.getUTCDate() + days);
  return toYmd(d);
}

export function yearOf(ymd: number): number {
  return Math.floor(ymd / 10000);
}

/** True for an 8-digit calendar date such as 20200229 (and false for 20210229). */
export function isValidYmd(ymd: number): boolean {
  if (!Number.isInteger(ymd) || ymd < 10000101 || ymd > 99991231) return false;
  return toYmd(fromYmd(ymd)) === ymd;
}

/** Parses 'yyyyMMdd' text; undefined when it is not a calendar date. */
export function parseYmd(text: string): number | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const n = Number(text);
  return isValidYmd(n) ? n : undefined;
}

/** AWS-style timestamp, e.g. 20240101T120000Z. */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}
