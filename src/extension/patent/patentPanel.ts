import * as vscode from 'vscode';
import type { Bibliography, ExamDocsPage } from '../../core/api/types';
import { staleWhileRevalidate, type Kept } from '../../core/cache/kept';
import { answersNumber } from '../../core/numbers/match';
import {
  NUMBER_MAX,
  panelStateSchema,
  parseFromWebview,
  parseToWebview,
  type CachedNote,
  type DocFilter,
  type DocumentsView,
  type ErrorView,
  type FromWebview,
  type ImageView,
  type PanelState,
  type PatentRef,
  type PatentView,
  type RecordSection,
  type Section,
  type ToWebview,
  RECORD_SECTIONS,
  type ErrorAbout,
} from '../../webview/protocol';
import type { ErrorActionId } from '../common/errorActions.pure';
import { retryableDescription, toErrorView } from '../common/errorView.pure';
import { describeError, isCancellation, type ErrorDescription } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import { openExternalLink } from '../common/links';
import type { PatsnapSession } from '../session';
import { AbstractWebviewPanel } from '../webview/abstractWebviewPanel';
import { cachedNote, panelStrings } from './panelStrings';
import { statusLabels } from '../../core/record/statusLabels';
import type { PdfTarget } from '../pdf/pdfUris.pure';
import type { PatentFiles } from './patentFiles';
import { PatentSections } from './patentSections';
import { CN_EXAM_DOCS_MESSAGE, DOCS_PAGE_SIZE, docsPageParams, examDocsSupported, pdfFileName, sniffImageType, toDocumentsView, toPatentView } from './patentView.pure';

export interface PatentPanelDeps {
  session: PatsnapSession;
  errors: ErrorReporter;
  files: PatentFiles;
  log: vscode.LogOutputChannel;
  /** The preferred language of claims, titles and abstracts. */
  language(): string | undefined;
}

function isRecordSection(s: string): s is RecordSection {
  return (RECORD_SECTIONS as readonly string[]).includes(s);
}

/** `cached`: shown from the lookup cache past its lifetime, while (or after failing at) asking again. */
export type MainView = { state: 'loading' } | { state: 'patent'; patent: PatentView; cached?: CachedNote } | { state: 'error'; error: ErrorView };

/** What the panel shows, held here so a reloaded webview gets all of it again. */
export interface PatentPanelView {
  main: MainView;
  image: ImageView;
  /** Undefined until the documents are asked for: they are loaded on demand. */
  documents?: DocumentsView;
  /** The documents' page as kept, past its lifetime, while (or after failing at) asking again. */
  documentsCached?: CachedNote;
  section: Section;
}

const EMPTY_FILTER: DocFilter = { docCodes: [] };


/** What the panel says about an answer it could not show (the webview would reject it). */
const unshowable = (): ErrorDescription => ({ message: vscode.l10n.t('PatSnap\u2019s answer could not be shown; the details are in the Patent Lookup log.'), actions: ['retry', 'showLog'] });

class PatentNotFound extends Error {}

/**
 * One patent in a webview panel: bibliography, legal status and drawing at once;
 * claims, family, citations and legal events when their section is first shown
 * (`PatentSections`); the PDF and the examination documents on request. The panel's persisted state
 * is its `PatentRef` (ids only), which the serializer uses after a reload.
 */
export class PatentPanel extends AbstractWebviewPanel<FromWebview, ToWebview> {
  private ref: PatentRef;
  private view: PatentPanelView;
  private loadController: AbortController | undefined;
  /** The backend (`session.backendId`) the latest load asks; undefined while it waits for the session to settle. */
  private askedBackend: number | undefined;
  private docsController: AbortController | undefined;
  /** The page the documents rows came from: what each row's document is (its links are asked for when it is opened). */
  private docsPage: ExamDocsPage | undefined;
  /** The documents' page last asked for: asked again of another backend. */
  private docsAsked: { filter: DocFilter; offset: number } | undefined;
  /** The errors shown, for the setting their "Open Settings" opens. */
  private readonly errorsShown: { patent?: ErrorDescription; documents?: ErrorDescription } = {};
  private readonly sections: PatentSections;

