/**
 * The patent panel's record sections (claims, family, citations, legal status and
 * events): each loaded the first time the reader shows it, from the session's cached
 * record lookups, each with its own loading, empty and error state, and none waiting
 * for another. Closing the panel, or the panel turning to another patent, cancels
 * what is loading.
 */
import * as vscode from 'vscode';
import type { Claim } from '../../core/record';
import type { PatentKey, RecordLookup } from '../../core/cache/recordLookup';
import type { FamilyTypeId, RecordSection, ToWebview } from '../../webview/protocol';
import type { ErrorDescription } from '../common/errorMessages.pure';
import { isCancellation } from '../common/errorMessages.pure';
import type { ErrorReporter } from '../common/errors';
import { independentClaimsText, claimText, toCitationsSection, toClaimsSection, toFamilySection, toLegalSection } from './recordViews.pure';

type SectionMessage = Extract<ToWebview, { type: RecordSection }>;
type SectionView<S extends RecordSection> = Extract<SectionMessage, { type: S }>['view'];

export interface SectionsHost {
  records(): Promise<RecordLookup>;
  errors: ErrorReporter;
  /** The user's preferred language for claims (the `patentLookup.language` setting). */
  language(): string | undefined;
  /** Sends a section's view to the webview (checked there; a view it would refuse becomes an error). */
  send(message: SectionMessage): void;
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

  constructor(private readonly host: SectionsHost) {}

  /** The patent the panel now shows: what was loaded for another is dropped, and what the reader shows is loaded for this one. */
  setPatent(key: PatentKey | undefined): void {
    const same = key && this.key && (key.patentId ?? key.number) === (this.key.patentId ?? this.key.number);
    this.key = key;
    if (same) return;
    this.cancelAll();
    this.views.clear();
    this.claims = [];
    this.doiLinks = [];
    if (key) for (const section of this.wanted) void this.load(section);
  }

  /** The reader showed `section`: loaded the first time (and after an error, on Retry only). */
  show(section: RecordSection): void {
    this.wanted.add(section);
    if (this.key && !this.views.has(section)) void this.load(section);
  }

  retry(section: RecordSection): Promise<void> {
    this.wanted.add(section);
    return this.load(section);
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

  private set(message: SectionMessage): void {
    this.views.set(message.type, message);
    this.host.send(message);
  }

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
      const empty = emptyMessages()[section];
      let message: SectionMessage;
      switch (section) {
        case 'claims': {
          const answer = await records.claims(key, signal);
          const built = toClaimsSection(answer, this.claimsLanguage ?? this.host.language(), key.number ?? answer?.pn ?? '', empty);
          if (signal.aborted) return;
          this.claims = built.claims;
          message = { type: 'claims', view: built.view };
          break;
        }
        case 'family':
          message = { type: 'family', view: toFamilySection(await records.familyView(key, this.familyType, signal), empty) };
          break;
        case 'citations': {
          const [cites, citedBy] = await Promise.all([records.citations(key, signal), records.citedBy(key, signal)]);
          const built = toCitationsSection(cites, citedBy, empty);
          if (signal.aborted) return;
          this.doiLinks = built.doiLinks;
          message = { type: 'citations', view: built.view };
          break;
        }
        case 'legal': {
          const [detail, events] = await Promise.all([records.legalDetail(key, signal), records.legalEvents(key, signal)]);
          message = { type: 'legal', view: toLegalSection(detail, events, empty) };
          break;
        }
      }
      if (signal.aborted) return;
      this.set(message);
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
