/**
 * The patent panel's page. It renders what the extension host sends and asks
 * it for everything else; it keeps only ids in its state (`setState`), which the
 * host's serializer uses to bring the panel back after a reload.
 */
import {
  parseToWebview,
  RECORD_SECTIONS,
  type CachedNote,
  type DocFilter,
  type DocumentsView,
  type ErrorAbout,
  type ErrorView,
  type FromWebview,
  type ImageView,
  type PanelState,
  type PatentView,
  type RecordSection,
  type Section,
  type ToWebview,
} from '../protocol';
import { append, button, h, replaceChildren } from './dom';
import { focusWithin, keepingFocus } from '../focus';
import { repeatFilter } from '../repeats';
import { markCached, readableDate, renderCitations, renderClaims, renderFamily, renderLegal, type SectionDeps } from './sections';
import { setStatusLabels, setStrings, statusText, t, type PanelStringKey } from './strings';
import { applicationText, cardAnnouncement, displayDate, distinctStatuses, namesText, setDateLocale } from './words';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// For test/bench/host/restored-panel.bench.ts: when the script ran and drew the card, in the page's own clock.
performance.mark('patent-panel:script');
const vscode = acquireVsCodeApi();
const send = (m: FromWebview): void => vscode.postMessage(m);

const root = document.getElementById('root') as HTMLElement;
const main = h('div', { class: 'patent', id: 'patent' });
const documents = h('section', { class: 'documents tab-panel', id: 'documents', 'aria-labelledby': 'documents-heading' });
const drawing = h('figure', { class: 'drawing', 'aria-busy': 'true' });
// The one live region: screen readers hear a line about what changed, not every re-rendered node.
const announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'announcer' });

// The record's sections as tabs; each panel is loaded by the host the first time its tab is chosen.
type TabId = RecordSection | 'documents';
const TABS: ReadonlyArray<readonly [TabId, PanelStringKey]> = [
  ['claims', 'tabClaims'],
  ['family', 'tabFamily'],
  ['citations', 'tabCitations'],
  ['legal', 'tabLegal'],
  ['documents', 'tabDocuments'],
];
const tabList = h('div', { class: 'tabs', role: 'tablist', id: 'sections' });
const tabs = new Map<TabId, HTMLButtonElement>();
const panels = new Map<TabId, HTMLElement>([['documents', documents]]);
for (const [id] of TABS) {
  const tab = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': id, 'aria-selected': 'false', tabindex: '-1' });
  tab.addEventListener('click', () => selectTab(id, true));
  tabs.set(id, tab);
  tabList.append(tab);
  if (id !== 'documents') panels.set(id, h('section', { class: `tab-panel ${id}`, id, role: 'tabpanel', 'aria-labelledby': `tab-${id}`, tabindex: '0' }));
}
documents.setAttribute('role', 'tabpanel');
documents.setAttribute('aria-labelledby', 'tab-documents');
tabList.addEventListener('keydown', (e) => {
  const ids = TABS.map(([id]) => id);
  const at = ids.indexOf(selected);
  const next = e.key === 'ArrowRight' ? ids[(at + 1) % ids.length] : e.key === 'ArrowLeft' ? ids[(at - 1 + ids.length) % ids.length] : e.key === 'Home' ? ids[0] : e.key === 'End' ? ids[ids.length - 1] : undefined;
  if (!next) return;
  e.preventDefault();
  selectTab(next, true);
  tabs.get(next)?.focus();
});
append(root, main, tabList, ...[...TABS].map(([id]) => panels.get(id)));
document.body.append(announcer);

let selected: TabId = 'claims';
/** The section the reader chose and waits for: its loading is announced, a section loading by itself is not. */
let awaited: TabId | undefined;

/** Shows one section; the host hears of it (and loads it) when the reader chose it. */
function selectTab(id: TabId, byReader: boolean): void {
  selected = id;
  for (const [tabId, tab] of tabs) {
    const on = tabId === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    const panel = panels.get(tabId);
    if (panel) panel.hidden = !on;
  }
  if (!byReader) return;
  awaited = id;
  if (state) setState({ ...state, section: id });
  send({ type: 'section', section: id });
  if (id === 'documents' && (!docs || docs.state === 'error') && (patent?.examDocsSupported ?? true)) send({ type: 'loadDocuments', filter, offset: 0 });
}

