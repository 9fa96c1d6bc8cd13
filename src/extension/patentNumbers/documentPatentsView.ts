import * as vscode from 'vscode';
import type { PatentCard } from '../../core/cache/patentLookup';
import type { PatentNumberMatch } from '../../core/numbers';
import { describeError, errorDetail, isCancellation } from '../common/errorMessages.pure';
import { Disposable } from '../common/disposable';
import { showInfo } from '../common/notifications';
import type { PatentNumberFeatureDeps } from './deps';
import { rangeOf, type DocumentNumberIndex } from './documentNumberIndex';
import { cardTitle, groupMatches, numbersToLookUp, occurrenceLabel, publicationRow, type PatentGroup } from './documentPatentsModel.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

export const DOCUMENT_PATENTS_VIEW = 'patentLookup.documentPatents';
/** 'noEditor' | 'empty' | 'ready': picks the view's welcome text. */
const STATE_CONTEXT = 'patentLookup.documentPatents.state';
const DEBOUNCE_MS = 300;
/** The batch endpoints' limit: the tree fills in one batch at a time. */
const BATCH = 100;

/** One patent written in the document. `number` and `patentId` are what menu commands read. */
export class PatentNode {
  readonly kind = 'patent';
  readonly id: string;
  readonly number: string;
  readonly patentId: string | undefined;
  readonly places: PlaceNode[];

  constructor(
    readonly group: PatentGroup,
    readonly card: PatentCard | null | undefined,
    readonly uri: vscode.Uri,
  ) {
    this.id = `patent/${group.type}/${group.key}`;
    this.number = card?.bibliography.pn || group.key;
    this.patentId = card?.bibliography.patentId || undefined;
    this.places = group.occurrences.map((m) => new PlaceNode(this, m));
  }
}

/** One place the patent is written. */
export class PlaceNode {
  readonly kind = 'place';
  readonly id: string;

  constructor(
    readonly parent: PatentNode,
    readonly match: PatentNumberMatch,
  ) {
    this.id = `${parent.id}@${match.line}:${match.column}`;
  }
}

export type DocumentPatentsNode = PatentNode | PlaceNode;

/** What the tree shows, for the in-host tests. */
export interface DocumentPatentsSnapshot {
  uri: string | undefined;
  patents: Array<{ number: string; title?: string; legalStatus: string[]; places: Array<{ line: number; column: number; text: string }> }>;
}

/**
 * "Patents in Document": every patent number of the active editor's document, grouped by
 * patent, with title and legal status filled in by batched lookups. Follows the active
 * editor and the document's edits (debounced; stale work is cancelled).
 */
