import * as vscode from 'vscode';
import type { CredentialStore } from '../credentials/credentialStore';
import type { PatsnapSession } from '../session';
import type { Settings } from '../settings';
import { FEATURE_COMMANDS, type FeatureCommandId, type FeatureName } from './commandIds.pure';
import type { CommandHandler, FeatureCommands } from './commands';
import type { ErrorReporter } from './errors';

/** What every feature is built from (see src/extension/README.md). */
export interface FeatureHost {
  readonly context: vscode.ExtensionContext;
  readonly session: PatsnapSession;
  readonly credentials: CredentialStore;
  readonly errors: ErrorReporter;
  readonly settings: Settings;
  readonly log: vscode.LogOutputChannel;
}

/** A feature: everything it registers goes with it, and it handles its own commands. */
export interface Feature<F extends FeatureName> extends vscode.Disposable {
  readonly commands: FeatureCommands<F>;
}

/**
 * A feature whose module is loaded (with `import()`: a chunk of its own, in a
 * module table of dist/) and built the first time it is needed: a command, its view becoming
 * visible, a restored panel. Until then it costs the window nothing.
 */
export class LazyFeature<T extends vscode.Disposable> implements vscode.Disposable {
  private loading: Promise<T> | undefined;
  private instance: T | undefined;
  private disposed = false;

  constructor(
    private readonly name: string,
    private readonly load: () => Promise<T>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The feature, loading and building it the first time. */
  get(): Promise<T> {
    this.loading ??= this.load().then(
      (feature) => {
        if (this.disposed) {
          feature.dispose();
          throw new vscode.CancellationError();
        }
        this.instance = feature;
        this.log.debug(`${this.name} loaded.`);
        return feature;
      },
      (e: unknown) => {
        // Let the next use try again; the caller's error path reports this one.
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
  }

  /** Loads it now, not for a caller: a failure goes to the log (the next use tries again). */
  preload(): void {
    this.get().catch((e: unknown) => {
      if (!(e instanceof vscode.CancellationError)) this.log.error(`${this.name} could not be loaded: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    });
  }

  /** The feature if it has been built, without loading it. */
  get loaded(): T | undefined {
    return this.instance;
  }

  dispose(): void {
    this.disposed = true;
    this.instance?.dispose();
  }
}

/** Handlers for the commands of feature `name` (FEATURE_COMMANDS) that load `feature` on first use, then run its own. */
export function lazyCommands<F extends FeatureName>(name: F, feature: LazyFeature<Feature<NoInfer<F>>>): FeatureCommands<F> {
  const ids: readonly FeatureCommandId<F>[] = FEATURE_COMMANDS[name];
  return Object.fromEntries(
    ids.map((id): [FeatureCommandId<F>, CommandHandler] => [id, async (...args) => ((await feature.get()).commands[id] as CommandHandler)(...args)]),
  ) as FeatureCommands<F>;
}

/** Runs `load` once activation has returned: work the window needs soon, but not to activate. */
export function afterActivation(load: () => unknown): vscode.Disposable {
  const timer = setTimeout(load, 0);
  return { dispose: () => clearTimeout(timer) };
}

/**
 * Runs `load` once a text editor (not an output channel) is visible: the patent
 * numbers of documents are a feature of every editor, so an editor is its first use.
 * After activation, never during it.
 */
export function onFirstTextEditor(load: () => unknown): vscode.Disposable {
  const isDocument = (editors: readonly vscode.TextEditor[]): boolean => editors.some((e) => e.document.uri.scheme !== 'output');
  if (isDocument(vscode.window.visibleTextEditors)) return afterActivation(load);
  const listener = vscode.window.onDidChangeVisibleTextEditors((editors) => {
    if (!isDocument(editors)) return;
    listener.dispose();
    load();
  });
  return listener;
}

/**
 * Runs `load` once a document of `languageId` is open (a query cell, a query file):
 * after activation if one is open already, else when the first one opens.
 */
export function onLanguageDocument(languageId: string, load: () => unknown): vscode.Disposable {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === languageId)) return afterActivation(load);
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (doc.languageId !== languageId) return;
    listener.dispose();
    load();
  });
  return listener;
}
