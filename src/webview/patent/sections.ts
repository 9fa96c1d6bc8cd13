/**
 * The record's sections in the patent panel: claims as a tree, the family by office,
 * citations both ways, the legal status and its timeline. Each renders what the host
 * sent, as text nodes only (never markup: claim HTML was parsed by the host), and asks
 * the host for everything else by message: a patent's own panel, a DOI in the browser,
 * the clipboard.
 */
import type { CachedNote, CitationsPanelView, ClaimsView, ErrorView, FamilyPanelView, FamilyTypeId, FromWebview, LegalPanelView, RecordSection } from '../protocol';
import { append, button, h, replaceChildren } from './dom';
import { withAside } from '../../core/text/punctuation';
import { punctuation, statusText, t, type PanelStringKey } from './strings';
import { citedByCountsText, countText, dependsOnText, displayDate, distinctStatuses, familySummaryText, namesText } from './words';

export interface SectionDeps {
  send(message: FromWebview): void;
  /** Says `text` to screen readers (what the reader's own action did). */
  announce(text: string): void;
  /** Says that a section loaded, when the reader is waiting for it (chose its tab); not when it loaded by itself. */
  announceLoaded(section: RecordSection, text: string): void;
  errorBlock(error: ErrorView, about: RecordSection): HTMLElement;
  badgeClass(status: string): string;
}

type Pending = { state: 'loading' } | { state: 'empty'; message: string } | { state: 'error'; error: ErrorView };

const LOADING: Record<RecordSection, PanelStringKey> = { claims: 'loadingClaims', family: 'loadingFamily', citations: 'loadingCitations', legal: 'loadingLegal' };

/** Loading, empty and error look the same in every section. */
function pending(panel: HTMLElement, section: RecordSection, view: Pending, deps: SectionDeps): void {
  panel.setAttribute('aria-busy', view.state === 'loading' ? 'true' : 'false');
  if (view.state === 'loading') replaceChildren(panel, h('p', { class: 'status' }, t(LOADING[section])));
  else if (view.state === 'empty') replaceChildren(panel, h('p', { class: 'muted empty' }, view.message));
  else replaceChildren(panel, deps.errorBlock(view.error, section));
}

/** A section shown from the cache past its lifetime: said, quietly, above it (under its `heading`, if any), until the answer replaces it. */
export function markCached(panel: HTMLElement, cached: CachedNote | undefined, heading?: HTMLElement): void {
  if (!cached) return;
  const note = h('p', { class: 'status cached' }, cached.note);
  if (heading) heading.after(note);
  else panel.prepend(note);
  if (cached.refreshing) panel.setAttribute('aria-busy', 'true');
}

/** A patent number that opens its own panel. */
function patentButton(number: string, deps: SectionDeps): HTMLButtonElement {
  return button(number, () => deps.send({ type: 'openPatent', number }), { class: 'link pn', 'aria-label': t('openPatentLabel', number) });
}

