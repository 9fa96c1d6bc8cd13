import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { extensionApi, restoreSandboxSession, sandboxUrl, waitFor, type TestApi } from '../../lib/extensionHarness';

/** Every value a setting of ours has at any level, as one string. */
function allSettingValues(): string {
  const config = vscode.workspace.getConfiguration();
  const ext = vscode.extensions.getExtension('patent-lookup.patent-lookup');
  const keys = Object.keys((ext?.packageJSON as { contributes: { configuration: { properties: object } } }).contributes.configuration.properties);
  return JSON.stringify(keys.map((k) => config.inspect(k)));
}

describe('Credentials', () => {
  let api: TestApi;

  before(async () => {
    api = await extensionApi();
  });

  after(async () => {
    await restoreSandboxSession(api);
  });

  it('uses the sandbox from the environment without writing user settings', async () => {
    // Another suite may have signed out meanwhile: bring back the session's credentials only.
    await restoreSandboxSession(api);
    const inspected = vscode.workspace.getConfiguration('patentLookup').inspect<string>('apiBaseUrl');
    assert.strictEqual(inspected?.globalValue, undefined, 'apiBaseUrl was written to user settings');
    assert.strictEqual(inspected?.workspaceValue, undefined);
    assert.ok(sandboxUrl());
    // The client talks to the sandbox (the default gateway is out of reach here): the URL lives in memory.
    await (await api.session.api()).verifyCredentials();
  });

  it('stores credentials in SecretStorage, never in settings, and rebuilds the client', async () => {
    // Stored credentials go to the configured gateway only (never to a sandbox session): here that is the sandbox's URL.
    await vscode.workspace.getConfiguration('patentLookup').update('apiBaseUrl', sandboxUrl(), vscode.ConfigurationTarget.Global);
    await waitFor('setting the base URL to end the sandbox session', () => api.session.sandbox === undefined);
    await api.credentials.store({ kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey });
    assert.strictEqual(await api.credentials.isStored(), true);
    assert.deepStrictEqual(await api.credentials.get(), { kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey });
    assert.ok(!allSettingValues().includes(SANDBOX_CREDENTIALS.apiKey), 'the key leaked into settings');
    assert.strictEqual(api.session.hasCredentials, true);
    // The rebuilt client authenticates with the stored key.
    const client = await api.session.api();
    await client.verifyCredentials();
  });

  it('signs out with Clear API Credentials: the results view offers to sign in', async () => {
    await vscode.commands.executeCommand('patentLookup.clearCredentials');
    await api.session.api().catch(() => undefined);
    assert.strictEqual(await api.credentials.isStored(), false);
    assert.strictEqual(api.session.hasCredentials, false);
    // An empty tree shows the welcome view with "Set API Credentials".
    assert.deepStrictEqual(api.results.getChildren(), []);
    await assert.rejects(api.session.api(), /No PatSnap API credentials/);
  });

  it('reports rejected credentials from the API as a credentials error', async () => {
    await api.credentials.store({ kind: 'apiKey', apiKey: 'sk-not-the-sandbox-key' });
    const client = await api.session.api();
    await assert.rejects(client.verifyCredentials(), (e: Error & { kind?: string }) => e.kind === 'credentials');
  });
});