function labelTabs(): void {
  for (const [id, key] of TABS) (tabs.get(id) as HTMLButtonElement).textContent = t(key);
  tabList.setAttribute('aria-label', t('sections'));
}

let announced = 0;
function announce(text: string): void {
  // Emptied first, then set a moment later, so the same line said twice is heard twice.
  const turn = ++announced;
  announcer.textContent = '';
  setTimeout(() => {
    if (turn === announced) announcer.textContent = text;
  }, 50);
}

let state: PanelState | undefined;
let patent: PatentView | undefined;
let docs: DocumentsView | undefined;
let docsCached: CachedNote | undefined;
let filter: DocFilter = { docCodes: [] };

function setState(next: PanelState): void {
  state = next;
  vscode.setState(next);
}

// --- the patent ---------------------------------------------------------------

function renderLoading(): void {
  replaceChildren(main, h('p', { class: 'status' }, t('loadingPatent')));
  main.setAttribute('aria-busy', 'true');
  announce(t('loadingPatent'));
}

/** The error and its fixes, the first one primary; the host names them (one table with the notifications). */
function errorBlock(error: ErrorView, about: ErrorAbout): HTMLElement {
  const actions = h('div', { class: 'actions' });
  error.actions.forEach((a, i) => append(actions, button(a.label, () => send({ type: 'errorAction', about, action: a.id }), { class: i === 0 ? 'primary' : 'secondary' })));
  return h('div', { class: 'error', role: 'alert' }, h('p', {}, error.message), actions);
}

function renderError(error: ErrorView): void {
  main.removeAttribute('aria-busy');
  replaceChildren(main, errorBlock(error, 'patent'));
  focusWithin(main.querySelector('button'));
}

function field(label: string, value: string | undefined | string[]): HTMLElement[] {
  const text = Array.isArray(value) ? namesText(value) : value;
  if (!text) return [];
  return [h('dt', {}, label), h('dd', {}, text)];
}

function statusClass(status: string): string {
  const s = status.toLowerCase();
  if (s.includes('inactive') || s.includes('expir')) return 'badge inactive';
  if (s.includes('active')) return 'badge active';
  if (s.includes('pending')) return 'badge pending';
  return 'badge';
}

function renderPatent(p: PatentView, cached?: { note: string; refreshing: boolean }): void {
  patent = p;
  main.removeAttribute('aria-busy');
  const statuses = distinctStatuses(p.legalStatus)[0] ?? [];
  announce(cardAnnouncement({ ...p, legalStatus: statuses.map(statusText) }, cached));
  const heading = h('header', { class: 'header' });
  append(
    heading,
    h('h1', {}, p.title ?? p.number),
    h(
      'p',
      { class: 'number' },
      h('span', { class: 'pn' }, p.number),
      ...statuses.map((s) => h('span', { class: statusClass(s), title: t('legalStatusTitle') }, statusText(s))),
    ),
  );
  // Shown from the cache past its lifetime: said, quietly, until the answer replaces it.
  if (cached) append(heading, h('p', { class: 'status cached' }, cached.note));
  const actions = h(
    'div',
    { class: 'actions', role: 'toolbar', 'aria-label': t('patentActions') },
    button(t('openPdf'), () => send({ type: 'pdf', mode: 'open' }), { class: 'primary' }),
    button(t('savePdf'), () => send({ type: 'pdf', mode: 'save' })),
    button(t('copyNumber'), () => send({ type: 'copyNumber' })),
    button(t('examinationDocumentsButton'), () => showDocuments(true)),
  );
  const facts = h(
    'dl',
    { class: 'facts' },
    ...field(t('factAssignees'), p.assignees),
    ...field(t('factApplicants'), p.applicants.join('; ') === p.assignees.join('; ') ? undefined : p.applicants),
    ...field(t('factInventors'), p.inventors),
    ...field(t('factApplication'), applicationText(p)),
    ...field(t('factPublished'), p.publicationDate && displayDate(p.publicationDate)),
    ...field(t('factKind'), p.kind),
    ...field(t('factType'), p.patentType),
    ...field('IPC', p.ipc),
    ...field('CPC', p.cpc),
  );
  const abstract = h('section', { class: 'abstract', 'aria-labelledby': 'abstract-heading' }, h('h2', { id: 'abstract-heading' }, t('abstractHeading')), h('p', {}, p.abstract ?? t('noAbstract')));
  // The answer that replaces the cached card leaves a keyboard user on the same button.
  keepFocus(main, () => replaceChildren(main, heading, actions, h('div', { class: 'body' }, h('div', { class: 'text' }, facts, abstract), drawing)));
  if (!docs) renderDocuments(undefined);
  performance.mark('patent-panel:card');
}

