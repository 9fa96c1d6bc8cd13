import { parsePatentNumber } from '../core/numbers';
import { UsageError } from './io';

/**
 * A publication number as typed on the command line (`US 11,205,304 B2`) in the
 * compact form the API takes. Unrecognised input passes through compacted, so the
 * service, not our parser, has the last word on what exists.
 */
export function toPublicationNumber(input: string, usage: string): string {
  const parsed = parsePatentNumber(input);
  if (parsed?.type === 'application') {
    throw new UsageError(`${input} is an application number; give a publication number such as US11205304B2.`, usage);
  }
  if (parsed) return parsed.number;
  const compact = input.replace(/[\s,]/g, '').toUpperCase();
  if (!/^[A-Z]{2}[A-Z0-9./-]*\d[A-Z0-9]*$/.test(compact)) {
    throw new UsageError(`"${input}" does not look like a patent number (e.g. US11205304B2, EP 1 234 567 B1).`, usage);
  }
  return compact;
}

/** Whether the service's `pn` answers a requested number, which may lack its kind code. */
export function answersNumber(requested: string, pn: string): boolean {
  const p = pn.toUpperCase();
  return p === requested || (p.startsWith(requested) && /^[A-Z]\d?$/.test(p.slice(requested.length)));
}

/** Distinct requested numbers, in the order given. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
