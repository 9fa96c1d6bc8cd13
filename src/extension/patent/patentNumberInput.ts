/**
 * A patent number as a user types it in "Open Patent…" (`US 11,205,304 B2`), in the compact
 * form the API takes (`US11205304B2`). Pure. The normaliser is the core's, the same the CLI
 * uses; this is the one place the extension calls it.
 */
import { parsePatentNumber, typedPublicationNumber } from '../../core/numbers';
import { numberQuery } from '../../core/record/resolution';

export type PatentNumberInput = { ok: true; number: string } | { ok: false; problem: string };

export function normalisePatentInput(input: string): PatentNumberInput {
  const typed = typedPublicationNumber(input);
  return typed.ok ? { ok: true, number: typed.number } : typed;
}

export type OpenPatentInput = { ok: true; kind: 'publication' | 'application'; number: string } | { ok: false; problem: string };

/**
 * What Open Patent… takes: a publication number, or an application number
 * (`US 14/706,838`, `ZL 2015 1 0570472.5`) whose publications it then looks up.
 */
export function openPatentInput(input: string): OpenPatentInput {
  const parsed = parsePatentNumber(input.trim());
  if (parsed?.type === 'application') return { ok: true, kind: 'application', number: parsed.number };
  const publication = normalisePatentInput(input);
  if (publication.ok) return { ok: true, kind: 'publication', number: publication.number };
  // Written in a way our rules do not know, but plainly an application (a slash, a Chinese check digit): let P069 decide.
  const query = input.trim() === '' ? undefined : numberQuery(input);
  if (query?.type === 'application') return { ok: true, kind: 'application', number: query.value };
  return { ok: false, problem: publication.problem.replace(/; give the publication number.*$/, '') };
}