// --- the drawing -----------------------------------------------------------------

function renderImage(image: ImageView): void {
  drawing.setAttribute('aria-busy', image.state === 'loading' ? 'true' : 'false');
  switch (image.state) {
    case 'loading':
      replaceChildren(drawing, h('p', { class: 'status' }, t('loadingDrawing')));
      return;
    case 'none':
      replaceChildren(drawing, h('p', { class: 'muted' }, t('noDrawing')));
      return;
    case 'error':
      replaceChildren(drawing, h('p', { class: 'muted' }, image.message));
      return;
    case 'loaded': {
      const img = h('img', { title: image.alt });
      img.alt = image.alt;
      img.src = image.dataUri; // a data: URI the host built from bytes it checked to be a raster image
      const enlarge = h('button', { type: 'button', class: 'drawing-button', 'aria-label': t('enlargeDrawing'), title: t('enlargeDrawing') }, img);
      enlarge.addEventListener('click', () => openDrawing(image.dataUri, image.alt));
      replaceChildren(drawing, enlarge, h('figcaption', {}, t('drawingCaption')));
    }
  }
}

/** The drawing at its own size or larger, in a modal dialog (Escape closes it). */
function openDrawing(dataUri: string, alt: string): void {
  const img = h('img', { class: 'enlarged' });
  img.alt = alt;
  img.src = dataUri;
  let zoom = 0; // 0 fits the window; otherwise a scale of the drawing's own size
  const apply = (): void => {
    if (zoom === 0) {
      img.style.width = '';
      img.classList.add('fit');
    } else {
      img.classList.remove('fit');
      img.style.width = `${Math.round(img.naturalWidth * zoom)}px`;
    }
  };
  const current = (): number => (zoom === 0 ? img.width / Math.max(1, img.naturalWidth) : zoom);
  const dialog = h('dialog', { class: 'drawing-dialog', 'aria-label': t('drawingDialog') });
  const close = button(t('close'), () => dialog.close(), { class: 'primary' });
  const bar = h(
    'div',
    { class: 'actions', role: 'toolbar', 'aria-label': t('drawingDialog') },
    button(t('zoomOut'), () => {
      zoom = Math.max(0.25, current() / 1.25);
      apply();
    }),
    button(t('zoomIn'), () => {
      zoom = Math.min(8, current() * 1.25);
      apply();
    }),
    button(t('zoomFit'), () => {
      zoom = 0;
      apply();
    }),
    close,
  );
  dialog.append(bar, h('div', { class: 'drawing-scroll' }, img));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  apply();
  dialog.showModal();
  close.focus();
}

// --- the record's sections ------------------------------------------------------------

const sectionDeps: SectionDeps = {
  send,
  announce,
  announceLoaded: (section, text) => {
    if (awaited !== section || selected !== section) return;
    awaited = undefined;
    announce(text);
  },
  errorBlock,
  badgeClass: statusClass,
};

// --- examination documents ----------------------------------------------------------

function toYmd(value: string): number | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Number(value.replace(/-/g, '')) : undefined;
}

