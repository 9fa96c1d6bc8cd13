/** The status bar's summary of a document's citation check, as plain data. */
import type { CitationProblem, LintCode } from '../../core/citations';
import { clausesOf, labelled, listOf, sentenceOf } from '../../core/text/punctuation';
import type { Translator } from '../../core/text/translator';

/** How far a check got with its lookups. */
export type LookupState = 'done' | 'pending' | 'failed' | 'off' | 'noCredentials' | 'notVisible';

/** Documents that are checked: files, unsaved ones, remote and virtual files, notebook cells (not output, git or SCM views). */
const CHECKABLE = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-notebook-cell']);

export function isCheckable(scheme: string): boolean {
  return CHECKABLE.has(scheme);
}

export interface CheckSummaryInput {
  citations: number;
  problems: readonly CitationProblem[];
  lookups: LookupState;
  failure?: string;
}

export interface StatusView {
  visible: boolean;
  text: string;
  tooltip: string;
  /** Problems were found (the item takes the warning colours). */
  warning: boolean;
}

function codeName(code: LintCode, l10n: Translator): string {
  switch (code) {
    case 'malformed':
      return l10n.t('impossible number');
    case 'notFound':
      return l10n.t('not found');
    case 'inactive':
      return l10n.t('no longer in force');
    case 'grantedSince':
      return l10n.t('granted since');
    case 'applicationCited':
      return l10n.t('application number');
    case 'duplicate':
      return l10n.t('duplicate');
  }
}

export function statusView(check: CheckSummaryInput | undefined, l10n: Translator): StatusView {
  if (!check || check.citations === 0) return { visible: false, text: '', tooltip: '', warning: false };
  const n = check.problems.length;
  const lines: string[] = [];
  const cited = check.citations === 1 ? l10n.t('1 patent citation in this document') : l10n.t('{0} patent citations in this document', check.citations);
  if (n === 0) lines.push(sentenceOf(l10n, clausesOf(l10n, [cited, l10n.t('no problems found')])));
  else {
    const counts = new Map<LintCode, number>();
    for (const p of check.problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    const parts = [...counts].map(([code, count]) => `${count} ${codeName(code, l10n)}`);
    lines.push(sentenceOf(l10n, clausesOf(l10n, [cited, labelled(l10n, n === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', n), listOf(l10n, parts))])));
  }
  const changed = check.problems.filter((p) => p.changed).length;
  if (changed > 0) lines.push(changed === 1 ? l10n.t('1 status changed since the last check.') : l10n.t('{0} statuses changed since the last check.', changed));
  switch (check.lookups) {
    case 'off':
      lines.push(l10n.t('Offline checks only: lookups are off (setting patentLookup.lookups.enabled).'));
      break;
    case 'noCredentials':
      lines.push(l10n.t('Offline checks only: no PatSnap credentials are set.'));
      break;
    case 'failed':
      lines.push(l10n.t('Some numbers could not be looked up ({0}); they were checked offline only.', check.failure ?? l10n.t('the lookup failed')));
      break;
    case 'pending':
      lines.push(l10n.t('Looking the numbers up…'));
      break;
    default:
      break;
  }
  lines.push(l10n.t('Click to check again.'));
  const text =
    check.lookups === 'pending'
      ? `$(sync~spin) ${check.citations === 1 ? l10n.t('Checking 1 citation…') : l10n.t('Checking {0} citations…', check.citations)}`
      : n > 0
        ? `$(warning) ${n === 1 ? l10n.t('1 citation problem') : l10n.t('{0} citation problems', n)}`
        : `$(check) ${check.citations === 1 ? l10n.t('1 citation') : l10n.t('{0} citations', check.citations)}`;
  return { visible: true, text, tooltip: lines.join('\n'), warning: n > 0 };
}
