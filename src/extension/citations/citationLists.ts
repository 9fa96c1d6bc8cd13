import * as vscode from 'vscode';
import { CITATION_FORMATS, citationEntries, FORMAT_FILES, formatCitationList, type Citation, type CitationFacts, type CitationFormat } from '../../core/citations';
import { findPatentNumbers, parsePatentNumber } from '../../core/numbers';
import { formatDay } from '../common/format.pure';
import { showInfo } from '../common/notifications';
import type { DocumentNumberIndex } from '../patentNumbers/documentNumberIndex';
import type { PatentNumberSettings } from '../patentNumbers/patentNumberSettings';
import type { CitationChecker } from './citationChecker';
import type { CitationSettings } from './citationSettings';
import type { CitationState } from './citationState.pure';

export type ListScope = 'document' | 'selection' | 'workspace' | 'collected';
export type ListDestination = 'clipboard' | 'editor' | 'file';

/** Files a workspace's citations are looked for in: prose and data formats people cite patents in. */
const WORKSPACE_FILES = '**/*.{md,markdown,txt,text,tex,rst,adoc,asciidoc,org,html,htm,xml,json,csv,tsv,eml,bib}';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git,dist,out}/**';
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface BuiltList {
  text: string;
  patents: number;
  /** Whether PatSnap was asked (titles, parties and dates are in the list). */
  lookedUp: boolean;
}

export interface CitationListDeps {
  index: DocumentNumberIndex;
  checker: CitationChecker;
  state: CitationState;
  numberSettings: PatentNumberSettings;
  settings: CitationSettings;
}

function formatLabel(format: CitationFormat): string {
  switch (format) {
    case 'markdown':
      return vscode.l10n.t('Markdown table');
    case 'csv':
      return vscode.l10n.t('CSV');
    case 'csl-json':
      return vscode.l10n.t('CSL-JSON (Zotero, Pandoc)');
    case 'bibtex':
      return vscode.l10n.t('BibTeX (biblatex @patent)');
    case 'ids':
      return vscode.l10n.t('US IDS lists (patents, publications, foreign documents)');
  }
}

/** Citation lists from a document, a selection, the whole workspace or the collected citations. */
export class CitationLists {
  constructor(private readonly deps: CitationListDeps) {}

  /** The citations of a scope, in order (the open documents' from the shared scan). */
  async citations(scope: ListScope, editor: vscode.TextEditor | undefined, token?: vscode.CancellationToken): Promise<Citation[]> {
    const { index } = this.deps;
    switch (scope) {
      case 'document':
        return editor ? [...index.citations(editor.document)] : [];
      case 'selection': {
        if (!editor) return [];
        const spans = editor.selections.filter((s) => !s.isEmpty).map((s) => [editor.document.offsetAt(s.start), editor.document.offsetAt(s.end)] as const);
        return index.citations(editor.document).filter((c) => spans.some(([a, b]) => c.index >= a && c.index + c.length <= b));
      }
      case 'collected':
        return this.deps.state.collected().flatMap((e) => {
          const m = parsePatentNumber(e.number);
          return m ? [{ ...m, text: e.text }] : [];
        });
      case 'workspace':
        return this.workspaceCitations(token);
    }
  }