function fromYmd(value: number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

function filterForm(): HTMLFormElement {
  const codes = h('input', { id: 'doc-codes', type: 'text', 'aria-describedby': 'doc-codes-hint' });
  codes.value = filter.docCodes.join(', ');
  codes.placeholder = t('docCodesPlaceholder');
  const from = h('input', { id: 'doc-from', type: 'date' });
  from.value = fromYmd(filter.dateFrom);
  const to = h('input', { id: 'doc-to', type: 'date' });
  to.value = fromYmd(filter.dateTo);
  const form = h(
    'form',
    { class: 'filter', 'aria-label': t('filterDocuments') },
    h('label', {}, h('span', {}, t('docCodes')), codes, h('small', { id: 'doc-codes-hint' }, t('docCodesHint'))),
    h('label', {}, h('span', {}, t('filterFrom')), from),
    h('label', {}, h('span', {}, t('filterTo')), to),
    h('button', { type: 'submit', class: 'primary' }, t('filterApply')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const docCodes = codes.value
      .split(/[\s,;\u3001\uff0c\uff1b]+/) // ASCII marks, or the 、，； a Chinese or Japanese keyboard types
      .map((c) => c.trim().toUpperCase())
      .filter((c) => /^[A-Z0-9._-]{1,32}$/.test(c));
    const next: DocFilter = { docCodes };
    const dateFrom = toYmd(from.value);
    const dateTo = toYmd(to.value);
    if (dateFrom !== undefined) next.dateFrom = dateFrom;
    if (dateTo !== undefined) next.dateTo = dateTo;
    filter = next;
    send({ type: 'loadDocuments', filter, offset: 0 });
  });
  return form;
}

function documentsTable(view: Extract<DocumentsView, { state: 'page' }>): HTMLElement {
  if (view.rows.length === 0) {
    const none = view.total === 0 ? t('documentsNoneAtAll') : t('documentsNoneMatch');
    return h('p', { class: 'muted' }, none);
  }
  const body = h('tbody');
  for (const row of view.rows) {
    const label = [row.date && displayDate(row.date), row.code].filter(Boolean).join(' ');
    append(
      body,
      h(
        'tr',
        {},
        h('td', { class: 'date' }, row.date ? readableDate(row.date) : ''),
        h('td', { class: 'code' }, row.code ?? ''),
        h('td', {}, row.description ?? ''),
        h('td', { class: 'pages' }, row.pages === undefined ? '' : String(row.pages)),
        h(
          'td',
          { class: 'row-actions' },
          row.openable ? button(t('openDocument'), () => send({ type: 'document', index: row.index, mode: 'open' }), { 'aria-label': t('openDocumentLabel', label) }) : null,
          row.openable ? button(t('saveDocument'), () => send({ type: 'document', index: row.index, mode: 'save' }), { 'aria-label': t('saveDocumentLabel', label) }) : null,
        ),
      ),
    );
  }
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...[t('columnDate'), t('columnCode'), t('columnDescription'), t('columnPages')].map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('columnActions'))))),
    body,
  );
}

/** `1–20 of 24`: the rows shown of those matching. */
function pageLabel(view: Extract<DocumentsView, { state: 'page' }>): string {
  const first = view.rows.length === 0 ? 0 : view.offset + 1;
  return t('pageRange', first, view.offset + view.rows.length, view.matching);
}

function pager(view: Extract<DocumentsView, { state: 'page' }>): HTMLElement | null {
  if (view.matching <= view.limit && view.offset === 0) return null;
  const last = view.offset + view.rows.length;
  const prev = button(t('previousPage'), () => send({ type: 'loadDocuments', filter: view.filter, offset: Math.max(0, view.offset - view.limit) }));
  prev.disabled = view.offset === 0;
  const next = button(t('nextPage'), () => send({ type: 'loadDocuments', filter: view.filter, offset: view.offset + view.limit }));
  next.disabled = last >= view.matching;
  return h('nav', { class: 'pager', 'aria-label': t('documentPages') }, prev, h('span', {}, pageLabel(view)), next);
}

function renderDocuments(view: DocumentsView | undefined, cached?: CachedNote): void {
  docs = view;
  docsCached = cached;
  const heading = h('h2', { id: 'documents-heading' }, t('documentsHeading'));
  if (!view) {
    const supported = patent?.examDocsSupported ?? true;
    replaceChildren(
      documents,
      heading,
      supported
        ? h('p', {}, button(t('showDocuments'), () => showDocuments(true)))
        : h('p', { class: 'muted' }, t('documentsNotForCn')),
    );
    return;
  }
  documents.setAttribute('aria-busy', view.state === 'loading' ? 'true' : 'false');
  switch (view.state) {
    case 'unsupported':
      replaceChildren(documents, heading, h('p', { class: 'muted' }, view.message));
      return;
    case 'loading':
      replaceChildren(documents, heading, filterForm(), h('p', { class: 'status' }, t('loadingDocuments')));
      announce(t('loadingDocuments'));
      return;
    case 'error':
      replaceChildren(documents, heading, filterForm(), errorBlock(view.error, 'documents'));
      return;
    case 'page':
      filter = view.filter;
      announce(view.matching === 0 ? t('documentsNoneMatchAnnounce') : t('documentsPageAnnounce', pageLabel(view)));
      // The answer that replaces the cached list leaves a keyboard user on the same control.
      keepFocus(documents, () => {
        replaceChildren(
          documents,
          heading,
          h('p', { class: 'muted' }, view.total === 1 ? t('documentsInWrapperOne', view.matching) : t('documentsInWrapper', view.total, view.matching)),
          filterForm(),
          documentsTable(view),
          pager(view),
        );
        markCached(documents, cached, heading);
      });
  }
}

