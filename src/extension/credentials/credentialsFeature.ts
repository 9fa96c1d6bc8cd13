/**
 * Set API Credentials, Clear API Credentials and Use Local Sandbox. Each checks what
 * it was given against the API before anything is stored or used.
 */
import * as vscode from 'vscode';
import type { Credentials } from '../../core/api/types';
import { PatsnapError } from '../../core/api/errors';
import { withAbortSignal } from '../common/cancellation';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import { isCancellation, type ErrorDescription } from '../common/errorMessages.pure';
import type { Feature, FeatureHost } from '../common/feature';
import { showInfo } from '../common/notifications';
import { apiKeyProblem, baseUrlProblem, describeCredentials, requiredProblem } from './credentialsCodec.pure';
import { DEFAULT_SANDBOX_URL, normaliseBaseUrl, sandboxCredentials } from './sandbox.pure';

const BASE_URL_SETTING = 'patentLookup.apiBaseUrl';

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

export class CredentialsFeature extends Disposable implements Feature<'credentials'> {
  readonly commands: FeatureCommands<'credentials'> = {
    'patentLookup.setCredentials': () => this.setCredentials(),
    'patentLookup.clearCredentials': () => this.clearCredentials(),
    'patentLookup.useSandbox': () => this.useSandbox(),
  };

  constructor(private readonly host: FeatureHost) {
    super();
  }

  /** Asks for real PatSnap credentials, checks them against the configured gateway, stores them and leaves any sandbox. */
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
    if (!(await this.verify(credentials, this.host.settings.client.baseUrl, () => this.setCredentials()))) return false;
    await this.host.credentials.store(credentials);
    // These are the user's own credentials: they go to the configured gateway from now on.
    if (this.host.session.sandbox !== undefined) await this.host.session.useSandbox(undefined);
    this.host.log.info(`API credentials stored (${credentials.kind}).`);
    void showInfo(`PatSnap credentials saved (${describeCredentials(credentials)}).`);
    return true;
  }

  /** Signs the window out: the stored credentials go, and so does a sandbox session. */
  async clearCredentials(): Promise<void> {
    await this.host.credentials.clear();
    if (this.host.session.sandbox !== undefined) await this.host.session.useSandbox(undefined);
    this.host.log.info('API credentials cleared.');
    void showInfo('PatSnap API credentials cleared.');
  }

  /** Points this window (and later ones) at a local sandbox with its public credentials; stored credentials stay as they are. */
  async useSandbox(): Promise<void> {
    const url = await vscode.window.showInputBox({
      title: 'Use Local Sandbox',
      prompt: 'URL of the running sandbox (start one with `npm run sandbox`).',
      value: this.host.session.sandbox ?? DEFAULT_SANDBOX_URL,
      ignoreFocusOut: true,
      validateInput: (v) => baseUrlProblem(v),
    });
    if (url === undefined) return;
    const baseUrl = normaliseBaseUrl(url);
    if (!(await this.verify(sandboxCredentials(), baseUrl))) return;
    await this.host.session.useSandbox(baseUrl);
    this.host.log.info(`Using the sandbox at ${baseUrl}.`);
    void showInfo(`Patent Lookup uses the sandbox at ${baseUrl} with its test credentials. Set API Credentials to use PatSnap.`);
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

  /** Checks credentials against `baseUrl`; says plainly why when they do not pass, with Retry where `again` is given. */
  private async verify(credentials: Credentials, baseUrl: string, again?: () => Promise<boolean>): Promise<boolean> {
    const problem = baseUrlProblem(baseUrl);
    if (problem) {
      this.report(new Error(problem), { message: `Could not check the credentials: ${problem}`, actions: ['openSettings'], setting: BASE_URL_SETTING });
      return false;
    }
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking the PatSnap credentials with ${new URL(baseUrl).host}\u2026`, cancellable: true },
        (_progress, token) => withAbortSignal(token, async (signal) => (await this.host.session.buildClient(credentials, baseUrl)).verifyCredentials({ signal })),
      );
      return true;
    } catch (e) {
      if (isCancellation(e)) return false;
      this.host.log.warn(`Credential check failed (${credentials.kind}).`);
      this.report(e, { message: verificationFailure(e, baseUrl), actions: again ? ['retry', 'openSettings'] : ['openSettings'], setting: BASE_URL_SETTING }, again);
      return false;
    }
  }

  private report(e: unknown, description: ErrorDescription, retry?: () => unknown): void {
    this.host.errors.report(e, { what: 'Checking the credentials', description, retry });
  }
}