function table(headings: readonly string[], rows: readonly HTMLElement[]): HTMLElement {
  return h('table', {}, h('thead', {}, h('tr', {}, ...headings.map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows));
}

/** A date in the display language (`displayDate`), with the ISO date for machines and the tooltip; one that is not a whole date, as given. */
export function readableDate(iso: string | undefined): HTMLElement {
  if (!iso) return h('span', { class: 'muted' }, t('undated'));
  const shown = displayDate(iso);
  if (shown === iso) return h('span', {}, iso);
  const time = h('time', { title: iso }, shown);
  time.dateTime = iso;
  return time;
}

// --- claims ---------------------------------------------------------------------

export function renderClaims(panel: HTMLElement, view: ClaimsView, deps: SectionDeps): void {
  if (view.state !== 'loaded') return pending(panel, 'claims', view, deps);
  panel.setAttribute('aria-busy', 'false');
  const head = h('div', { class: 'section-head' }, h('p', {}, countText(view.claims.length, 'claimsSummaryOne', 'claimsSummary', view.independentCount)));
  if (view.language) append(head, h('p', { class: 'muted' }, t('claimsLanguage', view.language)));
  const others = view.languages.filter((l) => l !== view.language);
  if (others.length > 0) {
    append(
      head,
      h('p', { class: 'languages' }, h('span', { class: 'muted' }, t('claimsOtherLanguages')), ...others.map((l) => button(l, () => deps.send({ type: 'claimsLanguage', language: l }), { lang: l.toLowerCase() }))),
    );
  }
  const substitute = view.substitute;
  const note = substitute
    ? h('p', { class: 'note', role: 'note' }, t('claimsSubstitute', substitute.of, substitute.number), ' ', patentButton(substitute.number, deps))
    : null;
  const toolbar = h(
    'div',
    { class: 'actions', role: 'toolbar', 'aria-label': t('tabClaims') },
    view.independentCount > 0
      ? button(
          t('copyIndependent'),
          () => {
            deps.send({ type: 'copyClaims' });
            deps.announce(t('copiedIndependent'));
          },
          { class: 'secondary' },
        )
      : null,
  );
  // Nested lists: each dependent claim inside the item of the claim it depends on.
  const root = h('ol', { class: 'claim-tree' });
  const lists: HTMLOListElement[] = [root];
  let last: HTMLLIElement | undefined;
  for (const claim of view.claims) {
    while (lists.length > claim.depth + 1) lists.pop();
    if (lists.length < claim.depth + 1 && last) {
      const nested = h('ol', { class: 'claim-tree nested' });
      last.append(nested);
      lists.push(nested);
    }
    const list = lists[lists.length - 1] as HTMLOListElement;
    const kind = claim.independent
      ? h('span', { class: 'badge independent' }, t('independent'))
      : claim.parents.length > 0
        ? h('span', { class: 'muted' }, dependsOnText(claim.parents))
        : null;
    const item = h(
      'li',
      { class: claim.independent ? 'claim independent' : 'claim', id: `claim-${claim.num}`, 'data-num': String(claim.num) },
      h(
        'div',
        { class: 'claim-head' },
        h('span', { class: 'claim-num' }, `${claim.num}.`),
        kind,
        button(
          t('copyClaim'),
          () => {
            deps.send({ type: 'copyClaims', num: claim.num });
            deps.announce(t('copiedClaim', claim.num));
          },
          { class: 'small', 'aria-label': t('copyClaimLabel', claim.num) },
        ),
      ),
      h('p', { class: 'claim-text', lang: view.language === 'CN' ? 'zh' : view.language?.toLowerCase() }, claim.text),
    );
    list.append(item);
    last = item;
  }
  replaceChildren(panel, head, note, toolbar, root);
  deps.announceLoaded('claims', t('loadedClaims', countText(view.claims.length, 'claimsSummaryOne', 'claimsSummary', view.independentCount)));
}

// --- family ---------------------------------------------------------------------

/** A member's legal status badges, then its detailed ones, each status once. */
function statusBadges(legal: readonly string[], detailed: readonly string[], deps: SectionDeps): HTMLElement[] {
  const [simple, more] = distinctStatuses(legal, detailed) as [string[], string[]];
  return [...simple.map((s) => h('span', { class: deps.badgeClass(s) }, statusText(s))), ...more.map((s) => h('span', { class: 'badge detail' }, statusText(s)))];
}

const FAMILY_LABELS: Record<FamilyTypeId, PanelStringKey> = { simple: 'familySimple', inpadoc: 'familyInpadoc', patsnap: 'familyPatsnap' };

export function renderFamily(panel: HTMLElement, view: FamilyPanelView, deps: SectionDeps): void {
  if (view.state !== 'loaded') return pending(panel, 'family', view, deps);
  panel.setAttribute('aria-busy', 'false');
  const types = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('familyTypes') });
  for (const type of ['simple', 'inpadoc', 'patsnap'] as const) {
    const b = button(t(FAMILY_LABELS[type], view.sizes[type]), () => {
      if (type !== view.type) deps.send({ type: 'familyType', familyType: type });
    });
    b.setAttribute('role', 'radio');
    b.setAttribute('aria-checked', String(type === view.type));
    b.tabIndex = type === view.type ? 0 : -1;
    types.append(b);
  }
  types.addEventListener('keydown', (e) => {
    const radios = Array.from(types.querySelectorAll<HTMLButtonElement>('[role="radio"]'));
    const at = radios.indexOf(document.activeElement as HTMLButtonElement);
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step || at < 0) return;
    e.preventDefault();
    const next = radios[(at + step + radios.length) % radios.length];
    next?.focus();
    next?.click();
  });
  const members = view.offices.reduce((n, o) => n + o.members.length, 0);
  const groups = view.offices.map((group) =>
    h(
      'section',
      { class: 'office', 'aria-label': t('familyOffice', group.office, group.members.length) },
      h('h3', {}, t('familyOffice', group.office, group.members.length)),
      table(
        [t('columnNumber'), t('columnKind'), t('columnPublished'), t('columnStatus'), t('columnTitle')],
        group.members.map((m) =>
          h(
            'tr',
            { class: m.self ? 'self' : undefined },
            h('td', { class: 'number' }, m.self ? h('span', { class: 'pn' }, m.number) : patentButton(m.number, deps), m.self ? h('span', { class: 'muted' }, withAside(punctuation, '', t('thisPatent'))) : null),
            h('td', { class: 'code' }, m.kind ?? ''),
            h('td', { class: 'date' }, readableDate(m.date)),
            h('td', { class: 'status' }, ...statusBadges(m.legalStatus, m.detailedStatus, deps)),
            h('td', {}, m.title ?? ''),
          ),
        ),
      ),
    ),
  );
  replaceChildren(panel, types, h('p', { class: 'muted' }, familySummaryText(members, view.offices.length)), ...groups);
  deps.announceLoaded('family', t('loadedFamily', familySummaryText(members, view.offices.length)));
}

// --- citations ------------------------------------------------------------------

function labels(items: ReadonlyArray<{ code: string; label: string }>, cls: string): HTMLElement[] {
  return items.map((l) => h('span', { class: cls, title: l.label }, l.code === l.label ? l.code : `${l.code} \u2013 ${l.label}`));
}

