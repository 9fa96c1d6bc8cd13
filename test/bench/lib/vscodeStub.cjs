// A stand-in for the `vscode` module, preloaded with `node -r` by activation.bench.ts and
// the activation unit test:
// enough of the API for the extension bundle to load and activate() to run, doing
// nothing. Every namespace answers any member with a no-op function that returns a
// disposable no-op object, so the bench measures our code, not a fake VS Code.
'use strict';
const Module = require('node:module');

const noop = () => thing;
const thing = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' || typeof p === 'symbol' ? undefined : p === 'event' ? () => thing : noop),
  apply: () => thing,
});
const namespace = () => new Proxy({}, { get: (t, p) => (p in t ? t[p] : p === 'then' || typeof p === 'symbol' ? undefined : noop) });

class StubDisposable {
  static from(...ds) { return new StubDisposable(() => ds.forEach((d) => d?.dispose?.())); }
  constructor(f) { this.f = f; }
  dispose() { this.f?.(); }
}
class EventEmitter {
  listeners = new Set();
  event = (l) => { this.listeners.add(l); return new StubDisposable(() => this.listeners.delete(l)); };
  fire(e) { for (const l of [...this.listeners]) l(e); }
  dispose() { this.listeners.clear(); }
}
class Plain { constructor(...args) { this.args = args; } }

const vscode = {
  Disposable: StubDisposable,
  EventEmitter,
  TreeItem: Plain,
  ThemeIcon: Plain,
  ThemeColor: Plain,
  MarkdownString: Plain,
  Hover: Plain,
  DocumentLink: Plain,
  Range: Plain,
  Position: Plain,
  CancellationTokenSource: Plain,
  Uri: { file: (p) => ({ fsPath: p, scheme: 'file', toString: () => `file://${p}` }), joinPath: (u, ...p) => ({ ...u, fsPath: [u.fsPath, ...p].join('/') }), parse: (s) => ({ toString: () => s }) },
  Diagnostic: Plain,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CompletionItemKind: { Field: 4, Operator: 11, Value: 12, Keyword: 13 },
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { Notification: 15, Window: 10 },
  ConfigurationTarget: { Global: 1, Workspace: 2 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ViewColumn: { Active: -1 },
  UIKind: { Desktop: 1, Web: 2 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  QuickInputButtons: { Back: {} },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticRelatedInformation: Plain,
  Location: Plain,
  CodeAction: Plain,
  WorkspaceEdit: Plain,
  CancellationError: class CancellationError extends Error {},
  l10n: { t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? String(args[i]) : m)) },
  window: namespace(),
  commands: namespace(),
  workspace: Object.assign(namespace(), { getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }), workspaceFolders: undefined, textDocuments: [], notebookDocuments: [] }),
  languages: namespace(),
  // The display language VS Code reports (patentLookup.language follows it when not set).
  env: Object.assign(namespace(), { language: 'en' }),
  extensions: namespace(),
};
// BENCH_EXIT_ON=TEXT: the process exits once the extension logs TEXT (timers it set would keep it alive).
const exitOn = process.env.BENCH_EXIT_ON;
const logLine = (line) => {
  if (exitOn && String(line).includes(exitOn)) process.exit(0);
};
const channel = new Proxy({}, { get: (_t, p) => (['trace', 'debug', 'info', 'warn', 'error', 'appendLine'].includes(p) ? logLine : p === 'then' || typeof p === 'symbol' ? undefined : noop) });
vscode.window.createOutputChannel = () => channel;
// A status bar item is a plain object: the extension sets its text, name and command.
vscode.window.createStatusBarItem = () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined });

// BENCH_STUB_EDITOR=1: a text document is open, as in most windows (the patent-number feature loads for it).
const editor = { document: { uri: { scheme: 'file', toString: () => 'file:///doc.txt' }, getText: () => '', version: 1 }, visibleRanges: [] };
vscode.window.visibleTextEditors = process.env.BENCH_STUB_EDITOR === '1' ? [editor] : [];
// BENCH_STUB_QUERY=1: a patsnap-query document is open (a search notebook's cell); its language support loads for it.
const query = { languageId: 'patsnap-query', uri: { scheme: 'untitled', toString: () => 'untitled:query' }, getText: () => 'TTL:(battery OR cell', positionAt: (o) => ({ offset: o }) };
vscode.workspace.textDocuments = process.env.BENCH_STUB_QUERY === '1' ? [query] : [];
vscode.window.activeTextEditor = undefined;

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

/** A context for activate(): empty state, no secrets. */
globalThis.vscodeStubContext = () => {
  const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()] }; };
  const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: new EventEmitter().event };
  return { subscriptions: [], globalState: memento(), workspaceState: memento(), secrets, extensionUri: vscode.Uri.file('/ext'), globalStorageUri: vscode.Uri.file('/tmp/patent-lookup-bench'), extensionMode: 1, extension: { packageJSON: {} } };
};
