/**
 * The hover card's Markdown, from what the lookup gave. Pure (no `vscode`), so the text
 * and its escaping are unit-tested; the hover provider only wraps it in a MarkdownString
 * that trusts exactly `CARD_COMMANDS`.
 */
import type { Bibliography } from '../../core/api/types';
import type { PatentCard } from '../../core/cache/patentLookup';
import type { NumberType } from '../../core/numbers';
import { statusLabelsOf } from '../../core/record/statusLabels';
import { listOf } from '../../core/text/punctuation';
import { formatDay } from '../common/format.pure';
import { examDocsSupported } from '../patent/patentView.pure';
import { commandLink, escapeMarkdown } from './markdown.pure';
import { l10n } from '../common/l10n.pure';

/** The only commands a card's links may run (the MarkdownString's `enabledCommands`). */
export const CARD_COMMANDS = [
  'patentLookup.openPatent',
  'patentLookup.showExaminationDocuments',
  'patentLookup.results.copyNumber',
  'patentLookup.results.openPdf',
  'patentLookup.setCredentials',
] as const;

export type CardLookup =
  | { state: 'found'; card: PatentCard }
  | { state: 'notFound' }
  | { state: 'noCredentials' }
  /** `patentLookup.lookups.enabled` is off: nothing is sent, the card offers the actions only. */
  | { state: 'lookupsDisabled' }
  /** `message` is one short sentence for people; the details went to the log. */
  | { state: 'error'; message: string };

/** What an application number resolved to (P069), when it did in the hover's time. */
export type CardResolution =
  | { state: 'found'; publications: ReadonlyArray<{ pn: string; patentId?: string; title?: string }> }
  | { state: 'notFound' }
  | { state: 'error'; message: string };

export interface CardInput {
  number: string;
  type: NumberType;
  lookup: CardLookup;
  /** The abstract drawing, only when it was cached or arrived in the hover's time. */
  image?: { mimeType: string; base64: string };
  /** Family sizes (P014), only when cached or arrived in the hover's time. */
  family?: { simple: number; inpadoc: number };
  /** An application number's publications. */
  resolution?: CardResolution;
}

/** Publications an application card lists; more are in the panel of each. */
export const MAX_CARD_PUBLICATIONS = 5;

function familyLine(family: CardInput['family']): string | undefined {
  if (!family) return undefined;
  const simple = family.simple === 1 ? l10n.t('Family: 1 member') : l10n.t('Family: {0} members', family.simple);
  return family.inpadoc > family.simple ? l10n.t('{0} (INPADOC {1})', simple, family.inpadoc) : simple;
}

function applicationCard(input: CardInput): string {
  const r = input.resolution;
  const heading = `**${escapeMarkdown(input.number)}** · ${l10n.t('application number')}`;
  const copy = actions(input.number, { open: false, documents: false, pdf: false });
  if (!r) return [heading, copy].join('\n\n');
  if (r.state === 'notFound') return [heading, l10n.t('PatSnap has no publication of this application.'), copy].join('\n\n');
  if (r.state === 'error') return [heading, `_${escapeMarkdown(r.message, 200)}_`, copy].join('\n\n');
  const shown = r.publications.slice(0, MAX_CARD_PUBLICATIONS);
  const lines = shown.map((p) => {
    const arg = p.patentId ? { number: p.pn, patentId: p.patentId } : { number: p.pn };
    return `${commandLink(l10n.t('Open {0}', p.pn), 'patentLookup.openPatent', arg)}${p.title ? ` · ${escapeMarkdown(p.title, 120)}` : ''}`;
  });
  const more = r.publications.length > shown.length ? [`_${l10n.t('and {0} more', r.publications.length - shown.length)}_`] : [];
  return [heading, r.publications.length === 1 ? l10n.t('Published as') : l10n.t('Published as {0} publications', r.publications.length), ...lines, ...more, copy].join('\n\n');
}

/**
 * The drawing's height in the card (px). VS Code caps a hover at 250 px; a taller card
 * scrolls and hides its last lines (the link's own hover part). Bounding the height, not
 * the width, also keeps portrait drawings small.
 */
