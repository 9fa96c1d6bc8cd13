/**
 * The status bar item `patentLookup.backend` in a real extension host: it names the
 * backend (the sandbox, or PatSnap with the key's last four characters) and follows
 * the calls (working, quota exhausted, back to normal) and signing out.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_CREDENTIALS } from '../../../src/core/sandboxCredentials';
import { restoreSandboxSession, sandbox, sandboxedApi, sandboxUrl, waitFor, type TestApi } from '../../lib/extensionHarness';

const SEARCH = '/search/patent/query-search-patent';

describe('Status bar: where calls go and how they fare', () => {
  let api: TestApi;

  before(async () => {
    api = await sandboxedApi();
  });

  afterEach(async () => {
    await sandbox.clearFaults();
  });

  after(async () => {
    await restoreSandboxSession(api);
  });

  const text = (): string => api.statusBar.view?.text ?? '';

  it('names the sandbox, and PatSnap with no more of the key than its last four characters', async () => {
    await waitFor('the sandbox in the status bar', () => text() === '$(beaker) Sandbox');
    assert.match(api.statusBar.view?.tooltip ?? '', new RegExp(`sandbox at ${sandboxUrl().replace(/[.:/]/g, '\\$&')}`));

    await vscode.workspace.getConfiguration('patentLookup').update('apiBaseUrl', sandboxUrl(), vscode.ConfigurationTarget.Global);
    await api.credentials.store({ kind: 'apiKey', apiKey: SANDBOX_CREDENTIALS.apiKey });
    await waitFor('PatSnap in the status bar', () => text() === '$(cloud) PatSnap \u2026-key');
    const view = api.statusBar.view;
    const shown = `${view?.text} ${view?.tooltip} ${view?.accessibilityLabel}`;
    assert.ok(!shown.includes('sandbox-demo'), `more of the key than its last four: ${shown}`);
    assert.strictEqual(view?.accessibilityLabel, 'Patent Lookup: PatSnap, API key ending -key');
  });

  it('says "working" while a call is out, and is back when it has an answer', async () => {
    await sandbox.addFault({ path: SEARCH, delayMs: 1_500 });
    const client = await api.session.api();
    const search = client.search({ query: 'TTL:battery', limit: 1 });
    await waitFor('"working"', () => text().startsWith('$(sync~spin)'));
    assert.match(api.statusBar.view?.accessibilityLabel ?? '', /, working$/);
    await search;
    await waitFor('the backend again', () => !text().startsWith('$(sync~spin)'));
  });

  it('says the quota is exhausted after PatSnap said so, until a call works again', async () => {
    await sandbox.addFault({ path: SEARCH, errorCode: 67200005, times: 0 });
    const client = await api.session.api();
    await assert.rejects(client.search({ query: 'TTL:battery', limit: 1 }), /exhausted/);
    await waitFor('"quota exhausted"', () => text().endsWith('quota exhausted'));
    await sandbox.clearFaults();
    await client.search({ query: 'TTL:battery', limit: 1 });
    await waitFor('the backend again', () => !text().includes('quota'));
  });

  it('says signed out once the credentials are cleared', async () => {
    await vscode.commands.executeCommand('patentLookup.clearCredentials');
    await waitFor('"signed out"', () => text() === '$(circle-slash) PatSnap: signed out');
  });

  it('"Use Local Sandbox…" with a URL uses that sandbox, and the status bar says so', async () => {
    await vscode.commands.executeCommand('patentLookup.useSandbox', sandboxUrl());
    await waitFor('the sandbox in the status bar', () => text() === '$(beaker) Sandbox');
    assert.strictEqual(api.session.sandbox, sandboxUrl());
  });
});
