/**
 * What the panel's record sections show, built from the core's answers: claims as a
 * tree in reading order, the family by office, citations both ways, the legal status
 * and one timeline. Pure, so the mapping is unit-tested; the webview only renders it,
 * as text. Every list is kept within what the protocol takes, and every text clamped.
 */
import type { Citations, CitedBy, LegalEvents, LegalStatusDetail, PatentClaims } from '../../core/api/recordTypes';
import { claimTree, describeCitations, legalSummary, legalTimeline, parseClaims, pickClaimText, type Claim, type ClaimNode, type FamilyView } from '../../core/record';
import { NUMBER_MAX, TEXT_MAX } from '../../webview/limits';
import { l10n } from '../common/l10n.pure';
import type { CitationsPanelView, ClaimRow, ClaimsView, FamilyMemberRow, FamilyPanelView, LegalPanelView } from '../../webview/protocol';

/** What an empty section says; the host translates these. */
export const EMPTY_MESSAGES = {
  claims: 'No claims recorded for this patent.',
  family: 'No family members recorded.',
  citations: 'No citations recorded.',
  legal: 'No legal status or events recorded.',
} as const;

function clamp(text: string, max = TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

function short(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : clamp(text.trim(), 1_000);
}

function shorts(items: readonly string[], max = 50): string[] {
  return items
    .map((s) => short(s))
    .filter((s): s is string => s !== undefined)
    .slice(0, max);
}

/** A number the protocol takes (a member or citation with an absurd number is left out). */
function fits(number: string): boolean {
  return number.length > 0 && number.length <= NUMBER_MAX;
}

/** A count the protocol takes: a whole number, not negative. */
function count(n: number | undefined): number | undefined {
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

const MAX_CLAIMS = 5_000;

/** The tree, flattened in reading order: each claim, then its dependents one level deeper. */
export function claimRows(claims: readonly Claim[]): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const walk = (nodes: readonly ClaimNode[], depth: number): void => {
    for (const node of nodes) {
      if (rows.length >= MAX_CLAIMS) return;
      rows.push({ num: node.num, independent: node.independent, parents: node.parents.slice(0, 1_000), text: clamp(node.text), depth });
      walk(node.children, depth + 1);
    }
  };
  walk(claimTree(claims), 0);
  return rows;
}

export interface ClaimsSection {
  view: ClaimsView;
  /** The claims shown, parsed: what "copy" copies. */
  claims: Claim[];
}

/** The claims in `language` (else the preferred one, else English, else the first), parsed into a tree. */
export function toClaimsSection(answer: PatentClaims | null, preferred: string | undefined, asked: string, empty: string = EMPTY_MESSAGES.claims): ClaimsSection {
  const texts = (answer?.texts ?? []).filter((t) => t.html.trim() !== '');
  const text = pickClaimText(texts, preferred);
  const claims = text ? parseClaims(text.html) : [];
  if (!answer || !text || claims.length === 0) return { view: { state: 'empty', message: empty }, claims: [] };
  const languages = [...new Set(texts.map((t) => t.lang?.trim().toUpperCase()).filter((l): l is string => !!l))].slice(0, 20);
  const view: ClaimsView = {
    state: 'loaded',
    claims: claimRows(claims),
    languages,
    independentCount: claims.filter((c) => c.independent).length,
  };
  const language = text.lang?.trim().toUpperCase();
  if (language) view.language = language;
  // Whose claims these are: PatSnap says so when a family member's stand in.
  const related = answer.pnRelated?.trim();
  if (related && related.toUpperCase() !== asked.toUpperCase() && fits(related) && fits(asked)) view.substitute = { number: related, of: asked };
  return { view, claims };
}

/** Claim text as copied: "N. text", paragraphs on lines of their own. */
export function claimText(claim: Claim): string {
  return `${claim.num}. ${claim.paragraphs.join('\n')}`;
}

export function independentClaimsText(claims: readonly Claim[]): string {
  return claims
    .filter((c) => c.independent)
    .map(claimText)
    .join('\n\n');
}

export function toFamilySection(view: FamilyView | undefined, empty: string = EMPTY_MESSAGES.family): FamilyPanelView {
  if (!view || view.members.length === 0) return { state: 'empty', message: empty };
  return {
    state: 'loaded',
    type: view.type,
    sizes: { simple: view.sizes.simple, inpadoc: view.sizes.inpadoc, patsnap: view.sizes.patsnap },
    offices: view.offices.slice(0, 500).map((group) => ({
      office: short(group.office) ?? '?',
      members: group.members
        .filter((m) => fits(m.number))
        .slice(0, 5_000)
        .map((m) => {
          const row: FamilyMemberRow = {
            number: m.number,
            legalStatus: shorts(m.legalStatus),
            detailedStatus: shorts(m.detailedStatus),
            self: m.self,
          };
          const kind = short(m.kind);
          if (kind) row.kind = kind;
          if (m.date) row.date = m.date;
          if (m.title) row.title = clamp(m.title);
          return row;
        }),
    })),
  };
}

export interface CitationsSection {
  view: CitationsPanelView;
  /** The DOI links of the literature, by index: the host opens them, the webview only asks. */
  doiLinks: ReadonlyArray<string | undefined>;
}

export function toCitationsSection(cites: Citations | null, citedBy: CitedBy | null, empty: string = EMPTY_MESSAGES.citations): CitationsSection {
  // The categories' and citers' labels in the display language.
  const all = describeCitations(cites ?? undefined, citedBy ?? undefined, l10n);
  const none = all.cites.length === 0 && all.nonPatent.length === 0 && all.citedBy.length === 0;
  if (none) return { view: { state: 'empty', message: empty }, doiLinks: [] };
  const nonPatent = all.nonPatent.slice(0, 10_000);
  const counts: Extract<CitationsPanelView, { state: 'loaded' }>['counts'] = { citedBy: all.counts.citedBy };
  for (const key of ['threeYears', 'fiveYears', 'simpleFamily', 'inpadocFamily', 'patsnapFamily'] as const) {
    const n = count(all.counts[key]);
    if (n !== undefined) counts[key] = n;
  }
  const label = (l: { code: string; label: string }): { code: string; label: string } => ({ code: clamp(l.code, 1_000), label: clamp(l.label, 1_000) });
  return {
    view: {
      state: 'loaded',
      cites: all.cites
        .filter((c) => fits(c.number))
        .slice(0, 10_000)
        .map((c) => ({ number: c.number, ...(short(c.kind) ? { kind: short(c.kind) } : {}), categories: c.categories.slice(0, 20).map(label), citeTypes: c.citeTypes.slice(0, 20).map(label) })),
      nonPatent: nonPatent.map((n, index) => {
        const row: Extract<CitationsPanelView, { state: 'loaded' }>['nonPatent'][number] = { index, authors: shorts(n.authors, 200), linked: n.doiUrl !== undefined };
        if (n.title) row.title = clamp(n.title);
        if (n.text) row.text = clamp(n.text);
        const doi = short(n.doi);
        if (doi) row.doi = doi;
        const copyright = short(n.copyright);
        if (copyright) row.copyright = copyright;
        return row;
      }),
      citedBy: all.citedBy
        .map((p) => p.number)
        .filter(fits)
        .slice(0, 10_000)
        .map((number) => ({ number })),
      counts,
    },
    doiLinks: nonPatent.map((n) => n.doiUrl),
  };
}

export function toLegalSection(detail: LegalStatusDetail | null, events: LegalEvents | null, empty: string = EMPTY_MESSAGES.legal): LegalPanelView {
  const summary = detail ? legalSummary(detail) : { simple: [], detailed: [], events: [] };
  const timeline = events ? legalTimeline(events) : [];
  if (summary.simple.length + summary.detailed.length + summary.events.length + timeline.length === 0) return { state: 'empty', message: empty };
  const view: LegalPanelView = {
    state: 'loaded',
    simple: shorts(summary.simple),
    detailed: shorts(summary.detailed),
    events: shorts(summary.events),
    timeline: timeline.slice(0, 5_000).map((e) => {
      const row: Extract<LegalPanelView, { state: 'loaded' }>['timeline'][number] = { source: e.source };
      for (const key of ['date', 'office', 'code', 'legalStatus', 'volume'] as const) {
        const v = short(e[key]);
        if (v) row[key] = v;
      }
      if (e.description?.trim()) row.description = clamp(e.description.trim());
      if (e.others?.trim()) row.others = clamp(e.others.trim());
      return row;
    }),
  };
  if (summary.date) view.date = summary.date;
  return view;
}
