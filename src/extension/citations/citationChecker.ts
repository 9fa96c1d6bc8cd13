import * as vscode from 'vscode';
import type { Bibliography, PatsnapApi } from '../../core/api/types';
import { lintCitations, recordCheck, type Citation, type CitationFacts, type CitationProblem } from '../../core/citations';
import type { CitationFactsLookup, FactsOutcome } from '../../core/citations/facts';
import { Disposable } from '../common/disposable';
import { formatDay } from '../common/format.pure';
import { errorDetail, isCancellation } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import type { PatsnapSession } from '../session';
import { rangeOf, type DocumentNumberIndex } from '../patentNumbers/documentNumberIndex';
import type { PatentNumberSettings } from '../patentNumbers/patentNumberSettings';
import type { CitationSettings } from './citationSettings';
import type { SeveritySetting } from './citationSettings.pure';
import type { CitationState } from './citationState.pure';
import { isCheckable, type LookupState } from './checkSummary.pure';

/** Diagnostics' `source`: design.md names it, other tools filter on it. */
export const DIAGNOSTIC_SOURCE = 'Patent Lookup';
/** After an edit, check once typing pauses. */
const DEBOUNCE_MS = 400;

export interface DocumentCheck {
  uri: string;
  version: number;
  citations: number;
  problems: CitationProblem[];
  lookups: LookupState;
  /** The facts the problems were judged on (what was known then). */
  facts?: CitationFacts;
  /** What went wrong with the lookups, in words. */
  failure?: string;
}

export interface CitationCheckerDeps {
  index: DocumentNumberIndex;
  numberSettings: PatentNumberSettings;
  settings: CitationSettings;
  state: CitationState;
  session: PatsnapSession;
  errors: ErrorReporter;
  log: vscode.LogOutputChannel;
}

interface Work {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** Another run is due once this one is done (an edit or a command came meanwhile). */
  again?: { fresh: boolean; explicit: boolean };
}

const SEVERITY: Readonly<Record<Exclude<SeveritySetting, 'off'>, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Checks the citations of the documents in view: the offline rules at once on every change,
 * then the rules that need facts once the numbers not known yet are looked up (batched, cached,
 * so an edit costs calls only for the numbers it wrote). Publishes diagnostics and a summary per
 * document, and remembers each document's statuses for "what changed since".
 */