export class DocumentPatentsView extends Disposable implements vscode.TreeDataProvider<DocumentPatentsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<DocumentPatentsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<DocumentPatentsNode>;
  private document: vscode.TextDocument | undefined;
  private nodes: PatentNode[] = [];
  private work: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The shown nodes are older than the document, settings or cache (refreshed when next visible). */
  private stale = true;

  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly settings: PatentNumberSettings,
    private readonly deps: PatentNumberFeatureDeps,
  ) {
    super();
    this.view = this.register(vscode.window.createTreeView(DOCUMENT_PATENTS_VIEW, { treeDataProvider: this, showCollapseAll: true }));
    this.register(vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === this.currentDocument() && this.schedule(DEBOUNCE_MS)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => d === this.document && this.schedule(0)));
    this.register(settings.onDidChange(() => this.schedule(0)));
    if (deps.onDidChangeLookups) this.register(deps.onDidChangeLookups(() => this.schedule(0)));
    this.register(this.view.onDidChangeVisibility((e) => e.visible && this.stale && this.schedule(0)));
    this.register({ dispose: () => (clearTimeout(this.timer), this.work?.abort()) });
    this.schedule(0);
  }

  /** Refreshes now for the active editor and waits until titles are filled in (or failed). */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    await this.load();
  }

  /** The view, revealed and refreshed: the `patentLookup.findInDocument` command. */
  async findInDocument(): Promise<void> {
    if (!vscode.window.activeTextEditor) {
      void showInfo(vscode.l10n.t('Open a document to find the patent numbers written in it.'));
      return;
    }
    // The view's own focus command, contributed by VS Code for every view.
    await vscode.commands.executeCommand(`${DOCUMENT_PATENTS_VIEW}.focus`);
    await this.refresh();
  }

  snapshot(): DocumentPatentsSnapshot {
    return {
      uri: this.document?.uri.toString(),
      patents: this.nodes.map((n) => ({
        number: n.number,
        title: n.card ? cardTitle(n.card) : undefined,
        legalStatus: n.card?.legalStatus ?? [],
        places: n.group.occurrences.map((m) => ({ line: m.line, column: m.column, text: m.text })),
      })),
    };
  }

  getChildren(node?: DocumentPatentsNode): DocumentPatentsNode[] {
    if (!node) return this.nodes;
    return node.kind === 'patent' ? node.places : [];
  }

  getParent(node: DocumentPatentsNode): DocumentPatentsNode | undefined {
    return node.kind === 'place' ? node.parent : undefined;
  }

  getTreeItem(node: DocumentPatentsNode): vscode.TreeItem {
    return node.kind === 'patent' ? this.patentItem(node) : placeItem(node);
  }

  private patentItem(node: PatentNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.number, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('law');
    const count = node.places.length;
    const where = count === 1 ? vscode.l10n.t('1 place') : vscode.l10n.t('{0} places', count);
    if (node.group.type === 'application') {
      item.description = vscode.l10n.t('application number · {0}', where);
      item.contextValue = 'documentPatent.application';
    } else {
      const row = publicationRow(node.number, node.card, node.group, where, vscode.l10n);
      item.description = row.description;
      item.contextValue = node.card === null ? 'documentPatent.notFound' : 'documentPatent.publication';
      item.tooltip = row.tooltip;
    }
    return item;
  }

  private currentDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    // Focusing the tree, the panel or a webview leaves no active editor: keep showing the last document.
    if (active && active.uri.scheme !== 'output') return active;
    return this.document && !this.document.isClosed ? this.document : undefined;
  }

  private schedule(delayMs: number): void {
    this.stale = true;
    clearTimeout(this.timer);
    if (!this.view.visible) return; // done when the view shows again
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async load(): Promise<void> {
    this.work?.abort();
    const work = (this.work = new AbortController());
    this.stale = false;
    this.view.message = undefined;
    const document = (this.document = this.currentDocument());
    const matches = document ? this.index.matches(document) : [];
    // With lookups off the view shows numbers only, as the hover does: answers cached
    // before the switch are not shown either (the message says "numbers only").
    const lookupsEnabled = this.settings.lookupsEnabled;
    const peek = (n: string): PatentCard | null | undefined => (lookupsEnabled ? this.deps.lookups.peek(n) : undefined);
    const show = (): void => {
      if (work.signal.aborted || !document) return;
      this.nodes = groupMatches(matches, (n) => peek(n)?.bibliography.pn).map(
        (g) => new PatentNode(g, g.type === 'publication' ? peekGroup(g, peek) : undefined, document.uri),
      );
      this.changed.fire(undefined);
    };
    if (!document) this.nodes = [];
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT, !document ? 'noEditor' : matches.length === 0 ? 'empty' : 'ready');
    if (!document) {
      this.changed.fire(undefined);
      return;
    }
    show();
    if (!lookupsEnabled) {
      this.view.message = vscode.l10n.t('Lookups are off (Patent Lookup › Lookups: Enabled): numbers only.');
      return;
    }
    if (!this.deps.canLookUp()) {
      this.view.message = vscode.l10n.t('Set API credentials to see titles and legal status.');
      return;
    }
    const missing = numbersToLookUp(matches).filter((n) => this.deps.lookups.peek(n) === undefined);
    try {
      for (let i = 0; i < missing.length; i += BATCH) {
        await this.deps.lookups.lookup(missing.slice(i, i + BATCH), work.signal);
        show();
      }
    } catch (e) {
      if (work.signal.aborted || isCancellation(e)) return;
      this.deps.log.warn(`Looking up the numbers of ${document.uri.scheme} document failed: ${errorDetail(e)}`);
      this.view.message = describeError(e, vscode.l10n.t('Titles and legal status'))?.message;
      this.stale = true; // try again next time the view shows or the document changes
    }
  }

}

/** The card of any of the group's numbers; `null` when one is known not to exist and none found. */
function peekGroup(group: PatentGroup, peek: (number: string) => PatentCard | null | undefined): PatentCard | null | undefined {
  let answer: PatentCard | null | undefined;
  for (const n of group.numbers) {
    const card = peek(n);
    if (card) return card;
    if (card === null) answer = null;
  }
  return answer;
}

function placeItem(node: PlaceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(occurrenceLabel(node.match), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.match.text;
  item.iconPath = new vscode.ThemeIcon('location');
  item.contextValue = 'documentPatent.place';
  // The built-in open command selects the range in the document's editor; a document
  // already open (untitled ones too) is revealed, not reopened.
  item.command = {
    title: vscode.l10n.t('Reveal in Editor'),
    command: 'vscode.open',
    arguments: [node.parent.uri, { selection: placeRange(node), preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
  };
  return item;
}

function placeRange(node: PlaceNode): vscode.Range {
  const m = node.match;
  // Line and column are 1-based UTF-16 positions, as VS Code counts; the number never spans lines
  // in a way that matters for selecting it (positionAt would need the document, which may be closed).
  const start = new vscode.Position(m.line - 1, m.column - 1);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.parent.uri.toString());
  return doc ? rangeOf(doc, m) : new vscode.Range(start, start.translate(0, m.length));
}
