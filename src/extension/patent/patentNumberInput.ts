/**
 * A patent number as a user types it in "Open Patent…" (`US 11,205,304 B2`), in
 * the compact form the API takes (`US11205304B2`). Pure. The parsing itself is
 * the core's; this is the one place the extension calls it.
 */
import { parsePatentNumber } from '../../core/numbers';

export type PatentNumberInput = { ok: true; number: string } | { ok: false; problem: string };

export function normalisePatentInput(input: string): PatentNumberInput {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'Type a publication number, e.g. US11205304B2 or EP 1 234 567 B1.' };
  const parsed = parsePatentNumber(typed);
  if (parsed?.type === 'application') {
    return { ok: false, problem: `${parsed.number} is an application number; type the publication number, e.g. US11205304B2.` };
  }
  if (parsed) return { ok: true, number: parsed.number };
  // Not recognised by our rules, but plausibly a number: let the service have the last word.
  const compact = typed.replace(/[\s,]/g, '').toUpperCase();
  if (/^[A-Z]{2}[A-Z0-9.-]*\d[A-Z0-9]*$/.test(compact)) return { ok: true, number: compact.replace(/[.-]/g, '') };
  return { ok: false, problem: `"${typed}" does not look like a patent number (e.g. US11205304B2, EP 1 234 567 B1).` };
}