  private async workspaceCitations(token: vscode.CancellationToken | undefined): Promise<Citation[]> {
    const files = (await vscode.workspace.findFiles(WORKSPACE_FILES, WORKSPACE_EXCLUDE, MAX_FILES, token)).sort((a, b) => a.toString().localeCompare(b.toString()));
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const out: Citation[] = [];
    for (const uri of files) {
      if (token?.isCancellationRequested) throw new vscode.CancellationError();
      const doc = open.get(uri.toString());
      if (doc) {
        out.push(...this.deps.index.citations(doc));
        continue;
      }
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) continue;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      out.push(...findPatentNumbers(text, { offices: this.deps.numberSettings.offices, flagImpossible: true }));
    }
    return out;
  }

  /** The list as text; looked up through PatSnap unless lookups are off (numbers only, then). */
  async build(citations: readonly Citation[], format: CitationFormat, options: { signal?: AbortSignal } = {}): Promise<BuiltList> {
    let facts: CitationFacts | undefined;
    const lookedUp = this.deps.checker.lookupsAllowed && citations.some((c) => !c.problem);
    if (lookedUp) facts = (await this.deps.checker.lookUp(citations, { signal: options.signal })).facts;
    const entries = citationEntries(citations, facts);
    // The Markdown table in the display language; the other formats stay English (formatCitationList says why).
    const text = formatCitationList(entries, format, { style: this.deps.settings.style, l10n: vscode.l10n, date: (iso) => formatDay(iso) ?? iso });
    return { text, patents: entries.length, lookedUp };
  }

  /** The `patentLookup.citations.list` command: scope, format and destination picked, then made. */
  async pickAndMake(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const scope = await this.pickScope(editor);
    if (!scope) return;
    const format = await vscode.window.showQuickPick(
      CITATION_FORMATS.map((f) => ({ label: formatLabel(f), format: f })),
      { title: vscode.l10n.t('Citation list format'), placeHolder: vscode.l10n.t('Format of the list') },
    );
    if (!format) return;
    const destination = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Open in a new editor'), destination: 'editor' as const },
        { label: vscode.l10n.t('Copy to the clipboard'), destination: 'clipboard' as const },
        { label: vscode.l10n.t('Save as…'), destination: 'file' as const },
      ],
      { title: vscode.l10n.t('Citation list destination') },
    );
    if (!destination) return;
    const list = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Making the citation list…'), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          const citations = await this.citations(scope, editor, token);
          return await this.build(citations, format.format, { signal: controller.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    await this.deliver(list, format.format, destination.destination);
  }

  private async pickScope(editor: vscode.TextEditor | undefined): Promise<ListScope | undefined> {
    const items: Array<vscode.QuickPickItem & { scope: ListScope }> = [];
    if (editor) items.push({ label: vscode.l10n.t('This document'), description: vscode.workspace.asRelativePath(editor.document.uri), scope: 'document' });
    if (editor?.selections.some((s) => !s.isEmpty)) items.push({ label: vscode.l10n.t('The selection'), scope: 'selection' });
    if (vscode.workspace.workspaceFolders?.length) items.push({ label: vscode.l10n.t('The whole workspace'), scope: 'workspace' });
    const collected = this.deps.state.collected().length;
    if (collected > 0) items.push({ label: vscode.l10n.t('The collected citations'), description: vscode.l10n.t('{0} added with "Add to citation list"', collected), scope: 'collected' });
    if (items.length === 0) {
      void showInfo(vscode.l10n.t('Open a document, or a folder, to make a citation list of the patents cited in it.'));
      return undefined;
    }
    const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Citation list of…') });
    return picked?.scope;
  }

  /** Puts a list where the user asked: the clipboard, a new editor, or a file (`target`, else one picked in a dialog). */
  async deliver(list: BuiltList, format: CitationFormat, destination: ListDestination, target?: vscode.Uri): Promise<void> {
    const { extension, language } = FORMAT_FILES[format];
    if (destination === 'clipboard') {
      await vscode.env.clipboard.writeText(list.text);
      void showInfo(list.patents === 1 ? vscode.l10n.t('Copied the citation list (1 patent) to the clipboard.') : vscode.l10n.t('Copied the citation list ({0} patents) to the clipboard.', list.patents));
    } else if (destination === 'editor') {
      const doc = await vscode.workspace.openTextDocument({ content: list.text, language });
      await vscode.window.showTextDocument(doc, { preview: false });
    } else {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const file =
        target ??
        (await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, `citations.${extension}`) : undefined,
          filters: { [formatLabel(format)]: [extension] },
          title: vscode.l10n.t('Save the citation list'),
        }));
      if (!file) return;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(list.text));
      const where = vscode.workspace.asRelativePath(file);
      void showInfo(list.patents === 1 ? vscode.l10n.t('Saved the citation list (1 patent) to {0}.', where) : vscode.l10n.t('Saved the citation list ({0} patents) to {1}.', list.patents, where));
    }
    if (!list.lookedUp) void showInfo(vscode.l10n.t('The list has numbers only: lookups are off or no credentials are set.'));
  }
}
