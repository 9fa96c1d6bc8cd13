/**
 * The PDF viewer's page (custom editor `patentLookup.pdf`): pdf.js's viewer component
 * with a toolbar of our own (pages, zoom, find, save), in the theme's colours; in a
 * high-contrast theme the pages too (pdf.js's `pageColors`), drawn again when the theme
 * changes. The
 * bytes come from the host in chunks; the pdf.js worker is our own copy, loaded from a
 * blob of its text because a webview cannot start a worker from another origin.
 */
import './pdfjs';
import { pdfjsLib } from './pdfjs';
import { EventBus, FindState, GenericL10n, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/legacy/web/pdf_viewer.mjs';
import 'pdfjs-dist/legacy/web/pdf_viewer.css';
import { parseToViewer, type FromViewer, type PdfStringKey } from '../pdfProtocol';
import { translator } from '../l10n';
import { focusWithin } from '../focus';

interface VsCodeApi {
  postMessage(message: FromViewer): void;
  getState(): unknown;
  setState(state: ViewerState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What a reload of the webview brings back: where the reader was. */
interface ViewerState {
  page?: number;
  scale?: string;
}

const vscode = acquireVsCodeApi();
const send = (m: FromViewer): void => vscode.postMessage(m);
const strings = translator<PdfStringKey>();
const t = strings.t;
const saved = (vscode.getState() ?? {}) as ViewerState;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const toolbar = byId<HTMLElement>('toolbar');
const status = byId<HTMLElement>('status');
const container = byId<HTMLDivElement>('viewerContainer');
const pageInput = byId<HTMLInputElement>('page');
const pageCount = byId<HTMLElement>('pageCount');
const zoomSelect = byId<HTMLSelectElement>('zoom');
const findInput = byId<HTMLInputElement>('find');
const findCount = byId<HTMLElement>('findCount');
const announcer = byId<HTMLElement>('announcer');

const config = document.getElementById('pdf-config') as HTMLElement;
const workerUrl = config.dataset.worker ?? '';
const wasmUrl = config.dataset.wasm ?? '';

const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const findController = new PDFFindController({ eventBus, linkService });
// pdf.js refuses a container that is not absolutely positioned (media/pdfViewer.css).
// Its own words (annotations' alt text) in English; the page regions are named in ours (`labelPages`):
// given an l10n, pdf.js leaves the pages' names to us instead of Fluent's English, wrapped in bidi marks.
const viewer = new PDFViewer({ container, eventBus, linkService, findController, removePageBorders: false, l10n: new GenericL10n('en-US'), pageColors: themePageColors() ?? undefined });
linkService.setViewer(viewer);
window.addEventListener('error', (e) => send({ type: 'failed', message: String(e.message).slice(0, 1_000) }));

let documentLoaded: pdfjsLib.PDFDocumentProxy | undefined;
let chunks: Uint8Array[] = [];
let expected = 0;
let received = 0;
let title = '';
let lastFind: { query: string; current: number; total: number } | undefined;
/** Where the reader was when the pages are made again (a theme change). */
let resumeAt: ViewerState | undefined;

function label(id: string, key: PdfStringKey): void {
  const el = byId<HTMLElement>(id);
  el.setAttribute('aria-label', t(key));
  el.title = t(key);
}

/** Each page is a region a screen reader lists and jumps to, named in the reader's language. */
function labelPages(): void {
  for (const page of Array.from(container.querySelectorAll<HTMLElement>('.page[data-page-number]'))) {
    page.removeAttribute('data-l10n-id');
    page.removeAttribute('data-l10n-args');
    page.setAttribute('aria-label', t('pageLandmark', page.dataset.pageNumber ?? ''));
  }
}

/** The focus is on one of `els`. */
const focusOn = (...els: HTMLElement[]): boolean => els.some((el) => document.activeElement === el);

function applyStrings(): void {
  toolbar.setAttribute('aria-label', t('toolbar'));
  container.setAttribute('aria-label', t('document'));
  labelPages();
  label('prev', 'previousPage');
  label('next', 'nextPage');
  label('page', 'pageNumber');
  label('zoomOut', 'zoomOut');
  label('zoomIn', 'zoomIn');
  label('zoom', 'zoom');
  label('find', 'find');
  label('findPrev', 'findPrevious');
  label('findNext', 'findNext');
  byId<HTMLButtonElement>('save').textContent = t('save');
  findInput.placeholder = t('find');
  for (const option of Array.from(zoomSelect.options)) {
    if (option.value === 'auto') option.textContent = t('zoomAuto');
    else if (option.value === 'page-fit') option.textContent = t('zoomPageFit');
    else if (option.value === 'page-width') option.textContent = t('zoomPageWidth');
    else option.textContent = `${Math.round(Number(option.value) * 100)}\u2009%`;
  }
}

let saying: ReturnType<typeof setTimeout> | undefined;
/** Says `text` once what changes together has settled (a find's count grows page by page): the last word wins. */
function say(text: string): void {
  announcer.textContent = '';
  clearTimeout(saying);
  saying = setTimeout(() => (announcer.textContent = text), 50);
}

function showStatus(text: string, kind: 'status' | 'error' = 'status'): void {
  status.hidden = false;
  status.className = kind;
  status.replaceChildren(document.createTextNode(text));
}

/** What the reader sees, for the host (its tests and the log). */
function report(): void {
  if (!documentLoaded) return;
  const message: FromViewer = { type: 'state', pages: viewer.pagesCount, page: viewer.currentPageNumber, scale: viewer.currentScale };
  if (lastFind) message.find = lastFind;
  send(message);
  vscode.setState({ page: viewer.currentPageNumber, scale: viewer.currentScaleValue });
}

// --- the theme ----------------------------------------------------------------------

interface PageColors {
  background: string;
  foreground: string;
}

/**
 * The pages' colours: in a high-contrast theme (VS Code marks the body), the editor's
 * background for the paper and its foreground for the ink, so a page is not a white
 * glare in a black theme; in any other theme none (white paper, as printed).
 */
function themePageColors(): PageColors | null {
  const marks = document.body.classList;
  if (!marks.contains('vscode-high-contrast') && !marks.contains('vscode-high-contrast-light')) return null;
  const style = getComputedStyle(document.documentElement);
  const background = style.getPropertyValue('--vscode-editor-background').trim();
  const foreground = style.getPropertyValue('--vscode-editor-foreground').trim();
  return background && foreground ? { background, foreground } : null;
}

const sameColors = (a: PageColors | null, b: PageColors | null): boolean => a?.background === b?.background && a?.foreground === b?.foreground;

/** The theme changed (VS Code sets the body's classes and the variables on <html>): the pages are drawn again in its colours, where the reader was. */
function followTheme(): void {
  const colors = themePageColors();
  if (sameColors(colors, viewer.pageColors as PageColors | null)) return;
  viewer.pageColors = colors;
  // pdf.js sets the paper's colour only when there is one: back to white, it is removed.
  if (!colors) (viewer.viewer as HTMLElement | null)?.style.removeProperty('--page-bg-color');
  if (!documentLoaded) return;
  // Taken now: while the pages are made again pdf.js reports its defaults, which `report` would keep.
  resumeAt = { page: viewer.currentPageNumber, scale: viewer.currentScaleValue };
  viewer.setDocument(documentLoaded);
  if (findInput.value) find(false, false);
}

const themeWatch = new MutationObserver(followTheme);
themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

// --- the document -------------------------------------------------------------------

/** The worker from a blob of our own copy of it: same origin as the page, whatever serves the extension's files. */
async function startWorker(): Promise<void> {
  if (pdfjsLib.GlobalWorkerOptions.workerPort) return;
  const source = await (await fetch(workerUrl)).text();
  const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  pdfjsLib.GlobalWorkerOptions.workerPort = new Worker(blob, { type: 'module' });
}

async function open(data: Uint8Array): Promise<void> {
  showStatus(t('opening'));
  try {
    await startWorker();
    const task = pdfjsLib.getDocument({
      data,
      wasmUrl,
      // No scripting, no forms' JavaScript, no XFA: a patent PDF is read, not run.
      enableXfa: false,
      isEvalSupported: false,
      // Fonts a PDF names but does not embed come from the system; nothing is fetched for them.
      useSystemFonts: true,
      stopAtErrors: false,
    } as Parameters<typeof pdfjsLib.getDocument>[0]);
    const pdf = await task.promise;
    await documentLoaded?.loadingTask.destroy();
    documentLoaded = pdf;
    viewer.setDocument(pdf);
    linkService.setDocument(pdf, null);
    status.hidden = true;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    showStatus(t('notPdf'), 'error');
    send({ type: 'failed', message: message.slice(0, 1_000) });
  }
}

eventBus.on('pagesinit', () => {
  // Where the reader was: before the pages were drawn again, or before a reload of the page.
  const at = resumeAt ?? saved;
  resumeAt = undefined;
  viewer.currentScaleValue = at.scale ?? 'auto';
  if (at.page && at.page <= viewer.pagesCount) viewer.currentPageNumber = at.page;
  pageInput.max = String(viewer.pagesCount);
  pageCount.textContent = t('pageOf', viewer.pagesCount);
  labelPages();
  document.title = title;
  say(viewer.pagesCount === 1 ? t('loadedOnePage', title) : t('loaded', title, viewer.pagesCount));
  report();
});

eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => {
  pageInput.value = String(pageNumber);
  byId<HTMLButtonElement>('prev').disabled = pageNumber <= 1;
  byId<HTMLButtonElement>('next').disabled = pageNumber >= viewer.pagesCount;
  // Turned by keys in the document or by the buttons: said. Typed in the page box, its value says it; a find says its count.
  if (documentLoaded && focusOn(container, byId('prev'), byId('next'))) say(t('pageAnnounce', pageNumber, viewer.pagesCount));
  report();
});

eventBus.on('scalechanging', ({ presetValue, scale }: { presetValue?: string; scale: number }) => {
  const value = presetValue ?? String(scale);
  if (![...Array.from(zoomSelect.options)].some((o) => o.value === value)) {
    let custom = zoomSelect.querySelector<HTMLOptionElement>('option.custom');
    if (!custom) {
      custom = document.createElement('option');
      custom.className = 'custom';
      zoomSelect.append(custom);
    }
    custom.value = value;
    custom.textContent = `${Math.round(scale * 100)}\u2009%`;
  }
  zoomSelect.value = value;
  if (documentLoaded && !focusOn(zoomSelect)) say(`${t('zoom')} ${zoomSelect.selectedOptions[0]?.textContent ?? ''}`);
  report();
});

// --- finding ------------------------------------------------------------------------

function find(previous: boolean, again: boolean): void {
  const query = findInput.value;
  eventBus.dispatch('find', { source: null, type: again ? 'again' : '', query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: previous, matchDiacritics: false });
}

function showMatches(matches: { current: number; total: number } | undefined, state?: number): void {
  const query = findInput.value;
  if (!query) {
    findCount.textContent = '';
    lastFind = undefined;
  } else if (state === FindState.NOT_FOUND || (matches && matches.total === 0 && state !== FindState.PENDING)) {
    findCount.textContent = t('findNone');
    lastFind = { query, current: 0, total: 0 };
  } else if (matches && matches.total > 0) {
    findCount.textContent = t('findCount', matches.current, matches.total);
    lastFind = { query, current: matches.current, total: matches.total };
  }
  findInput.setAttribute('aria-invalid', String(lastFind?.total === 0));
  if (lastFind) say(findCount.textContent ?? '');
  report();
}

eventBus.on('updatefindmatchescount', ({ matchesCount }: { matchesCount: { current: number; total: number } }) => showMatches(matchesCount));
eventBus.on('updatefindcontrolstate', ({ state, matchesCount }: { state: number; matchesCount: { current: number; total: number } }) => showMatches(matchesCount, state));

findInput.addEventListener('input', () => find(false, false));
findInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    find(e.shiftKey, true);
  } else if (e.key === 'Escape') {
    findInput.value = '';
    find(false, false);
    container.focus();
  }
});
byId('findNext').addEventListener('click', () => find(false, true));
byId('findPrev').addEventListener('click', () => find(true, true));

