/** Display formats shared by the tree, the panel and messages. Pure. */
import { displayLocale } from './l10n.pure';

/** yyyyMMdd (the API's dates) as ISO yyyy-MM-dd; undefined for anything else. */
export function formatYmd(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isInteger(value)) return undefined;
  const s = String(value);
  return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : undefined;
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