export const CARD_IMAGE_HEIGHT = 90;

/** Drawings above this (base64 characters) are left to the panel: a hover should stay light. */
export const MAX_CARD_IMAGE_BASE64 = 350_000;

function title(b: Bibliography): string | undefined {
  return b.title ?? Object.values(b.titles)[0];
}

function firstAssignee(b: Bibliography): string | undefined {
  return (b.assignees[0] ?? b.applicants[0])?.name;
}

function actions(number: string, options: { documents: boolean; pdf: boolean; open: boolean }): string {
  const arg = { number };
  const links = [
    options.open ? commandLink(l10n.t('Open Patent'), 'patentLookup.openPatent', arg) : undefined,
    options.documents ? commandLink(l10n.t('Examination Documents'), 'patentLookup.showExaminationDocuments', { ...arg, section: 'documents' }) : undefined,
    commandLink(l10n.t('Copy Number'), 'patentLookup.results.copyNumber', arg),
    options.pdf ? commandLink(l10n.t('Open PDF'), 'patentLookup.results.openPdf', arg) : undefined,
  ];
  return links.filter((l) => l !== undefined).join(' · ');
}

/** The card as Markdown paragraphs; every piece of API text goes through `escapeMarkdown`. */
export function buildCardMarkdown(input: CardInput): string {
  const { lookup } = input;
  // Batch lookups take publication numbers only; an application is resolved to its publications (P069).
  if (input.type === 'application') return applicationCard(input);
  const anyAction = { open: true, documents: examDocsSupported(input.number), pdf: true };
  switch (lookup.state) {
    case 'found': {
      const b = lookup.card.bibliography;
      const pn = b.pn || input.number;
      const status = statusLabelsOf(lookup.card.legalStatus.filter((s) => s.trim() !== ''), l10n);
      const heading = `**${escapeMarkdown(pn)}**${status.length > 0 ? ` · ${escapeMarkdown(listOf(l10n, status))}` : ''}`;
      // Dates as the patent panel writes them, in the display language.
      const [filed, published] = [formatDay(b.applicationDate), formatDay(b.publicationDate)];
      const facts = [
        firstAssignee(b),
        filed && l10n.t('Filed {0}', filed),
        published && l10n.t('Published {0}', published),
      ].filter((f): f is string => typeof f === 'string' && f.trim() !== '');
      const t = title(b);
      return [
        heading,
        t ? escapeMarkdown(t) : `_${l10n.t('No title')}_`,
        // The family's size joins the facts' line: a card taller than VS Code's 250 px would scroll.
        [...facts.map((f) => escapeMarkdown(f, 120)), familyLine(input.family)].filter((f) => f !== undefined).join(' · ') || undefined,
        input.image ? `![${escapeMarkdown(l10n.t('Abstract drawing of {0}', pn))}](data:${input.image.mimeType};base64,${input.image.base64}|height=${CARD_IMAGE_HEIGHT})` : undefined,
        actions(pn, { ...anyAction, documents: examDocsSupported(pn) }),
      ]
        .filter((p) => p !== undefined)
        .join('\n\n');
    }
    case 'notFound':
      return [`**${escapeMarkdown(input.number)}**`, l10n.t('PatSnap has no patent with this number.'), actions(input.number, { open: false, documents: false, pdf: false })].join('\n\n');
    case 'noCredentials':
      return [
        `**${escapeMarkdown(input.number)}**`,
        l10n.t('{0} to see the title, assignee and legal status.', commandLink(l10n.t('Set API credentials'), 'patentLookup.setCredentials')),
        actions(input.number, anyAction),
      ].join('\n\n');
    case 'lookupsDisabled':
      return [`**${escapeMarkdown(input.number)}**`, actions(input.number, anyAction)].join('\n\n');
    case 'error':
      return [`**${escapeMarkdown(input.number)}**`, `_${escapeMarkdown(lookup.message, 200)}_`, actions(input.number, anyAction)].join('\n\n');
  }
}