  /** The panel's page is set (patentPage.ts); `received`: what it sent before this panel listened (a restored one's). */
  constructor(
    panel: vscode.WebviewPanel,
    state: PanelState,
    private readonly deps: PatentPanelDeps,
    received: readonly unknown[] = [],
  ) {
    // Sent before `ready`: a restored panel's page shows the kept card as soon as its frame has loaded.
    super(panel, undefined, deps.log, { sendsBeforeReady: true });
    this.ref = state.ref;
    this.view = { main: { state: 'loading' }, image: { state: 'loading' }, section: state.section ?? 'overview' };
    this.sections = new PatentSections({
      records: () => deps.session.recordLookup(),
      errors: deps.errors,
      language: () => deps.language(),
      log: (message) => deps.log.warn(message),
      send: (message) => this.post(message),
      reloadPatent: () => this.load(),
      errorView: (section, e, what) => {
        const description = retryableDescription(e, what);
        this.sections.rememberError(section, description);
        return { state: 'error', error: toErrorView(description) };
      },
    });
    this.onReady(); // before `ready` (see AbstractWebviewPanel): the words first, then the view as it fills
    if (isRecordSection(this.view.section)) this.sections.show(this.view.section);
    this.register({
      dispose: () => {
        this.loadController?.abort();
        this.docsController?.abort();
        this.sections.dispose();
      },
    });
    // Other credentials or another gateway may answer differently: show their answer. A change
    // the load under way will see anyway (the session settling after activation, under a panel
    // restored meanwhile), or a reload that lands on the backend the panel asked, is no change.
    this.register(
      deps.session.onDidChange(() => {
        if (this.askedBackend !== undefined && this.askedBackend !== deps.session.backendId) void this.load();
      }),
    );
    void this.load();
    this.replay(received);
  }

  /** For tests and the manager: what the panel currently shows. */
  get snapshot(): Readonly<PatentPanelView> {
    return this.view;
  }

  /** For tests: what each record section shows. */
  get sectionViews(): ReadonlyMap<RecordSection, Extract<ToWebview, { type: RecordSection }>> {
    return this.sections.snapshot;
  }

  get patentRef(): PatentRef {
    return this.ref;
  }

  /** Whether this panel shows the patent `ref` names (a number may lack its kind code). */
  matches(ref: PatentRef): boolean {
    const known = this.view.main.state === 'patent' ? this.view.main.patent : undefined;
    const patentId = known?.patentId ?? this.ref.patentId;
    if (ref.patentId && patentId) return ref.patentId === patentId;
    const number = (known?.number ?? this.ref.number)?.toUpperCase();
    const asked = ref.number?.toUpperCase();
    if (!number || !asked) return false;
    return number === asked || answersNumber(number, asked) || answersNumber(asked, number);
  }

  show(section: Section | undefined): void {
    this.panel.reveal();
    if (section === 'documents') this.showDocuments();
    else if (section && isRecordSection(section)) this.showSection(section);
  }

  /** What the panel's buttons do, for the in-host tests: Retry in a section, Open PDF, a document's Open. */
  retrySection(section: RecordSection): Promise<void> {
    return this.sections.retry(section);
  }

  openPdf(): Promise<void> {
    return this.pdf('open');
  }

  savePdf(): Promise<void> {
    return this.pdf('save');
  }

  openDocument(index: number): Promise<void> {
    return this.document(index, 'open');
  }

  /** Shows a record section (and loads it the first time), as the reader's choice of tab does. */
  showSection(section: RecordSection): void {
    this.view.section = section;
    this.post({ type: 'showSection', section });
    this.sections.show(section);
  }

  protected parse(raw: unknown): ReturnType<typeof parseFromWebview> {
    return parseFromWebview(raw);
  }

  protected check(message: ToWebview): ReturnType<typeof parseToWebview> {
    return parseToWebview(message);
  }

  protected unshowable(message: ToWebview): ToWebview | undefined {
    switch (message.type) {
      case 'patent':
      case 'error':
        return { type: 'error', error: toErrorView(unshowable()) };
      case 'documents':
        return { type: 'documents', documents: { state: 'error', error: toErrorView(unshowable()) } };
      case 'claims':
      case 'family':
      case 'citations':
      case 'legal':
        this.deps.log.warn(`The ${message.type} of this patent have a shape the panel cannot show.`);
        this.sections.rememberError(message.type, unshowable());
        return { type: message.type, view: { state: 'error', error: toErrorView(unshowable()) } };
      case 'image':
        return { type: 'image', image: { state: 'error', message: vscode.l10n.t('The drawing could not be shown.') } };
      default:
        return undefined;
    }
  }

  protected onReady(): void {
    this.post({ type: 'strings', strings: panelStrings(), locale: vscode.env.language, statuses: statusLabels(vscode.l10n) });
    this.post({ type: 'init', state: this.persistedState() });
    this.sendMain();
    this.post({ type: 'image', image: this.view.image });
    if (this.view.documents) this.postDocuments();
    this.sections.resend();
    if (this.view.section !== 'overview') this.post({ type: 'showSection', section: this.view.section });
  }

