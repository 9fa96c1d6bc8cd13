/** What the CLI and the extension share when they report a problem: its default severity and its fix as text. */
import { formatPatentNumber, type NumberStyle } from '../numbers';
import { compactNumber } from '../numbers/match';
import type { CitationProblem, LintCode } from './types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * How much each problem matters unless the user says otherwise: a number that cannot exist or
 * that nobody has is wrong; a dead or superseded citation needs a look; an application number
 * or a second form of the same citation is a matter of style.
 */
export const DEFAULT_SEVERITIES: Readonly<Record<LintCode, Severity>> = {
  malformed: 'error',
  notFound: 'error',
  inactive: 'warning',
  grantedSince: 'warning',
  applicationCited: 'information',
  duplicate: 'information',
};

/** The style a number is written in: compact (`US11205304B2`, any case) or the office's printed style. */
export function writtenStyle(text: string): NumberStyle {
  return /^[A-Za-z]{2}[A-Za-z0-9/]+$/.test(text) ? 'compact' : 'office';
}

/** `number` as it would be written in `style`, or compact when the office has no printed style for it. */
export function numberText(number: string, style: NumberStyle): string {
  return formatPatentNumber(number, style) ?? compactNumber(number);
}

/** The fix as the text to write in the citation's place: '' removes it; null when none is known. */
export function fixText(problem: CitationProblem, style: NumberStyle = writtenStyle(problem.citation.text)): string | null {
  if (!problem.fix) return null;
  return problem.fix.kind === 'remove' ? '' : numberText(problem.fix.number, style);
}
