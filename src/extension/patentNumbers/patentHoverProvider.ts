import * as vscode from 'vscode';
import type { PatentNumberMatch } from '../../core/numbers';
import { describeError, errorDetail, isCancellation } from '../common/errorMessages.pure';
import { sniffImageType } from '../patent/patentView.pure';
import { abortSignalOf } from '../common/cancellation';
import { within } from './abort.pure';
import type { PatentNumberFeatureDeps } from './deps';
import { rangeOf, type DocumentNumberIndex } from './documentNumberIndex';
import { buildCardMarkdown, CARD_COMMANDS, MAX_CARD_IMAGE_BASE64, type CardInput, type CardLookup } from './patentCardMarkdown.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

/** How long a card waits for a drawing not cached yet; the fetch goes on and the next hover shows it. */
const IMAGE_WAIT_MS = 1_200;

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
    if (match.type === 'application') return { ...base, lookup: { state: 'notFound' } };
    const lookup = await this.lookup(match.number, signal);
    if (!lookup) return undefined;
    if (lookup.state !== 'found') return { ...base, lookup };
    const image = await this.image(lookup.card.bibliography.pn || match.number, signal);
    return image ? { ...base, lookup, image } : { ...base, lookup };
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
      return { state: 'error', message: describeError(e, 'Lookup')?.message ?? 'Lookup failed.' };
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
