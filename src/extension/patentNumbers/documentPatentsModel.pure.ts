/**
 * The "Patents in Document" tree's data: the numbers found in one document, grouped by
 * patent, and a publication's row. Pure (no `vscode`), so the grouping and the rows' text are unit-tested.
 */
import type { PatentCard } from '../../core/cache/patentLookup';
import type { NumberType, PatentNumberMatch } from '../../core/numbers';
import { statusLabelsOf } from '../../core/record/statusLabels';
import { listOf } from '../../core/text/punctuation';
import type { Translator } from '../../core/text/translator';

export interface PatentGroup {
  /** The patent's number: the normalised form, or the `pn` the lookup answered for a kind-less one. */
  key: string;
  type: NumberType;
  /** Every normalised form written for it, in order of first appearance (US7123456, US7123456B2). */
  numbers: string[];
  /** Where it is written, in document order. */
  occurrences: PatentNumberMatch[];
}

/**
 * Groups matches by patent, in order of first appearance. A number written three ways is
 * one group (they normalise alike); `resolvedPn` gives the `pn` a lookup answered for a
 * number, so `US7123456` joins `US7123456B2` once the lookup says they are one patent.
 * Application numbers are a different namespace and never join a publication.
 */
export function groupMatches(matches: readonly PatentNumberMatch[], resolvedPn: (number: string) => string | undefined = () => undefined): PatentGroup[] {
  const groups = new Map<string, PatentGroup>();
  for (const m of matches) {
    const pn = m.type === 'publication' ? resolvedPn(m.number)?.toUpperCase() : undefined;
    const key = `${m.type}:${pn ?? m.number}`;
    let group = groups.get(key);
    if (!group) {
      group = { key: pn ?? m.number, type: m.type, numbers: [], occurrences: [] };
      groups.set(key, group);
    }
    if (!group.numbers.includes(m.number)) group.numbers.push(m.number);
    group.occurrences.push(m);
  }
  return [...groups.values()];
}

/** The publication numbers worth looking up: each once, in order of first appearance. */
export function numbersToLookUp(matches: readonly PatentNumberMatch[]): string[] {
  return [...new Set(matches.filter((m) => m.type === 'publication').map((m) => m.number))];
}

/** Short text for an occurrence row: `12:5  US 7,123,456 B2`. */
export function occurrenceLabel(m: PatentNumberMatch): string {
  return `${m.line}:${m.column}`;
}

export function cardTitle(card: PatentCard): string | undefined {
  return card.bibliography.title ?? Object.values(card.bibliography.titles)[0];
}

/**
 * A publication's row: its description (legal status · title; where it is written while
 * nothing is known) and its tooltip, the legal status in `l10n`'s language. `card`: the
 * lookup's answer, `null` when PatSnap has no such patent, undefined while unknown.
 */
export function publicationRow(number: string, card: PatentCard | null | undefined, group: PatentGroup, where: string, l10n: Translator): { description: string; tooltip: string } {
  const title = card ? cardTitle(card) : undefined;
  const status = card ? listOf(l10n, statusLabelsOf(card.legalStatus, l10n)) : undefined;
  const description = card === null ? l10n.t('not found in PatSnap · {0}', where) : [status, title].filter(Boolean).join(' · ') || where;
  const lines = [number, title, card?.bibliography.assignees[0]?.name, status && l10n.t('Legal status: {0}', status), l10n.t('Written as: {0}', [...new Set(group.occurrences.map((m) => m.text))].join(' | '))];
  return { description, tooltip: lines.filter(Boolean).join('\n') };
}