export class CitationChecker extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('patentLookup.citations'));
  private readonly checks = new Map<string, DocumentCheck>();
  private readonly work = new Map<string, Work>();
  private readonly checked = this.register(new vscode.EventEmitter<DocumentCheck | undefined>());
  /** Fires after a document's diagnostics were published; with undefined when all were cleared. */
  readonly onDidCheck = this.checked.event;
  private lookup: Promise<CitationFactsLookup> | undefined;
  private loaded: CitationFactsLookup | undefined;
  private api: PatsnapApi | undefined;

  constructor(private readonly deps: CitationCheckerDeps) {
    super();
    const { settings, numberSettings, session } = deps;
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.checkVisible()));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && (this.checks.has(e.document.uri.toString()) || this.isVisible(e.document))) this.schedule(e.document, DEBOUNCE_MS);
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    this.register(settings.onDidChange(() => this.recheckAll()));
    this.register(numberSettings.onDidChange(() => this.recheckAll()));
    // Clear Lookup Cache forgets the checks' lookups too.
    this.register(session.onDidClearLookups(() => this.loaded?.clear()));
    this.register(
      session.onDidChange(() => {
        // Another account or gateway may answer differently.
        this.loaded?.clear();
        this.recheckAll();
      }),
    );
    this.register({ dispose: () => [...this.work.values()].forEach((w) => clearTimeout(w.timer)) });
    this.checkVisible();
  }

  /** The latest check of a document, if it was checked. */
  latest(document: vscode.TextDocument): DocumentCheck | undefined {
    return this.checks.get(document.uri.toString());
  }

  /** Checks `document` now (after any check under way); `fresh` asks PatSnap again for every number. */
  async check(document: vscode.TextDocument, options: { fresh?: boolean; explicit?: boolean } = {}): Promise<DocumentCheck | undefined> {
    this.start(document, { fresh: options.fresh ?? false, explicit: options.explicit ?? false });
    await this.idle(document);
    return this.latest(document);
  }

  /** Resolves once no check of `document` is scheduled or running (a scheduled one runs now). */
  async idle(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    for (;;) {
      const w = this.work.get(key);
      if (!w) return;
      if (w.timer) {
        clearTimeout(w.timer);
        w.timer = undefined;
        this.start(document, { fresh: false, explicit: false });
      }
      if (!w.running) return;
      await w.running;
    }
  }

  /** Resolves once no document's check is scheduled or running (scheduled ones run now). */
  async idleAll(): Promise<void> {
    for (;;) {
      const busy = vscode.workspace.textDocuments.filter((d) => {
        const w = this.work.get(d.uri.toString());
        return w?.timer !== undefined || w?.running !== undefined;
      });
      if (busy.length === 0) return;
      await Promise.all(busy.map((d) => this.idle(d)));
    }
  }

  /** Drops what was looked up: the next check asks again. */
  forgetFacts(): void {
    this.loaded?.clear();
  }

  /** Whether numbers may be looked up at all: the setting allows it and there is a backend to ask. */
  get lookupsAllowed(): boolean {
    return this.deps.numberSettings.lookupsEnabled && this.deps.session.hasCredentials;
  }

  /** Looks up what is not known of `citations` (all of it when `fresh`), through the session's client. */
  async lookUp(citations: readonly Citation[], options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<FactsOutcome> {
    this.api = await this.deps.session.api();
    return (await this.factsLookup()).lookUp(citations, options);
  }

  /** The facts lookup, loaded with the first check that may look numbers up (it brings the client). */
  factsLookup(): Promise<CitationFactsLookup> {
    this.lookup ??= (async () => {
      const [{ CitationFactsLookup }, cards] = await Promise.all([import('../../core/citations/facts'), this.deps.session.lookupService()]);
      const records = () => this.deps.session.recordLookup(); // the backend's in use now
      const lookup = new CitationFactsLookup(() => this.api as PatsnapApi, {
        // The panel's record cache, kept on disk: statuses, families and resolutions a reload keeps.
        records: {
          legalDetails: async (numbers, signal) => (await records()).legalDetails(numbers.map((number) => ({ number })), signal),
          families: async (numbers, signal) => (await records()).families(numbers.map((number) => ({ number })), signal),
          resolve: async (inputs, signal) => {
            const lookup = await records();
            return Promise.all(inputs.map((input) => lookup.resolve(input, signal)));
          },
        },
        // The hovers' card cache: a number a hover showed costs no bibliography call here.
        bibliographies: async (numbers) => {
          const settled = await Promise.allSettled(numbers.map((n) => cards.lookupOne(n)));
          const found = new Map<string, Bibliography | null>();
          let failure: unknown;
          settled.forEach((r, i) => {
            if (r.status === 'fulfilled') found.set(numbers[i] as string, r.value?.bibliography ?? null);
            else failure ??= r.reason;
          });
          return { found, failure };
        },
      });
      this.loaded = lookup;
      return lookup;
    })();
    return this.lookup;
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  private checkVisible(): void {
    if (!this.deps.settings.enabled) return;
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      if (!isCheckable(doc.uri.scheme)) continue;
      const last = this.latest(doc);
      // Checked offline while hidden, or never: check it now it shows.
      if (!last || last.version !== doc.version || last.lookups === 'notVisible') this.schedule(doc, 0);
    }
  }

  private recheckAll(): void {
    if (!this.deps.settings.enabled) {
      this.collection.clear();
      this.checks.clear();
      this.checked.fire(undefined);
      return;
    }
    for (const doc of vscode.workspace.textDocuments) if (this.checks.has(doc.uri.toString()) || this.isVisible(doc)) this.schedule(doc, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.work.get(key)?.timer);
    this.collection.delete(uri);
    this.checks.delete(key);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.deps.settings.enabled || !isCheckable(document.uri.scheme)) return;
    const key = document.uri.toString();
    const w = this.work.get(key) ?? {};
    this.work.set(key, w);
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timer = undefined;
      this.start(document, { fresh: false, explicit: false });
    }, delay);
  }

  private start(document: vscode.TextDocument, request: { fresh: boolean; explicit: boolean }): void {
    const key = document.uri.toString();
    const w = this.work.get(key) ?? {};
    this.work.set(key, w);
    if (w.running) {
      w.again = { fresh: request.fresh || (w.again?.fresh ?? false), explicit: request.explicit || (w.again?.explicit ?? false) };
      return;
    }
    w.running = this.run(document, request)
      .catch((e: unknown) => this.deps.log.error(`Citation check of ${document.uri.toString(true)} failed: ${errorDetail(e)}`))
      .finally(() => {
        w.running = undefined;
        const again = w.again;
        w.again = undefined;
        if (again && !document.isClosed && !this.isDisposed) this.start(document, again);
        else if (!w.timer) this.work.delete(key);
      });
  }

  /** Why numbers are not looked up for this document now, or undefined when they are. */
  private offlineReason(document: vscode.TextDocument, explicit: boolean): LookupState | undefined {
    if (!this.deps.numberSettings.lookupsEnabled) return 'off';
    if (!this.deps.session.hasCredentials) return 'noCredentials';
    if (!explicit && !this.isVisible(document)) return 'notVisible';
    return undefined;
  }

  /**
   * The document's problems as of now: the latest check's, or, when the text changed since, the
   * rules run again at once on the facts known (quick fixes must not wait for the next check).
   */
  current(document: vscode.TextDocument): { problems: readonly CitationProblem[]; facts?: CitationFacts } {
    const latest = this.latest(document);
    if (latest?.version === document.version) return latest;
    const facts = this.knownFacts(document, this.offlineReason(document, false));
    return { problems: this.lint(document, facts).problems, ...(facts ? { facts } : {}) };
  }

  /** What is known of the document's numbers; nothing at all when lookups are off or there is no backend. */
  private knownFacts(document: vscode.TextDocument, offline: LookupState | undefined): CitationFacts | undefined {
    return offline === 'off' || offline === 'noCredentials' ? undefined : this.loaded?.known(this.deps.index.citations(document));
  }

  private lint(document: vscode.TextDocument, facts: CitationFacts | undefined): { citations: readonly Citation[]; problems: CitationProblem[] } {
    const uri = document.uri.toString();
    const citations = this.deps.index.citations(document);
    return { citations, problems: lintCitations(citations, { facts, ignored: this.deps.state.ignored(uri), previous: this.deps.state.lastCheck(uri), l10n: vscode.l10n, date: (iso) => formatDay(iso) ?? iso }) };
  }

  private async run(document: vscode.TextDocument, request: { fresh: boolean; explicit: boolean }): Promise<void> {
    const { index, state } = this.deps;
    const uri = document.uri.toString();
    const previous = state.lastCheck(uri);
    const lint = (facts: CitationFacts | undefined) => this.lint(document, facts);
    const offline = this.offlineReason(document, request.explicit);
    // Lookups off (or no backend): the offline rules alone, not even what was looked up before.
    const known = this.knownFacts(document, offline);
    const first = lint(known);
    const unknown = first.citations.some((c) => !c.problem && !(c.type === 'application' ? known?.applications.has(c.number) : known?.publications.has(c.number)));
    if (offline || (!unknown && !request.fresh)) {
      this.publish(document, first.citations.length, first.problems, offline ?? 'done', known);
      if (!offline && known && first.citations.length > 0) await this.remember(uri, previous, first.citations, known);
      return;
    }
    this.publish(document, first.citations.length, first.problems, 'pending', known);

    let failure: unknown;
    try {
      ({ failure } = await this.lookUp(index.citations(document), { fresh: request.fresh }));
    } catch (e) {
      failure = e;
    }
    if (document.isClosed || this.isDisposed) return;
    const lookup = this.loaded;
    const facts = lookup?.known(index.citations(document));
    const done = lint(facts);
    const cancelled = failure !== undefined && isCancellation(failure);
    if (failure !== undefined && !cancelled) {
      this.deps.log.warn(`Citation lookups for ${document.uri.toString(true)} failed: ${errorDetail(failure)}`);
      if (request.explicit) this.deps.errors.report(failure, { what: vscode.l10n.t('Citation check'), retry: () => this.check(document, { fresh: true, explicit: true }) });
    }
    const described = failure !== undefined && !cancelled ? errorDetail(failure) : undefined;
    this.publish(document, done.citations.length, done.problems, failure === undefined ? 'done' : 'failed', facts, described);
    if (facts) await this.remember(uri, previous, done.citations, facts);
  }

  /** Saves the statuses this check found, when they differ from what was saved. */
  private async remember(uri: string, previous: ReturnType<CitationState['lastCheck']>, citations: readonly Citation[], facts: CitationFacts): Promise<void> {
    const record = recordCheck(previous, citations, facts, today());
    if (previous && JSON.stringify(previous.numbers) === JSON.stringify(record.numbers)) return;
    await this.deps.state.saveCheck(uri, record);
  }

  private publish(document: vscode.TextDocument, citations: number, problems: CitationProblem[], lookups: LookupState, facts: CitationFacts | undefined, failure?: string): void {
    const severities = this.deps.settings.severities;
    const shown = problems.filter((p) => severities[p.code] !== 'off');
    const diagnostics = shown.map((p) => {
      const d = new vscode.Diagnostic(rangeOf(document, p.citation), p.message, SEVERITY[severities[p.code] as Exclude<SeveritySetting, 'off'>]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = p.code;
      if (p.first) {
        d.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, rangeOf(document, p.first)), vscode.l10n.t('First cited here, as {0}', p.first.text)),
        ];
      }
      return d;
    });
    this.collection.set(document.uri, diagnostics);
    const check: DocumentCheck = { uri: document.uri.toString(), version: document.version, citations, problems: shown, lookups, ...(facts ? { facts } : {}), ...(failure ? { failure } : {}) };
    this.checks.set(check.uri, check);
    this.checked.fire(check);
  }
}
