/**
 * Set API Credentials, Clear API Credentials and Use Local Sandbox. Each checks what
 * it was given against the API before anything is stored or used.
 */
import * as vscode from 'vscode';
import type { Credentials } from '../../core/api/types';
import { PatsnapError } from '../../core/api/errors';
import { findSandboxes, type SandboxAnnouncement } from '../../core/sandboxAnnouncement';
import { withAbortSignal } from '../common/cancellation';
import type { FeatureCommands } from '../common/commands';
import { Disposable } from '../common/disposable';
import { displayLocale } from '../common/l10n.pure';
import { describeError, isCancellation, type ErrorDescription } from '../common/errorMessages.pure';
import type { Feature, FeatureHost } from '../common/feature';
import { showError, showInfo } from '../common/notifications';
import { apiKeyProblem, baseUrlProblem, describeCredentials, requiredProblem } from './credentialsCodec.pure';
import { ALL_SETTINGS } from '../common/errorActions.pure';
import { credentialHint } from '../status/backendStatus.pure';
import { normaliseBaseUrl, sandboxCredentials } from './sandbox.pure';

const BASE_URL_SETTING = 'patentLookup.apiBaseUrl';

/** The error's sentence as the user reads it (in the display language). */
function shownMessage(e: PatsnapError): string {
  return describeError(e)?.message ?? e.message;
}

/** Why credentials could not be checked, in words that point at the fix. */
function verificationFailure(e: unknown, baseUrl: string): string {
  if (e instanceof PatsnapError) {
    switch (e.kind) {
      case 'credentials':
        return shownMessage(e);
      case 'network':
        return vscode.l10n.t('Could not check the credentials: {0} Is the API base URL ({1}) right and reachable?', shownMessage(e), baseUrl);
      case 'notFound':
        return vscode.l10n.t('Could not check the credentials: {0} does not look like the PatSnap API. Check the API base URL.', baseUrl);
      default:
        return vscode.l10n.t('Could not check the credentials: {0}', shownMessage(e));
    }
  }
  return vscode.l10n.t('Could not check the credentials: {0}', e instanceof Error ? e.message : String(e));
}

export class CredentialsFeature extends Disposable implements Feature<'credentials'> {
  readonly commands: FeatureCommands<'credentials'> = {
    'patentLookup.setCredentials': () => this.setCredentials(),
    'patentLookup.clearCredentials': () => this.clearCredentials(),
    'patentLookup.useSandbox': (url) => this.useSandbox(url),
    'patentLookup.switchBackend': () => this.switchBackend(),
  };

  constructor(private readonly host: FeatureHost) {
    super();
  }

