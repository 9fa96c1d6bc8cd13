/**
 * A patent number as a user types it in "Open Patent…" (`US 11,205,304 B2`), in the compact
 * form the API takes (`US11205304B2`). Pure. The normaliser is the core's, the same the CLI
 * uses; this is the one place the extension calls it.
 */
import { typedPublicationNumber } from '../../core/numbers';

export type PatentNumberInput = { ok: true; number: string } | { ok: false; problem: string };

export function normalisePatentInput(input: string): PatentNumberInput {
  const typed = typedPublicationNumber(input);
  return typed.ok ? { ok: true, number: typed.number } : typed;
}
