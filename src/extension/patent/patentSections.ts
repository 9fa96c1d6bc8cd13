/**
 * The patent panel's record sections (claims, family, citations, legal status and
 * events): each loaded the first time the reader shows it, from the session's cached
 * record lookups, each with its own loading, empty and error state, and none waiting
 * for another. Closing the panel, or the panel turning to another patent, cancels
 * what is loading.
 */
import * as vscode from 'vscode';
import type { Claim } from '../../core/record';
import { keptAll, staleWhileRevalidate, type Revalidation } from '../../core/cache/kept';
import type { PatentKey, RecordLookup } from '../../core/cache/recordLookup';
import type { FamilyTypeId, RecordSection, ToWebview } from '../../webview/protocol';
import type { ErrorDescription } from '../common/errorMessages.pure';
import { describeError, isCancellation } from '../common/errorMessages.pure';
import { toErrorView } from '../common/errorView.pure';
import type { ErrorReporter } from '../common/errors';
import { cachedNote } from './panelStrings';
import { independentClaimsText, claimText, toCitationsSection, toClaimsSection, toFamilySection, toLegalSection } from './recordViews.pure';

type SectionMessage = Extract<ToWebview, { type: RecordSection }>;
type SectionView<S extends RecordSection> = Extract<SectionMessage, { type: S }>['view'];

export interface SectionsHost {
  records(): Promise<RecordLookup>;
  errors: ErrorReporter;
  /** The user's preferred language for claims (the `patentLookup.language` setting). */
  language(): string | undefined;
  /** A warning line in the log (a refresh that failed while the cached section stays shown). */
  log(message: string): void;
  /** Sends a section's view to the webview (checked there; a view it would refuse becomes an error). */
  send(message: SectionMessage): void;
  /** Loads the patent again: a section's Retry while the patent itself failed (its sections load once it is shown). */
  reloadPatent(): Promise<void>;
  /** An error as the panel shows it, remembered for its "Open Settings". */
  errorView(section: RecordSection, e: unknown, what: string): Extract<SectionView<'claims'>, { state: 'error' }>;
}

function emptyMessages(): Record<RecordSection, string> {
  return {
    claims: vscode.l10n.t('No claims recorded for this patent.'),
    family: vscode.l10n.t('No family members recorded.'),
    citations: vscode.l10n.t('No citations recorded.'),
    legal: vscode.l10n.t('No legal status or events recorded.'),
  };
}

function whatFailed(section: RecordSection): string {
  switch (section) {
    case 'claims':
      return vscode.l10n.t('Loading the claims');
    case 'family':
      return vscode.l10n.t('Loading the family');
    case 'citations':
      return vscode.l10n.t('Loading the citations');
    case 'legal':
      return vscode.l10n.t('Loading the legal status and events');
  }
}

type Source<T> = Revalidation<T> & { render(value: T): SectionMessage };

/** A section's source, its record's type checked where it is made and forgotten where it is used. */
function typed<T>(source: Source<T>): Source<unknown> {
  return source as Source<unknown>;
}

export class PatentSections implements vscode.Disposable {
  private key: PatentKey | undefined;
  /** Sections the reader has shown: they are loaded, and loaded again for another patent. */
  private readonly wanted = new Set<RecordSection>();
  private readonly views = new Map<RecordSection, SectionMessage>();
  private readonly controllers = new Map<RecordSection, AbortController>();
  private familyType: FamilyTypeId = 'simple';
  private claimsLanguage: string | undefined;
  /** What the reader sees, for copying and for opening: the claims shown, the literature's DOI links, the family and citations' ids. */
  private claims: Claim[] = [];
  private doiLinks: ReadonlyArray<string | undefined> = [];
  private readonly errorsShown = new Map<RecordSection, ErrorDescription>();
  /** Why the patent could not be loaded, while no patent is shown: what a section shown meanwhile says. */
  private patentFailure: ErrorDescription | undefined;

  constructor(private readonly host: SectionsHost) {}

  /** The patent the panel now shows: what was loaded for another is dropped, and what the reader shows is loaded for this one. */
  setPatent(key: PatentKey | undefined): void {
    const same = key && this.key && (key.patentId ?? key.number) === (this.key.patentId ?? this.key.number);
    this.key = key;
    this.patentFailure = undefined;
    if (same) return;
    this.cancelAll();
    this.views.clear();
    this.claims = [];
    this.doiLinks = [];
    // Without a patent (it is being loaded again, from another backend maybe) what was shown is no longer its: each waits for it.
    for (const section of this.wanted) {
      if (key) void this.load(section);
      else this.set({ type: section, view: { state: 'loading' } } as SectionMessage);
    }
  }

  /**
   * The patent could not be loaded (`description`, with the actions the card offers): every
   * section the reader has shown says so instead of waiting for it, and so does one shown
   * later, until a patent is shown; their Retry loads the patent again.
   */
  patentFailed(description: ErrorDescription): void {
    this.key = undefined;
    this.cancelAll();
    this.patentFailure = description;
    for (const section of this.wanted) this.showFailure(section, description);
  }

