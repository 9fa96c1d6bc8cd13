/** What the record commands (claims, family, citations, events) share: one patent number in, its record out. */
import { UsageError } from '../io';
import { answersNumber, toPublicationNumber } from '../patentNumbers';

/** The one NUMBER of a record command, in the compact form the API takes. */
export function oneNumber(positionals: readonly string[], command: string, usage: string): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Missing NUMBER.' : `${command} takes one NUMBER.`, usage);
  return toPublicationNumber(positionals[0] as string, usage);
}

/** The answer about `number` among a batch answer (the service may add a kind code). */
export function answerFor<T extends { pn: string }>(items: readonly T[], number: string): T | undefined {
  return items.find((i) => answersNumber(number, i.pn));
}

export function notFound(number: string): UsageError {
  return new UsageError(`No patent found for ${number}.`);
}