// --- pages and zoom -------------------------------------------------------------------

byId('prev').addEventListener('click', () => viewer.previousPage());
byId('next').addEventListener('click', () => viewer.nextPage());
pageInput.addEventListener('change', () => {
  const n = Number(pageInput.value);
  if (Number.isInteger(n) && n >= 1 && n <= viewer.pagesCount) viewer.currentPageNumber = n;
  else pageInput.value = String(viewer.currentPageNumber);
});
zoomSelect.addEventListener('change', () => (viewer.currentScaleValue = zoomSelect.value));
byId('zoomIn').addEventListener('click', () => viewer.increaseScale());
byId('zoomOut').addEventListener('click', () => viewer.decreaseScale());
byId('save').addEventListener('click', () => send({ type: 'save' }));

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
  if (mod && e.key.toLowerCase() === 'f') {
    e.preventDefault();
    findInput.focus();
    findInput.select();
  } else if (mod && (e.key === '+' || e.key === '=')) {
    e.preventDefault();
    viewer.increaseScale();
  } else if (mod && e.key === '-') {
    e.preventDefault();
    viewer.decreaseScale();
  } else if (mod && e.key === '0') {
    e.preventDefault();
    viewer.currentScaleValue = 'auto';
  } else if (!inField && !mod && documentLoaded) {
    if (e.key === 'PageDown' || (e.key === 'ArrowRight' && !e.shiftKey)) {
      if (viewer.nextPage()) e.preventDefault();
    } else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !e.shiftKey)) {
      if (viewer.previousPage()) e.preventDefault();
    } else if (e.key === 'Home') {
      e.preventDefault();
      viewer.currentPageNumber = 1;
    } else if (e.key === 'End') {
      e.preventDefault();
      viewer.currentPageNumber = viewer.pagesCount;
    }
  }
});

