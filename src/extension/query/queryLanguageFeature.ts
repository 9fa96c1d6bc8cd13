/**
 * PatSnap's query language in the editor, wherever a `patsnap-query` document is open
 * (a search notebook's query cells, or a query file): problems marked before anything is
 * sent, quick fixes where the fix is certain, completion of field codes and operators,
 * and their documentation on hover. A notebook cell is checked as it will be sent (its
 * date ranges count against the length limit; with charts, positional operators are
 * refused, as P003 refuses them). Everything comes from `src/core/query`; the Markdown
 * shown is our own, never the query's text.
 */
import * as vscode from 'vscode';
import { cellEndpoints, diagnoseCell } from '../../core/notebook/requests';
import { complete, diagnose, hover, type CompletionKind, type QueryBackend, type QueryDiagnostic, type QueryEndpoint } from '../../core/query';
import { Disposable } from '../common/disposable';
import type { FeatureHost } from '../common/feature';
import { NOTEBOOK_TYPE, QUERY_LANGUAGE, queryCellOf } from '../notebook/notebookData.pure';

/** Diagnostics of Patent Lookup carry this source (design.md). */
export const DIAGNOSTIC_SOURCE = 'Patent Lookup';

const SEVERITY: Readonly<Record<QueryDiagnostic['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

const COMPLETION_KIND: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  field: vscode.CompletionItemKind.Field,
  operator: vscode.CompletionItemKind.Operator,
  value: vscode.CompletionItemKind.Value,
  range: vscode.CompletionItemKind.Keyword,
};

const range = (doc: vscode.TextDocument, start: number, end: number): vscode.Range => new vscode.Range(doc.positionAt(start), doc.positionAt(end));

export class QueryLanguageFeature extends Disposable {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('patentLookup.query'));
  /** The core's diagnostics of each document as last checked, for their quick fixes. */
  private readonly found = new Map<string, readonly QueryDiagnostic[]>();

  constructor(private readonly host: FeatureHost) {
    super();
    const selector: vscode.DocumentSelector = { language: QUERY_LANGUAGE };
    this.register(vscode.languages.registerCompletionItemProvider(selector, { provideCompletionItems: (doc, pos) => this.completions(doc, pos) }, ':', '$', '['));
    this.register(vscode.languages.registerHoverProvider(selector, { provideHover: (doc, pos) => this.hover(doc, pos) }));
    this.register(
      vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (doc, r) => this.fixes(doc, r) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.diagnostics.delete(doc.uri);
        this.found.delete(doc.uri.toString());
      }),
    );
    this.register(
      vscode.workspace.onDidOpenNotebookDocument((nb) => {
        if (nb.notebookType === NOTEBOOK_TYPE) for (const cell of nb.getCells()) this.check(cell.document);
      }),
    );
    // A cell's options change what it sends (charts refuse positional operators, dates take room).
    this.register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        for (const change of e.cellChanges) if (change.metadata) this.check(change.cell.document);
      }),
    );
    // The sandbox evaluates less than PatSnap: its warnings come and go with the backend.
    this.register(host.session.onDidChange(() => this.checkAll()));
    this.checkAll();
  }

  private get backend(): QueryBackend {
    return this.host.session.sandbox !== undefined ? 'sandbox' : 'patsnap';
  }

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  /** The notebook cell `doc` is, if it is one of a search notebook. */
  private cellOf(doc: vscode.TextDocument): vscode.NotebookCell | undefined {
    if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
    for (const nb of vscode.workspace.notebookDocuments) {
      if (nb.notebookType !== NOTEBOOK_TYPE) continue;
      const cell = nb.getCells().find((c) => c.document === doc);
      if (cell) return cell;
    }
    return undefined;
  }

  private endpoints(doc: vscode.TextDocument): readonly QueryEndpoint[] {
    const cell = this.cellOf(doc);
    return cell ? cellEndpoints(queryCellOf({ value: '', metadata: cell.metadata })) : ['search'];
  }

  /** Checks `doc` now: linear in its length, so on every change. */
  check(doc: vscode.TextDocument): readonly vscode.Diagnostic[] {
    if (doc.languageId !== QUERY_LANGUAGE) return [];
    const text = doc.getText();
    const cell = this.cellOf(doc);
    const language = { l10n: vscode.l10n, locale: vscode.env.language };
    const found = cell ? diagnoseCell({ source: text, options: queryCellOf({ value: text, metadata: cell.metadata }).options }, this.backend, language) : diagnose(text, { ...language, backend: this.backend });
    this.found.set(doc.uri.toString(), found);
    const diagnostics = found.map((d) => {
      const diagnostic = new vscode.Diagnostic(range(doc, d.start, d.end), d.message, SEVERITY[d.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = d.code;
      return diagnostic;
    });
    this.diagnostics.set(doc.uri, diagnostics);
    return diagnostics;
  }

  private completions(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionList {
    const text = doc.getText();
    const result = complete(text, doc.offsetAt(pos), { endpoints: this.endpoints(doc), l10n: vscode.l10n });
    const replace = range(doc, result.start, result.end);
    const items = result.items.map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, COMPLETION_KIND[c.kind]);
      item.insertText = c.snippet ? new vscode.SnippetString(c.snippet) : c.insertText;
      item.range = replace;
      item.detail = c.detail;
      item.documentation = new vscode.MarkdownString(c.documentation);
      item.sortText = c.sortText;
      // A field code matches what was typed in either case.
      item.filterText = c.insertText;
      return item;
    });
    return new vscode.CompletionList(items, false);
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const found = hover(doc.getText(), doc.offsetAt(pos), { l10n: vscode.l10n });
    if (!found) return undefined;
    // Our own table's Markdown: not trusted (no command links), no HTML.
    const markdown = new vscode.MarkdownString(found.markdown);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, range(doc, found.start, found.end));
  }

  private fixes(doc: vscode.TextDocument, at: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const found = this.found.get(doc.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const d of found) {
      if (!d.fix) continue;
      const where = range(doc, d.start, d.end);
      if (!where.intersection(at) && !where.contains(at.start)) continue;
      const action = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, range(doc, d.fix.start, d.fix.end), d.fix.text);
      action.diagnostics = (this.diagnostics.get(doc.uri) ?? []).filter((x) => x.code === d.code && x.range.isEqual(where));
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
