import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Feature, FeatureHost } from '../common/feature';
import type { FeatureCommands } from '../common/commands';
import { showInfo } from '../common/notifications';
import type { PatentNumberFeatures } from '../patentNumbers';
import { canonicalRewrite } from './citationActions.pure';
import { CitationChecker } from './citationChecker';
import { CitationCodeActions } from './citationCodeActions';
import { CitationLists } from './citationLists';
import { CitationSettings } from './citationSettings';
import { CitationState } from './citationState.pure';
import { CitationStatus } from './citationStatus';

const ALL_DOCUMENTS: vscode.DocumentSelector = { scheme: '*' };

const isText = (v: unknown, max = 1000): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/**
 * Citation checks in your own documents: diagnostics (source `Patent Lookup`, code a lint code)
 * with quick fixes, a summary in the status bar, and citation lists. Shares the patent-number
 * feature's scan of each document.
 */
export class CitationsFeature extends Disposable implements Feature<'citations'> {
  readonly checker: CitationChecker;
  readonly lists: CitationLists;
  readonly status: CitationStatus;
  readonly state: CitationState;
  readonly settings: CitationSettings;
  readonly commands: FeatureCommands<'citations'>;

  constructor(
    private readonly host: FeatureHost,
    private readonly numbers: PatentNumberFeatures,
  ) {
    super();
    const { index, settings: numberSettings } = numbers;
    this.settings = this.register(new CitationSettings());
    this.state = new CitationState(host.context.workspaceState);
    this.checker = this.register(new CitationChecker({ index, numberSettings, settings: this.settings, state: this.state, session: host.session, errors: host.errors, log: host.log }));
    this.status = this.register(new CitationStatus(this.checker, 'patentLookup.citations.check'));
    this.lists = new CitationLists({ index, checker: this.checker, state: this.state, numberSettings, settings: this.settings });
    this.register(vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, new CitationCodeActions(index, this.checker, this.settings), { providedCodeActionKinds: CitationCodeActions.kinds }));
    this.commands = {
      'patentLookup.citations.check': () => this.checkActive(),
      'patentLookup.citations.list': () => this.lists.pickAndMake(),
      'patentLookup.citations.rewriteAll': () => this.rewriteAll(),
      'patentLookup.citations.addToList': (arg) => this.addToList(arg),
      'patentLookup.citations.ignore': (arg) => this.ignore(arg),
      'patentLookup.citations.stopIgnoring': () => this.stopIgnoring(),
      'patentLookup.citations.clearList': () => this.clearList(),
    };
  }

  /** Checks the active document now, asking PatSnap afresh for every number. */
  private async checkActive(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void showInfo(vscode.l10n.t('Open a document to check the patent citations in it.'));
      return;
    }
    const check = await this.checker.check(editor.document, { fresh: true, explicit: true });
    if (check?.citations === 0) void showInfo(vscode.l10n.t('No patent numbers in this document.'));
  }

  /** Every number of the active document in the canonical form of the style setting. */
  private async rewriteAll(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const doc = editor.document;
    const style = this.settings.style;
    const edits = this.numbers.index.citations(doc).flatMap((c) => {
      const text = canonicalRewrite(c, style);
      return text ? [{ range: new vscode.Range(doc.positionAt(c.index), doc.positionAt(c.index + c.length)), text }] : [];
    });
    if (edits.length === 0) {
      void showInfo(vscode.l10n.t('Every patent number in this document is in canonical form already.'));
      return;
    }
    await editor.edit((b) => edits.forEach((e) => b.replace(e.range, e.text)));
  }

  private async addToList(arg: unknown): Promise<void> {
    let entry: { number: string; text: string } | undefined;
    const given = arg as { number?: unknown; text?: unknown } | undefined;
    if (given && isText(given.number, 100) && isText(given.text)) entry = { number: given.number, text: given.text };
    else {
      // From the palette: the citation at the cursor.
      const editor = vscode.window.activeTextEditor;
      const c = editor && this.numbers.index.citationAt(editor.document, editor.selection.active);
      if (c && !c.problem) entry = { number: c.number, text: c.text };
    }
    if (!entry) {
      void showInfo(vscode.l10n.t('Put the cursor on a patent number to add it to the citation list.'));
      return;
    }
    const added = await this.state.collect(entry);
    const count = this.state.collected().length;
    void showInfo(added ? vscode.l10n.t('Added {0} to the citation list ({1} collected).', entry.number, count) : vscode.l10n.t('{0} is in the citation list already ({1} collected).', entry.number, count));
  }

  private async ignore(arg: unknown): Promise<void> {
    const given = arg as { uri?: unknown; number?: unknown } | undefined;
    if (!given || !isText(given.uri, 4000) || !isText(given.number, 100)) return;
    await this.state.ignore(given.uri, given.number);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === given.uri);
    if (doc) await this.checker.check(doc);
  }

  private async stopIgnoring(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return;
    await this.state.clearIgnored(doc.uri.toString());
    await this.checker.check(doc);
  }

  private async clearList(): Promise<void> {
    await this.state.clearCollected();
    void showInfo(vscode.l10n.t('The citation list is empty.'));
  }
}