// Links in the PDF are the document's: the host opens them, and only when they are http(s).
container.addEventListener(
  'click',
  (e) => {
    const anchor = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor) return;
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) return; // a destination inside the document: pdf.js goes there
    e.preventDefault();
    e.stopPropagation();
    send({ type: 'openLink', url: anchor.href.slice(0, 2_048) });
  },
  true,
);

// --- messages ---------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseToViewer(event.data);
  if (!parsed.ok) {
    console.warn(`PDF viewer: ignored a malformed message: ${parsed.problem}`);
    return;
  }
  const m = parsed.message;
  switch (m.type) {
    case 'strings':
      strings.set(m.strings);
      applyStrings();
      return;
    case 'loading':
      title = m.title;
      document.title = m.title;
      showStatus(m.note ? `${t('downloading', m.title)} ${m.note}` : t('downloading', m.title));
      return;
    case 'start':
      title = m.title;
      expected = m.size;
      received = 0;
      chunks = [];
      byId<HTMLElement>('note').textContent = m.note ?? '';
      byId<HTMLElement>('note').hidden = !m.note;
      showStatus(t('loading', m.title));
      return;
    case 'chunk':
      chunks.push(m.bytes);
      received += m.bytes.length;
      status.setAttribute('aria-valuenow', String(Math.round((100 * received) / Math.max(1, expected))));
      return;
    case 'end': {
      const data = new Uint8Array(received);
      let at = 0;
      for (const c of chunks) {
        data.set(c, at);
        at += c.length;
      }
      chunks = [];
      void open(data);
      return;
    }
    case 'error': {
      status.hidden = false;
      status.className = 'error';
      const actions = document.createElement('div');
      actions.className = 'actions';
      m.error.actions.forEach((a, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = i === 0 ? 'primary' : 'secondary';
        b.textContent = a.label;
        b.addEventListener('click', () => send({ type: 'errorAction', action: a.id }));
        actions.append(b);
      });
      const p = document.createElement('p');
      p.textContent = m.error.message;
      status.replaceChildren(p, actions);
      status.setAttribute('role', 'alert');
      focusWithin(actions.querySelector('button'));
      return;
    }
  }
});

send({ type: 'ready' });
