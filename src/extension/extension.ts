import * as vscode from 'vscode';
import type { PatentLookupApi } from './api';
import { registerCommands } from './common/commands';
import { ErrorReporter } from './common/errors';
import { CredentialCommands } from './credentials/credentialCommands';
import { CredentialStore } from './credentials/credentialStore';
import { requireCredentials } from './credentials/requireCredentials';
import { applySandboxEnvironment } from './credentials/sandboxEnvironment';
import { registerExportFeatures } from './exports';
import { PatentFiles } from './patent/patentFiles';
import { PatentPanelManager } from './patent/patentPanelManager';
import { PatentNumberFeatures } from './patentNumbers';
import { SearchCommands } from './search/searchCommands';
import { SearchHistory } from './search/searchHistory';
import { SearchResultsView } from './search/searchResultsView';
import { PatsnapSession } from './session';
import { Settings } from './settings';

/** Composition root: builds the parts, wires them, and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): PatentLookupApi {
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const log = own(vscode.window.createOutputChannel('Patent Lookup', { log: true }));
  const errors = new ErrorReporter(log);
  const settings = own(new Settings());
  const credentials = own(new CredentialStore(context.secrets));
  applySandboxEnvironment(settings, credentials);
  const session = own(new PatsnapSession(settings, credentials, log));
  const history = new SearchHistory(context.globalState);
  const results = own(new SearchResultsView(session, settings, context.globalState, errors));
  const panels = own(new PatentPanelManager(context.extensionUri, { session, errors, log, files: new PatentFiles() }));
  const numbers = own(new PatentNumberFeatures({ lookups: session.lookup, canLookUp: () => session.hasCredentials, onDidChangeLookups: session.onDidChange, log }));
  own(
    registerCommands(
      {
        ...new CredentialCommands(credentials, session, settings, log).commands,
        ...new SearchCommands(results, history, session, settings).commands,
        ...panels.commands,
        ...numbers.commands,
        'patentLookup.showLog': () => log.show(),
      },
      errors,
    ),
  );
  own(
    registerExportFeatures(context, {
      api: () => session.client,
      onDidChangeApi: session.onDidChange,
      requireCredentials: () => requireCredentials(session, 'Exporting'),
      recentQueries: () => history.entries(),
      log,
      showError: (error, retry) => errors.report(error, { retry }),
    }),
  );
  return { session, credentials, results, panels, numbers };
}

export function deactivate(): void {}