  /** Asks for real PatSnap credentials, checks them against the configured gateway, stores them and leaves any sandbox. */
  async setCredentials(): Promise<boolean> {
    const picked = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Client ID and secret'), detail: vscode.l10n.t('From PatSnap\u2019s open platform; exchanged for short-lived tokens.'), model: 'clientSecret' as const },
        { label: vscode.l10n.t('API key ({0})', 'sk-\u2026'), detail: vscode.l10n.t('A self-service key that starts with {0}.', 'sk-'), model: 'apiKey' as const },
      ],
      { title: vscode.l10n.t('Set PatSnap API Credentials'), placeHolder: vscode.l10n.t('Which kind of PatSnap credentials do you have?'), ignoreFocusOut: true },
    );
    if (!picked) return false;
    const credentials = picked.model === 'apiKey' ? await this.askApiKey() : await this.askClientSecret();
    if (!credentials) return false;
    if (!(await this.verify(credentials, this.host.settings.client.baseUrl, () => this.setCredentials()))) return false;
    await this.host.credentials.store(credentials);
    // These are the user's own credentials: they go to the configured gateway from now on.
    if (this.host.session.sandbox !== undefined) await this.host.session.useSandbox(undefined);
    this.host.log.info(`API credentials stored (${credentials.kind}).`);
    void showInfo(vscode.l10n.t('PatSnap credentials saved ({0}).', describeCredentials(credentials)));
    return true;
  }

  /** Signs the window out: the stored credentials go, and so does a sandbox session. */
  async clearCredentials(): Promise<void> {
    await this.host.credentials.clear();
    if (this.host.session.sandbox !== undefined) await this.host.session.useSandbox(undefined);
    this.host.log.info('API credentials cleared.');
    void showInfo(vscode.l10n.t('PatSnap API credentials cleared.'));
  }

  /**
   * Points this window (and later ones) at a local sandbox with its public credentials;
   * stored credentials stay as they are. Offers the sandboxes that announced themselves
   * (core/sandboxAnnouncement.ts), or takes a URL; a URL given as the argument is used as it is.
   */
  async useSandbox(given?: unknown): Promise<void> {
    const url = typeof given === 'string' && given.trim() !== '' ? given : await this.pickSandbox();
    if (url === undefined) return;
    const problem = baseUrlProblem(url);
    if (problem) {
      void showError(problem);
      return;
    }
    const baseUrl = normaliseBaseUrl(url);
    if (!(await this.verify(sandboxCredentials(), baseUrl))) return;
    await this.host.session.useSandbox(baseUrl);
    this.host.log.info(`Using the sandbox at ${baseUrl}.`);
    void showInfo(vscode.l10n.t('Patent Lookup uses the sandbox at {0} with its test credentials. Set API Credentials to use PatSnap.', baseUrl));
  }

  /** The status bar item's menu: where calls go now, and the ways to change it. */
  async switchBackend(): Promise<void> {
    type Item = vscode.QuickPickItem & { run?: () => unknown };
    const session = this.host.session;
    const stored = await this.host.credentials.get();
    const summary = session.summary;
    const title =
      summary.kind === 'sandbox'
        ? vscode.l10n.t('Patent Lookup uses the sandbox at {0}', summary.url)
        : summary.kind === 'patsnap'
          ? vscode.l10n.t('Patent Lookup uses PatSnap at {0}', summary.host)
          : summary.kind === 'signedOut'
            ? vscode.l10n.t('Patent Lookup is signed out')
            : vscode.l10n.t('Patent Lookup: check the settings');
    // Icons as iconPath, not `$(key)` in the label: a screen reader would read the icon's English name.
    const items: Item[] = [
      {
        label: vscode.l10n.t('Set API Credentials\u2026'),
        iconPath: new vscode.ThemeIcon('key'),
        detail: vscode.l10n.t('Your PatSnap client ID and secret, or an API key; kept only in VS Code\u2019s secret storage.'),
        run: () => this.setCredentials(),
      },
    ];
    if (stored && session.sandbox !== undefined) {
      const hint = credentialHint(stored);
      items.push({
        label: vscode.l10n.t('Use PatSnap'),
        iconPath: new vscode.ThemeIcon('cloud'),
        detail: hint
          ? vscode.l10n.t('Leave the sandbox for PatSnap, with the stored credentials ending \u2026{0}.', hint)
          : vscode.l10n.t('Leave the sandbox for PatSnap, with the stored credentials.'),
        run: () => session.useSandbox(undefined),
      });
    }
    items.push({
      label: vscode.l10n.t('Use Local Sandbox\u2026'),
      iconPath: new vscode.ThemeIcon('beaker'),
      detail: vscode.l10n.t('A sandbox started on this machine (npm run sandbox): sample data, no account needed.'),
      run: () => this.useSandbox(),
    });
    if (stored || session.sandbox !== undefined) {
      items.push({ label: vscode.l10n.t('Clear API Credentials'), iconPath: new vscode.ThemeIcon('sign-out'), detail: vscode.l10n.t('Sign this window out.'), run: () => this.clearCredentials() });
    }
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: vscode.l10n.t('Open Settings'), iconPath: new vscode.ThemeIcon('settings-gear'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', ALL_SETTINGS) },
      { label: vscode.l10n.t('Show Log'), iconPath: new vscode.ThemeIcon('output'), run: () => this.host.log.show() },
    );
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Switch credentials, use the sandbox, or show the log') });
    await picked?.run?.();
  }

  /** A running sandbox picked from those that announced themselves, or a URL typed. */
  private async pickSandbox(): Promise<string | undefined> {
    const found = await findSandboxes().catch((e: unknown) => {
      this.host.log.warn(`Could not look for running sandboxes: ${e instanceof Error ? e.message : String(e)}`);
      return [] as SandboxAnnouncement[];
    });
    if (found.length === 0) return this.askSandboxUrl(vscode.l10n.t('No sandbox is running on this machine. Start one with `npm run sandbox`, or type the URL a sandbox printed.'));
    type Item = vscode.QuickPickItem & { url?: string };
    const current = this.host.session.sandbox;
    const time = (ms: number): string => new Date(ms).toLocaleTimeString(displayLocale(), { hour: '2-digit', minute: '2-digit' });
    const items: Item[] = found.map((s) => ({
      label: s.url,
      iconPath: new vscode.ThemeIcon('beaker'),
      description: s.url === current ? vscode.l10n.t('in use') : undefined,
      detail: vscode.l10n.t('Started at {0} (process {1})', time(s.startedAt), s.pid),
      url: s.url,
    }));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('Another URL\u2026'), iconPath: new vscode.ThemeIcon('edit') });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Use Local Sandbox'),
      placeHolder: found.length === 1 ? vscode.l10n.t('A sandbox is running on this machine') : vscode.l10n.t('{0} sandboxes are running on this machine', found.length),
    });
    if (!picked) return undefined;
    return picked.url ?? this.askSandboxUrl(vscode.l10n.t('URL of the running sandbox, as it printed it.'));
  }

  private askSandboxUrl(prompt: string): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Use Local Sandbox'),
      prompt,
      placeHolder: vscode.l10n.t('http://127.0.0.1:{0}', vscode.l10n.t('PORT')),
      value: this.host.session.sandbox ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Type the URL the sandbox printed, e.g. http://127.0.0.1:43123.') : baseUrlProblem(v)),
    });
  }

  private async askApiKey(): Promise<Credentials | undefined> {
    const apiKey = await vscode.window.showInputBox({
      title: vscode.l10n.t('PatSnap API Key'),
      prompt: vscode.l10n.t('Paste the API key. It is stored only in VS Code\u2019s secret storage.'),
      placeHolder: 'sk-\u2026',
      password: true,
      ignoreFocusOut: true,
      validateInput: apiKeyProblem,
    });
    return apiKey === undefined ? undefined : { kind: 'apiKey', apiKey: apiKey.trim() };
  }

  private async askClientSecret(): Promise<Credentials | undefined> {
    const clientId = await vscode.window.showInputBox({
      title: vscode.l10n.t('PatSnap Client ID ({0}/{1})', 1, 2),
      prompt: vscode.l10n.t('The client ID of your PatSnap open-platform application.'),
      ignoreFocusOut: true,
      validateInput: (v) => requiredProblem(v, vscode.l10n.t('client ID')),
    });
    if (clientId === undefined) return undefined;
    const clientSecret = await vscode.window.showInputBox({
      title: vscode.l10n.t('PatSnap Client Secret ({0}/{1})', 2, 2),
      prompt: vscode.l10n.t('The client secret. It is stored only in VS Code\u2019s secret storage.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => requiredProblem(v, vscode.l10n.t('client secret')),
    });
    if (clientSecret === undefined) return undefined;
    return { kind: 'clientSecret', clientId: clientId.trim(), clientSecret: clientSecret.trim() };
  }

  /** Checks credentials against `baseUrl`; says plainly why when they do not pass, with Retry where `again` is given. */
  private async verify(credentials: Credentials, baseUrl: string, again?: () => Promise<boolean>): Promise<boolean> {
    const problem = baseUrlProblem(baseUrl);
    if (problem) {
      this.report(new Error(problem), { message: vscode.l10n.t('Could not check the credentials: {0}', problem), actions: ['openSettings'], setting: BASE_URL_SETTING });
      return false;
    }
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the PatSnap credentials with {0}\u2026', new URL(baseUrl).host), cancellable: true },
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
    this.host.errors.report(e, { what: vscode.l10n.t('Checking the credentials'), description, retry });
  }
}