function showDocuments(load: boolean): void {
  if (state) setState({ ...state, section: 'documents' });
  if (selected !== 'documents') {
    selectTab('documents', false);
    send({ type: 'section', section: 'documents' });
  }
  documents.scrollIntoView({ block: 'start' });
  (documents.querySelector('h2') as HTMLElement | null)?.setAttribute('tabindex', '-1');
  focusWithin(documents.querySelector('h2'));
  if (load && (!docs || docs.state === 'error')) send({ type: 'loadDocuments', filter, offset: 0 });
}

// --- messages -----------------------------------------------------------------------

/** The part of the page each message fills: one the host sends again on `ready` (repeats.ts) is not drawn, or announced, twice. */
const isRepeat = repeatFilter<ToWebview>((m) => {
  switch (m.type) {
    case 'loading':
    case 'patent':
    case 'error':
      return 'main';
    case 'init':
    case 'showSection':
      return undefined;
    default:
      return m.type;
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseToWebview(event.data);
  if (!parsed.ok) {
    console.warn(`Patent panel: ignored a malformed message: ${parsed.problem}`);
    return;
  }
  const m = parsed.message;
  if (isRepeat(m)) return;
  switch (m.type) {
    case 'init':
      setState(m.state);
      return;
    case 'loading':
      renderLoading();
      return;
    case 'patent':
      renderPatent(m.patent, m.cached);
      return;
    case 'error':
      renderError(m.error);
      return;
    case 'image':
      renderImage(m.image);
      return;
    case 'documents':
      renderDocuments(m.documents, m.cached);
      return;
    case 'showSection':
      if (m.section === 'documents') showDocuments(false);
      else if (isRecordSection(m.section)) selectTab(m.section, false);
      return;
    case 'strings':
      setStrings(m.strings);
      setStatusLabels(m.statuses);
      setDateLocale(m.locale);
      labelTabs();
      // What was drawn before the words came (the first render) is drawn again in them.
      if (main.getAttribute('aria-busy') === 'true') renderLoading();
      renderDocuments(docs, docsCached);
      return;
    case 'claims':
    case 'family':
    case 'citations':
    case 'legal':
      return renderSection(m);
  }
});

function renderSection(m: Extract<ToWebview, { type: RecordSection }>): void {
  const panel = sectionPanel(m.type);
  keepFocus(panel, () => {
    if (m.type === 'claims') renderClaims(panel, m.view, sectionDeps);
    else if (m.type === 'family') renderFamily(panel, m.view, sectionDeps);
    else if (m.type === 'citations') renderCitations(panel, m.view, sectionDeps);
    else renderLegal(panel, m.view, sectionDeps);
    markCached(panel, m.cached);
  });
}

/** Redraws `root` with the keyboard focus kept on what stands where it was (focus.ts). */
function keepFocus(root: HTMLElement, redraw: () => void): void {
  keepingFocus<Element>(root, redraw, document);
}

function sectionPanel(section: RecordSection): HTMLElement {
  return panels.get(section) as HTMLElement;
}

function isRecordSection(s: Section): s is RecordSection {
  return (RECORD_SECTIONS as readonly string[]).includes(s);
}

const saved = vscode.getState() as Partial<PanelState> | undefined;
const savedSection: Section | undefined = saved?.section;
renderLoading();
renderDocuments(undefined);
// The section read last (kept across reloads), else the claims; the host loads what is shown.
const first: TabId = savedSection && savedSection !== 'overview' ? savedSection : 'claims';
selectTab(first, false);
send({ type: 'ready' });
send({ type: 'section', section: first });
