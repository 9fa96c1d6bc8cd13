import * as vscode from 'vscode';
import type { PatentNumberMatch } from '../../core/numbers';
import { describeError, errorDetail, isCancellation } from '../common/errorMessages.pure';
import { sniffImageType } from '../patent/patentView.pure';
import { abortSignalOf } from '../common/cancellation';
import { within } from './abort.pure';
import type { PatentNumberFeatureDeps } from './deps';
import { rangeOf, type DocumentNumberIndex } from './documentNumberIndex';
import { buildCardMarkdown, CARD_COMMANDS, MAX_CARD_IMAGE_BASE64, type CardInput, type CardLookup, type CardResolution } from './patentCardMarkdown.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

/** How long a card waits for a drawing (or the family's size) not cached yet; the fetch goes on and the next hover shows it. */
const IMAGE_WAIT_MS = 1_200;
/** An application card waits longer: its publications are what it is for. */
const RESOLVE_WAIT_MS = 4_000;

/**
 * A card over a patent number, in any document: cached answers at once, otherwise one
 * batched lookup that stops being waited for when the hover goes away.
 */
export class PatentHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly settings: PatentNumberSettings,
    private readonly deps: PatentNumberFeatureDeps,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.settings.hoverEnabled) return undefined;
    const match = this.index.matchAt(document, position);
    if (!match) return undefined;
    const abort = abortSignalOf(token);
    try {
      const input = await this.cardInput(match, abort.signal);
      if (!input || token.isCancellationRequested) return undefined;
      const markdown = new vscode.MarkdownString(buildCardMarkdown(input));
      // Links may run our own commands and nothing else; API text is escaped, HTML is off.
      markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
      markdown.supportHtml = false;
      markdown.supportThemeIcons = false;
      return new vscode.Hover(markdown, rangeOf(document, match));
    } finally {
      abort.dispose();
    }
  }

  /** undefined when the hover was cancelled while waiting. */
  private async cardInput(match: PatentNumberMatch, signal: AbortSignal): Promise<CardInput | undefined> {
    const base = { number: match.number, type: match.type };
    if (match.type === 'application') {
      const resolution = await this.resolution(match.number, signal);
      if (signal.aborted) return undefined;
      return resolution ? { ...base, lookup: { state: 'notFound' }, resolution } : { ...base, lookup: { state: 'notFound' } };
    }
    const lookup = await this.lookup(match.number, signal);
    if (!lookup) return undefined;
    if (lookup.state !== 'found') return { ...base, lookup };
    const pn = lookup.card.bibliography.pn || match.number;
    const [image, family] = await Promise.all([this.image(pn, signal), this.family(pn, signal)]);
    const input: CardInput = { ...base, lookup };
    if (image) input.image = image;
    if (family) input.family = family;
    return input;
  }

  /** The family's sizes, when they come in the hover's time (P014, batched and cached like the card). */
  private async family(number: string, signal: AbortSignal): Promise<CardInput['family']> {
    if (!this.deps.records) return undefined;
    try {
      const records = await this.deps.records();
      const family = await within(records.family({ number }, signal), IMAGE_WAIT_MS, signal);
      return family ? { simple: family.simple.length, inpadoc: family.inpadoc.length } : undefined;
    } catch (e) {
      if (!isCancellation(e)) this.deps.log.debug(`Family of ${number} not loaded: ${errorDetail(e)}`);
      return undefined;
    }
  }

  /** An application number's publications (P069), unless lookups are off or no credentials are set. */
  private async resolution(number: string, signal: AbortSignal): Promise<CardResolution | undefined> {
    if (!this.deps.records || !this.settings.lookupsEnabled || !this.deps.canLookUp()) return undefined;
    try {
      const records = await this.deps.records();
      const resolved = await within(records.resolve(number, signal), RESOLVE_WAIT_MS, signal);
      if (!resolved) return undefined;
      if (resolved.publications.length === 0) return { state: 'notFound' };
      return { state: 'found', publications: resolved.publications.map((p) => ({ pn: p.pn, patentId: p.patentId, ...(p.title ? { title: p.title } : {}) })) };
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return undefined;
      this.deps.log.warn(`Hover resolution of ${number} failed: ${errorDetail(e)}`);
      return { state: 'error', message: describeError(e, vscode.l10n.t('Lookup'))?.message ?? vscode.l10n.t('Lookup failed.') };
    }
  }

  private async lookup(number: string, signal: AbortSignal): Promise<CardLookup | undefined> {
    if (!this.settings.lookupsEnabled) return { state: 'lookupsDisabled' };
    if (!this.deps.canLookUp()) return { state: 'noCredentials' };
    try {
      const card = this.deps.lookups.peek(number) ?? (await this.deps.lookups.lookupOne(number, signal));
      return card ? { state: 'found', card } : { state: 'notFound' };
    } catch (e) {
      if (signal.aborted || isCancellation(e)) return undefined;
      this.deps.log.warn(`Hover lookup of ${number} failed: ${errorDetail(e)}`);
      return { state: 'error', message: describeError(e, vscode.l10n.t('Lookup'))?.message ?? vscode.l10n.t('Lookup failed.') };
    }
  }

  private async image(number: string, signal: AbortSignal): Promise<CardInput['image']> {
    let bytes = this.deps.lookups.peekImage(number);
    if (bytes === undefined) {
      try {
        bytes = await within(this.deps.lookups.image(number, signal), IMAGE_WAIT_MS, signal);
      } catch (e) {
        if (!isCancellation(e)) this.deps.log.debug(`Drawing of ${number} not loaded: ${errorDetail(e)}`);
        return undefined;
      }
    }
    const mimeType = bytes ? sniffImageType(bytes) : undefined;
    if (!bytes || !mimeType) return undefined;
    const base64 = bytes.toString('base64');
    return base64.length <= MAX_CARD_IMAGE_BASE64 ? { mimeType, base64 } : undefined;
  }
}