  protected async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        return;
      case 'errorAction':
        return this.errorAction(m.about, m.action);
      case 'section':
        this.view.section = m.section;
        if (isRecordSection(m.section)) this.sections.show(m.section);
        return;
      case 'familyType':
        return this.sections.setFamilyType(m.familyType);
      case 'claimsLanguage':
        return this.sections.setClaimsLanguage(m.language);
      case 'copyClaims': {
        const text = this.sections.claimsText(m.num);
        if (text) await vscode.env.clipboard.writeText(text);
        return;
      }
      case 'openPatent':
        await vscode.commands.executeCommand('patentLookup.openPatent', { number: m.number });
        return;
      case 'openDoi': {
        const link = this.sections.doiLink(m.index);
        if (link) await openExternalLink(link);
        return;
      }
      case 'copyNumber': {
        const number = this.currentNumber();
        if (number) await vscode.env.clipboard.writeText(number);
        return;
      }
      case 'pdf':
        return this.pdf(m.mode);
      case 'loadDocuments':
        this.view.section = 'documents';
        return this.loadDocuments(m.filter, m.offset);
      case 'document':
        return this.document(m.index, m.mode);
    }
  }

  /** Switches to the documents and loads them the first time. */
  showDocuments(): void {
    this.view.section = 'documents';
    this.post({ type: 'showSection', section: 'documents' });
    if (!this.view.documents || this.view.documents.state === 'error') void this.loadDocuments(EMPTY_FILTER, 0);
  }

  private async errorAction(about: ErrorAbout, action: ErrorActionId): Promise<void> {
    if (isRecordSection(about)) {
      await this.deps.errors.run(action, { setting: this.sections.shownError(about)?.setting, retry: () => this.sections.retry(about) });
      return;
    }
    const retry = about === 'patent' ? () => this.load() : () => this.loadDocuments(this.docsFilter(), 0);
    await this.deps.errors.run(action, { setting: this.errorsShown[about]?.setting, retry });
  }

  private docsFilter(): DocFilter {
    const d = this.view.documents;
    return d?.state === 'page' ? d.filter : EMPTY_FILTER;
  }

  /** The state the webview keeps: the ref, without what the schema would refuse (an overlong number). */
  private persistedState(): PanelState {
    const state: PanelState = { ref: this.ref, section: this.view.section };
    if (panelStateSchema.safeParse(state).success) return state;
    return { ref: this.ref.patentId ? { patentId: this.ref.patentId } : { number: (this.ref.number ?? '?').slice(0, NUMBER_MAX) }, section: this.view.section };
  }

  private currentNumber(): string | undefined {
    return this.view.main.state === 'patent' ? this.view.main.patent.number : this.ref.number;
  }

  private sendMain(): void {
    const m = this.view.main;
    if (m.state === 'loading') this.post({ type: 'loading' });
    else if (m.state === 'patent') this.post(m.cached ? { type: 'patent', patent: m.patent, cached: m.cached } : { type: 'patent', patent: m.patent });
    else this.post({ type: 'error', error: m.error });
  }

  // What the panel holds is what the webview accepts: an answer the schema refuses is kept, and shown, as an error.

  private setMain(main: MainView): void {
    if (main.state === 'patent' && !this.check({ type: 'patent', patent: main.patent, ...(main.cached ? { cached: main.cached } : {}) }).ok) {
      this.deps.log.warn(`The answer for ${main.patent.number.slice(0, NUMBER_MAX)} has a shape the panel cannot show.`);
      main = { state: 'error', error: this.shownError('patent', unshowable()) };
    }
    this.view.main = main;
    this.sendMain();
  }

  private setImage(image: ImageView): void {
    if (!this.check({ type: 'image', image }).ok) image = { state: 'error', message: vscode.l10n.t('The drawing could not be shown.') };
    this.view.image = image;
    this.post({ type: 'image', image });
  }

  private setDocuments(documents: DocumentsView, cached?: CachedNote): void {
    if (!this.check({ type: 'documents', documents }).ok) {
      this.deps.log.warn('The examination documents have a shape the panel cannot show.');
      documents = { state: 'error', error: this.shownError('documents', unshowable()) };
      cached = undefined;
    }
    this.view.documents = documents;
    this.view.documentsCached = cached;
    this.postDocuments();
  }

  private postDocuments(): void {
    const { documents, documentsCached: cached } = this.view;
    if (documents) this.post(cached ? { type: 'documents', documents, cached } : { type: 'documents', documents });
  }

  private shownError(about: 'patent' | 'documents', description: ErrorDescription): ErrorView {
    this.errorsShown[about] = description;
    return toErrorView(description);
  }

  /**
   * Shows the patent: what the lookup cache keeps at once, without a call (a panel
   * restored after a reload); a card past its lifetime is shown marked as such while
   * one batched call asks again, and stays, with a quiet note, when that fails.
   */
  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    const signal = controller.signal;
    this.setMain({ state: 'loading' });
    this.setImage({ state: 'loading' });
    // Another backend may answer otherwise: the sections, and the documents if asked for, are loaded again once the patent is.
    this.sections.setPatent(undefined);
    const docsAgain = this.view.documents !== undefined && this.view.documents.state !== 'unsupported';
    if (docsAgain) {
      this.docsController?.abort();
      this.setDocuments({ state: 'loading' });
    }
    let drawingOf: string | undefined;
    try {
      // Every ask below waits for the session to settle anyway: which backend they go to.
      this.askedBackend = undefined;
      await this.deps.session.ready();
      if (signal.aborted) return;
      this.askedBackend = this.deps.session.backendId;
      await staleWhileRevalidate(
        { kept: () => this.keptPatent(), fresh: () => this.fetchPatent(signal) },
        ({ value, cached }) => {
          const patent = toPatentView(value.bibliography, value.legalStatus);
          if (cached?.error) this.deps.log.warn(`Refreshing ${patent.number} failed: ${describeError(cached.error)?.message ?? String(cached.error)}`);
          this.showPatent(patent, cached && cachedNote(cached));
          if (drawingOf === patent.number) return;
          drawingOf = patent.number;
          void this.loadImage(patent, signal);
        },
        signal,
      );
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return;
      this.deps.errors.report(e, { what: vscode.l10n.t('Opening the patent'), quiet: true });
      const description: ErrorDescription = e instanceof PatentNotFound ? { message: e.message, actions: ['retry'] } : retryableDescription(e, vscode.l10n.t('Loading the patent'));
      this.setMain({ state: 'error', error: this.shownError('patent', description) });
      this.setImage({ state: 'none' });
      // The sections wait for the patent: they say why it did not come, with its actions.
      this.sections.patentFailed(description);
      if (docsAgain) this.setDocuments({ state: 'error', error: this.shownError('documents', description) });
    }
  }

  private showPatent(patent: PatentView, cached: CachedNote | undefined): void {
    // Keep the id: it is exact where a number may be ambiguous, and what the serializer restores.
    this.ref = { number: patent.number, patentId: patent.patentId };
    this.panel.title = patent.number;
    this.setMain(cached ? { state: 'patent', patent, cached } : { state: 'patent', patent });
    this.post({ type: 'init', state: this.persistedState() });
    this.sections.setPatent({ number: patent.number, patentId: patent.patentId });
    const docs = this.view.documents;
    if (docs?.state === 'loading' && this.docsAsked) void this.loadDocuments(this.docsAsked.filter, this.docsAsked.offset);
    else if (this.view.section === 'documents' && (!docs || docs.state !== 'page')) void this.loadDocuments(EMPTY_FILTER, 0);
  }

  /** The card the lookup cache keeps for this patent, fresh or stale, without a call. */
  private async keptPatent(): Promise<Kept<{ bibliography: Bibliography; legalStatus: string[] }> | undefined> {
    if (!this.ref.number) return undefined;
    const kept = await (await this.deps.session.lookupService()).kept(this.ref.number);
    const card = kept?.value;
    if (!kept || !card || (this.ref.patentId && card.bibliography.patentId !== this.ref.patentId)) return undefined;
    return { ...kept, value: { bibliography: card.bibliography, legalStatus: card.legalStatus } };
  }

  private async fetchPatent(signal: AbortSignal): Promise<{ bibliography: Bibliography; legalStatus: string[] }> {
    const number = this.ref.number;
    if (number) {
      // Shared with hovers, and kept on disk: a patent just hovered, or read before a reload, opens without a call.
      const card = await (await this.deps.session.lookupService()).lookupOne(number, signal);
      if (card && (!this.ref.patentId || card.bibliography.patentId === this.ref.patentId)) return { bibliography: card.bibliography, legalStatus: card.legalStatus };
      if (!card && !this.ref.patentId) throw new PatentNotFound(vscode.l10n.t('PatSnap has no patent {0}.', number));
    }
    const api = await this.deps.session.api();
    const refs = { patentIds: [this.ref.patentId ?? ''] };
    const [bibs, statuses] = await Promise.all([api.bibliography(refs, { signal }), api.legalStatus(refs, { signal })]);
    const bibliography = bibs[0];
    if (!bibliography) throw new PatentNotFound(this.ref.number ? vscode.l10n.t('PatSnap has no patent {0}.', this.ref.number) : vscode.l10n.t('PatSnap has no patent with id {0}.', this.ref.patentId ?? ''));
    return { bibliography, legalStatus: statuses.find((s) => s.patentId === bibliography.patentId)?.statuses ?? [] };
  }

  private async loadImage(patent: PatentView, signal: AbortSignal): Promise<void> {
    try {
      const bytes = await (await this.deps.session.lookupService()).image(patent.number, signal);
      if (signal.aborted) return;
      const type = bytes && sniffImageType(bytes);
      if (!bytes || !type) {
        this.setImage({ state: 'none' });
        return;
      }
      this.setImage({ state: 'loaded', dataUri: `data:${type};base64,${bytes.toString('base64')}`, alt: vscode.l10n.t('Abstract drawing of {0}', patent.number) });
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return;
      this.deps.log.warn(`Drawing of ${patent.number} not loaded: ${e instanceof Error ? e.message : String(e)}`);
      this.setImage({ state: 'error', message: describeError(e)?.message ?? vscode.l10n.t('The drawing could not be loaded.') });
    }
  }

  private async loadDocuments(filter: DocFilter, offset: number): Promise<void> {
    this.docsAsked = { filter, offset };
    const number = this.currentNumber();
    const country = this.view.main.state === 'patent' ? this.view.main.patent.country : undefined;
    if (!examDocsSupported(country ?? number ?? '')) {
      // Said plainly, without a call PatSnap would refuse anyway.
      this.setDocuments({ state: 'unsupported', message: CN_EXAM_DOCS_MESSAGE });
      return;
    }
    this.docsController?.abort();
    const controller = (this.docsController = new AbortController());
    const { signal } = controller;
    this.setDocuments({ state: 'loading' });
    const params = docsPageParams({ number, patentId: this.ref.patentId }, filter, offset);
    try {
      // Kept like the record's sections: a restored panel lists them at once, and asks again when past their lifetime.
      const records = await this.deps.session.recordLookup();
      await staleWhileRevalidate(
        { kept: () => records.keptExamDocuments(params), fresh: () => records.examDocuments(params, signal) },
        ({ value, cached }) => {
          if (cached?.error) this.deps.log.warn(`Refreshing the examination documents of ${number ?? this.ref.patentId ?? '?'} failed: ${describeError(cached.error)?.message ?? String(cached.error)}`);
          this.docsPage = value;
          this.setDocuments(toDocumentsView(value, offset, DOCS_PAGE_SIZE, filter), cached && cachedNote(cached));
        },
        signal,
      );
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return;
      this.deps.errors.report(e, { what: vscode.l10n.t('Loading examination documents'), quiet: true });
      this.setDocuments({ state: 'error', error: this.shownError('documents', retryableDescription(e, vscode.l10n.t('Loading the examination documents'))) });
    }
  }

  private async pdf(mode: 'open' | 'save'): Promise<void> {
    const number = this.currentNumber() ?? this.ref.patentId ?? 'patent';
    try {
      await this.deps.files.pdf(() => this.deps.session.api(), { number, ...(this.ref.patentId ? { patentId: this.ref.patentId } : {}) }, mode);
    } catch (e) {
      this.deps.errors.report(e, { what: vscode.l10n.t('Getting the PDF'), retry: () => this.pdf(mode) });
    }
  }

  private async document(index: number, mode: 'open' | 'save'): Promise<void> {
    const listed = this.docsPage?.documents[index];
    const view = this.view.documents;
    if (!(listed?.url || listed?.urlExpired) || view?.state !== 'page') return;
    const number = this.currentNumber() ?? 'document';
    const target: PdfTarget = { kind: 'document', number, docCodes: [...view.filter.docCodes], offset: view.offset, index };
    if (this.ref.patentId) target.patentId = this.ref.patentId;
    if (view.filter.dateFrom !== undefined) target.dateFrom = view.filter.dateFrom;
    if (view.filter.dateTo !== undefined) target.dateTo = view.filter.dateTo;
    if (listed?.date !== undefined) target.date = listed.date;
    if (listed?.docCode) target.code = listed.docCode;
    try {
      if (mode === 'open') {
        await this.deps.files.view(target);
        return;
      }
      const suffix = `-${[listed.date, listed.docCode].filter((p) => p !== undefined).join('-')}-${view.offset + index + 1}`;
      await this.deps.files.saveDocument(await this.deps.session.api(), await this.deps.session.recordLookup(), target, pdfFileName(number, suffix));
    } catch (e) {
      this.deps.errors.report(e, { what: vscode.l10n.t('Opening the document') });
    }
  }
}
