import * as vscode from 'vscode';
import type { Credentials } from '../../core/api/types';
import { PatsnapError } from '../../core/api/errors';
import { SANDBOX_CREDENTIALS } from '../../core/sandboxCredentials';
import { withAbortSignal } from '../common/cancellation';
import type { CommandMap } from '../common/commands';
import { isCancellation } from '../common/errorMessages';
import type { PatsnapSession } from '../session';
import type { Settings } from '../settings';
import { apiKeyProblem, baseUrlProblem, describeCredentials, requiredProblem } from './credentialsCodec';
import type { CredentialStore } from './credentialStore';

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

export const sandboxCredentials = (): Credentials => ({
  kind: 'clientSecret',
  clientId: SANDBOX_CREDENTIALS.clientId,
  clientSecret: SANDBOX_CREDENTIALS.clientSecret,
});

/** Why credentials could not be checked, in words that point at the fix. */
function verificationFailure(e: unknown, baseUrl: string): string {
  if (e instanceof PatsnapError) {
    switch (e.kind) {
      case 'credentials':
        return e.message;
      case 'network':
        return `Could not check the credentials: ${e.message} Is the API base URL (${baseUrl}) right and reachable?`;
      case 'notFound':
        return `Could not check the credentials: ${baseUrl} does not look like the PatSnap API. Check the API base URL.`;
      default:
        return `Could not check the credentials: ${e.message}`;
    }
  }
  return `Could not check the credentials: ${e instanceof Error ? e.message : String(e)}`;
}

/** Set, clear, and the sandbox shortcut. */
export class CredentialCommands {
  constructor(
    private readonly store: CredentialStore,
    private readonly session: PatsnapSession,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get commands(): Pick<CommandMap, 'patentLookup.setCredentials' | 'patentLookup.clearCredentials' | 'patentLookup.useSandbox'> {
    return {
      'patentLookup.setCredentials': () => this.setCredentials(),
      'patentLookup.clearCredentials': () => this.clearCredentials(),
      'patentLookup.useSandbox': () => this.useSandbox(),
    };
  }

  async setCredentials(): Promise<boolean> {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Client ID and secret', detail: 'From PatSnap\u2019s open platform; exchanged for short-lived tokens.', model: 'clientSecret' as const },
        { label: 'API key (sk-\u2026)', detail: 'A self-service key that starts with sk-.', model: 'apiKey' as const },
      ],
      { title: 'Set PatSnap API Credentials', placeHolder: 'Which kind of PatSnap credentials do you have?', ignoreFocusOut: true },
    );
    if (!picked) return false;
    const credentials = picked.model === 'apiKey' ? await this.askApiKey() : await this.askClientSecret();
    if (!credentials) return false;
    return this.verifyAndStore(credentials, this.settings.client.baseUrl, () => this.setCredentials());
  }

  async clearCredentials(): Promise<void> {
    await this.store.clear();
    this.log.info('API credentials cleared.');
    void vscode.window.showInformationMessage('PatSnap API credentials cleared.');
  }

  /** Points this window's profile at a local sandbox and stores its public credentials. */
  async useSandbox(): Promise<void> {
    const url = await vscode.window.showInputBox({
      title: 'Use Local Sandbox',
      prompt: 'URL of the running sandbox (start one with `npm run sandbox`).',
      value: DEFAULT_SANDBOX_URL,
      ignoreFocusOut: true,
      validateInput: (v) => baseUrlProblem(v),
    });
    if (url === undefined) return;
    const baseUrl = url.trim().replace(/\/+$/, '');
    if (!(await this.verifyAndStore(sandboxCredentials(), baseUrl))) return;
    await this.settings.setBaseUrl(baseUrl);
  }

  private async askApiKey(): Promise<Credentials | undefined> {
    const apiKey = await vscode.window.showInputBox({
      title: 'PatSnap API Key',
      prompt: 'Paste the API key. It is stored only in VS Code\u2019s secret storage.',
      placeHolder: 'sk-\u2026',
      password: true,
      ignoreFocusOut: true,
      validateInput: apiKeyProblem,
    });
    return apiKey === undefined ? undefined : { kind: 'apiKey', apiKey: apiKey.trim() };
  }

  private async askClientSecret(): Promise<Credentials | undefined> {
    const clientId = await vscode.window.showInputBox({
      title: 'PatSnap Client ID (1/2)',
      prompt: 'The client ID of your PatSnap open-platform application.',
      ignoreFocusOut: true,
      validateInput: (v) => requiredProblem(v, 'client ID'),
    });
    if (clientId === undefined) return undefined;
    const clientSecret = await vscode.window.showInputBox({
      title: 'PatSnap Client Secret (2/2)',
      prompt: 'The client secret. It is stored only in VS Code\u2019s secret storage.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => requiredProblem(v, 'client secret'),
    });
    if (clientSecret === undefined) return undefined;
    return { kind: 'clientSecret', clientId: clientId.trim(), clientSecret: clientSecret.trim() };
  }

  /** Checks the credentials against the API, then stores them; says plainly why when it cannot. */
  private async verifyAndStore(credentials: Credentials, baseUrl: string, again?: () => Promise<boolean>): Promise<boolean> {
    const problem = baseUrlProblem(baseUrl);
    if (problem) {
      const open = await vscode.window.showErrorMessage(`Could not check the credentials: ${problem}`, 'Open Settings');
      if (open) await vscode.commands.executeCommand('workbench.action.openSettings', 'patentLookup.apiBaseUrl');
      return false;
    }
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking the PatSnap credentials\u2026', cancellable: true },
        (_progress, token) => withAbortSignal(token, (signal) => this.session.buildClient(credentials, baseUrl).verifyCredentials({ signal })),
      );
    } catch (e) {
      if (isCancellation(e)) return false;
      this.log.warn(`Credential check failed (${credentials.kind}): ${e instanceof Error ? e.message : String(e)}`);
      const retry = await vscode.window.showErrorMessage(verificationFailure(e, baseUrl), ...(again ? ['Try Again'] : []), 'Open Settings');
      if (retry === 'Try Again' && again) return again();
      if (retry === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'patentLookup.apiBaseUrl');
      return false;
    }
    await this.store.store(credentials);
    this.log.info(`API credentials stored (${credentials.kind}).`);
    void vscode.window.showInformationMessage(`PatSnap credentials saved (${describeCredentials(credentials)}).`);
    return true;
  }
}