export function renderCitations(panel: HTMLElement, view: CitationsPanelView, deps: SectionDeps): void {
  if (view.state !== 'loaded') return pending(panel, 'citations', view, deps);
  panel.setAttribute('aria-busy', 'false');
  const cites =
    view.cites.length === 0
      ? h('p', { class: 'muted' }, t('citesNone'))
      : table(
          [t('columnNumber'), t('columnKind'), t('columnCategory'), t('columnCitedBy')],
          view.cites.map((c) =>
            h('tr', {}, h('td', { class: 'number' }, patentButton(c.number, deps)), h('td', { class: 'code' }, c.kind ?? ''), h('td', {}, ...labels(c.categories, 'badge category')), h('td', {}, ...labels(c.citeTypes, 'cite-type'))),
          ),
        );
  const literature =
    view.nonPatent.length === 0
      ? h('p', { class: 'muted' }, t('literatureNone'))
      : h(
          'ol',
          { class: 'literature' },
          ...view.nonPatent.map((n) =>
            h(
              'li',
              {},
              n.title ? h('strong', {}, n.title) : null,
              n.authors.length > 0 ? h('span', { class: 'muted' }, ` \u2013 ${namesText(n.authors)}`) : null,
              n.text ? h('p', {}, n.text) : null,
              n.copyright ? h('span', { class: 'muted' }, `\u00a9 ${n.copyright} `) : null,
              n.doi
                ? n.linked
                  ? button(`doi:${n.doi}`, () => deps.send({ type: 'openDoi', index: n.index }), { class: 'link', 'aria-label': t('openDoiLabel', n.doi) })
                  : h('span', { class: 'code' }, `doi:${n.doi}`)
                : null,
            ),
          ),
        );
  const c = view.counts;
  const counted = citedByCountsText(c);
  const citedBy =
    view.citedBy.length === 0 ? h('p', { class: 'muted' }, t('citedByNone')) : h('ul', { class: 'numbers' }, ...view.citedBy.map((p) => h('li', {}, patentButton(p.number, deps))));
  replaceChildren(
    panel,
    h('h3', {}, countText(view.cites.length, 'citesHeadingOne', 'citesHeading')),
    cites,
    h('h3', {}, countText(view.nonPatent.length, 'literatureHeadingOne', 'literatureHeading')),
    literature,
    h('h3', {}, countText(c.citedBy, 'citedByHeadingOne', 'citedByHeading')),
    counted ? h('p', { class: 'muted counts', 'aria-label': t('citedByCounts') }, counted) : null,
    citedBy,
  );
  deps.announceLoaded('citations', t('loadedCitations', view.cites.length + view.nonPatent.length, c.citedBy));
}

// --- legal status and events -------------------------------------------------------

export function renderLegal(panel: HTMLElement, view: LegalPanelView, deps: SectionDeps): void {
  if (view.state !== 'loaded') return pending(panel, 'legal', view, deps);
  panel.setAttribute('aria-busy', 'false');
  const row = (label: string, values: HTMLElement[]): HTMLElement[] => (values.length === 0 ? [] : [h('dt', {}, label), h('dd', {}, ...values)]);
  const [simple, detailed, events] = distinctStatuses(view.simple, view.detailed, view.events) as [string[], string[], string[]];
  const summary = h(
    'dl',
    { class: 'facts' },
    ...row(t('legalSimple'), simple.map((s) => h('span', { class: deps.badgeClass(s) }, statusText(s)))),
    ...row(t('legalDetailed'), detailed.map((s) => h('span', { class: 'badge detail' }, statusText(s)))),
    ...row(t('legalEvents'), events.map((s) => h('span', { class: 'badge detail' }, statusText(s)))),
    ...row(t('legalDate'), view.date ? [readableDate(view.date)] : []),
  );
  const timeline =
    view.timeline.length === 0
      ? h('p', { class: 'muted' }, t('timelineNone'))
      : h(
          'ol',
          { class: 'timeline' },
          ...view.timeline.map((e) =>
            h(
              'li',
              { class: `event ${e.source}` },
              h('div', { class: 'event-when' }, readableDate(e.date)),
              h(
                'div',
                { class: 'event-what' },
                h('span', { class: 'badge source' }, e.source === 'inpadoc' ? t('sourceInpadoc') : t('sourceOffice')),
                e.office ? h('span', { class: 'code' }, ` ${e.office}`) : null,
                e.code ? h('code', {}, ` ${e.code}`) : null,
                e.description ? h('p', {}, e.description) : null,
                e.legalStatus ? h('p', { class: 'muted' }, t('eventStatus', statusText(e.legalStatus))) : null,
                e.volume ? h('span', { class: 'muted' }, t('eventVolume', e.volume)) : null,
                e.others ? h('p', { class: 'muted' }, e.others) : null,
              ),
            ),
          ),
        );
  replaceChildren(panel, summary, h('h3', {}, t('timelineHeading')), timeline);
  deps.announceLoaded('legal', countText(view.timeline.length, 'loadedLegalOne', 'loadedLegal'));
}
