import { typedPublicationNumber } from '../core/numbers';
import { UsageError } from './io';

export { answersNumber } from '../core/numbers';

/**
 * A publication number as typed on the command line (`US 11,205,304 B2`) in the compact form
 * the API takes: the core's one normaliser, as Open Patent… uses it, so both give the same answer.
 */
export function toPublicationNumber(input: string, usage: string): string {
  const typed = typedPublicationNumber(input);
  if (!typed.ok) throw new UsageError(typed.problem, usage);
  return typed.number;
}

/** Distinct requested numbers, in the order given. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