  /** The reader showed `section`: loaded the first time (and after an error, on Retry only). */
  show(section: RecordSection): void {
    this.wanted.add(section);
    if (this.key && !this.views.has(section)) void this.load(section);
    else if (this.patentFailure && !this.views.has(section)) this.showFailure(section, this.patentFailure);
  }

  retry(section: RecordSection): Promise<void> {
    this.wanted.add(section);
    return this.patentFailure ? this.host.reloadPatent() : this.load(section);
  }

  setFamilyType(type: FamilyTypeId): Promise<void> {
    this.familyType = type;
    return this.load('family');
  }

  setClaimsLanguage(language: string): Promise<void> {
    this.claimsLanguage = language;
    return this.load('claims');
  }

  /** Every view held, for a webview that (re)loaded. */
  resend(): void {
    for (const message of this.views.values()) this.host.send(message);
  }

  get snapshot(): ReadonlyMap<RecordSection, SectionMessage> {
    return this.views;
  }

  shownError(section: RecordSection): ErrorDescription | undefined {
    return this.errorsShown.get(section);
  }

  rememberError(section: RecordSection, description: ErrorDescription): void {
    this.errorsShown.set(section, description);
  }

  /** The text "copy" puts on the clipboard: one claim, or every independent claim. */
  claimsText(num: number | undefined): string | undefined {
    if (num === undefined) return this.claims.some((c) => c.independent) ? independentClaimsText(this.claims) : undefined;
    const claim = this.claims.find((c) => c.num === num);
    return claim && claimText(claim);
  }

  doiLink(index: number): string | undefined {
    return this.doiLinks[index];
  }

  dispose(): void {
    this.cancelAll();
  }

  private cancelAll(): void {
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
  }

  /** Where a section's record comes from (kept, and asked for), and the view it makes; `render` keeps what copy and open need. */
  private source(section: RecordSection, records: RecordLookup, key: PatentKey, signal: AbortSignal): Revalidation<unknown> & { render(value: unknown): SectionMessage } {
    const empty = emptyMessages()[section];
    switch (section) {
      case 'claims':
        return typed({
          kept: () => records.kept('claims', key),
          fresh: () => records.claims(key, signal),
          render: (answer) => {
            const built = toClaimsSection(answer, this.claimsLanguage ?? this.host.language(), key.number ?? answer?.pn ?? '', empty);
            this.claims = built.claims;
            return { type: 'claims', view: built.view };
          },
        });
      case 'family': {
        const type = this.familyType;
        return typed({
          kept: () => records.keptFamilyView(key, type),
          fresh: () => records.familyView(key, type, signal),
          render: (view) => ({ type: 'family', view: toFamilySection(view, empty) }),
        });
      }
      case 'citations':
        return typed({
          kept: async () => keptAll([await records.kept('citations', key), await records.kept('citedBy', key)] as const),
          fresh: () => Promise.all([records.citations(key, signal), records.citedBy(key, signal)] as const),
          render: ([cites, citedBy]) => {
            const built = toCitationsSection(cites, citedBy, empty);
            this.doiLinks = built.doiLinks;
            return { type: 'citations', view: built.view };
          },
        });
      case 'legal':
        return typed({
          kept: async () => keptAll([await records.kept('legalDetail', key), await records.kept('legalEvents', key)] as const),
          fresh: () => Promise.all([records.legalDetail(key, signal), records.legalEvents(key, signal)] as const),
          render: ([detail, events]) => ({ type: 'legal', view: toLegalSection(detail, events, empty) }),
        });
    }
  }

  private showFailure(section: RecordSection, description: ErrorDescription): void {
    this.rememberError(section, description);
    this.set({ type: section, view: { state: 'error', error: toErrorView(description) } } as SectionMessage);
  }

  private set(message: SectionMessage): void {
    this.views.set(message.type, message);
    this.host.send(message);
  }

  /**
   * Loads a section: what the record lookup keeps is shown at once (a panel restored
   * after a reload), fresh without a call; past its lifetime, marked as cached while it is
   * asked for again, and kept with a quiet note when that fails.
   */
  private async load(section: RecordSection): Promise<void> {
    const key = this.key;
    if (!key) return;
    this.controllers.get(section)?.abort();
    const controller = new AbortController();
    this.controllers.set(section, controller);
    const { signal } = controller;
    this.set({ type: section, view: { state: 'loading' } } as SectionMessage);
    try {
      const records = await this.host.records();
      const source = this.source(section, records, key, signal);
      await staleWhileRevalidate<unknown>(
        source,
        ({ value, cached }) => {
          if (cached?.error) this.host.log(`Refreshing the ${section} of ${key.number ?? key.patentId ?? '?'} failed: ${describeError(cached.error)?.message ?? String(cached.error)}`);
          const message = source.render(value);
          this.set((cached ? { ...message, cached: cachedNote(cached) } : message) as SectionMessage);
        },
        signal,
      );
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return;
      const what = whatFailed(section);
      this.host.errors.report(e, { what, quiet: true });
      this.set({ type: section, view: this.host.errorView(section, e, what) } as SectionMessage);
    } finally {
      if (this.controllers.get(section) === controller) this.controllers.delete(section);
    }
  }
}
