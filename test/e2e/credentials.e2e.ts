/**
 * Credentials as a user sets them: "Patent: Clear API Credentials" signs the
 * window out (the runner's sandbox session default included), "Patent: Set API
 * Credentials…" checks the sandbox's API key against the sandbox and stores it,
 * and a rejected key is said once and changes nothing.
 */
import * as assert from 'assert';
import { openVsCode, Sandbox, type TreeView, type VsCode } from '../lib/pages';
import { UI_MS } from '../lib/pages/timeouts';

const SOURCE = 'Patent Lookup';
const SANDBOX_API_KEY = 'sk-sandbox-demo-key';
const SIGNED_OUT = /Set your PatSnap API credentials first/;
const SIGNED_IN = /No search yet/;

describe('Credentials through the command palette', function () {
  let vscode: VsCode;
  let sandbox: Sandbox;
  let results: TreeView;

  before(async () => {
    sandbox = Sandbox.current();
    vscode = await openVsCode();
    await vscode.sideBar.openPatentLookup();
    results = vscode.sideBar.view('Search Results');
    await results.expand();
  });

  afterEach(async () => {
    await vscode.dismissTransients();
  });

  after(async () => {
    await vscode?.close();
  });

  /** "Set API Credentials…", the API-key model, then `key` in the password box. */
  async function enterApiKey(key: string): Promise<void> {
    const q = vscode.quickInput;
    await vscode.palette.run('Patent: Set API Credentials…');
    await q.title.filter({ hasText: 'Set PatSnap API Credentials' }).waitFor({ state: 'visible', timeout: UI_MS });
    await q.pick(/API key \(sk-/);
    await q.title.filter({ hasText: 'PatSnap API Key' }).waitFor({ state: 'visible', timeout: UI_MS });
    assert.strictEqual(await q.input.getAttribute('type'), 'password', 'the key is typed into a password box');
    await q.type(key);
    await q.accept();
    await q.waitClosed();
  }

  it('clearing signs the window out, the sandbox session default included', async () => {
    // The runner starts code-server with PATENT_LOOKUP_SANDBOX_URL: signed in to the sandbox at first.
    await results.welcome.filter({ hasText: SIGNED_IN }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.palette.run('Patent: Clear API Credentials');
    await vscode.notifications.waitFor('PatSnap API credentials cleared.');
    await results.welcome.filter({ hasText: SIGNED_OUT }).waitFor({ state: 'visible', timeout: UI_MS });
    await results.welcome.getByRole('button', { name: 'Set API Credentials' }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('credentials-cleared');
  });

  it('stores the API key after the sandbox accepted it', async () => {
    await enterApiKey(SANDBOX_API_KEY);
    const saved = await vscode.notifications.waitFor('PatSnap credentials saved (API key).');
    assert.strictEqual(await vscode.notifications.source(saved), SOURCE);
    await results.welcome.filter({ hasText: SIGNED_IN }).waitFor({ state: 'visible', timeout: UI_MS });
    await vscode.screenshot('credentials-saved');
  });

  it('says once why a rejected key was not stored, and keeps the stored key', async () => {
    await enterApiKey('sk-wrong');
    const error = await vscode.notifications.waitFor(/rejected|invalid|not valid/i);
    await vscode.notifications.toast(/Checking the PatSnap credentials/).waitFor({ state: 'hidden', timeout: UI_MS });
    const messages = await vscode.notifications.messages();
    assert.strictEqual(messages.length, 1, `one message, got ${JSON.stringify(messages)}`);
    assert.strictEqual(await vscode.notifications.source(error), SOURCE);
    assert.doesNotMatch(messages[0] ?? '', /sk-wrong/, 'the key is never shown');
    const buttons = (await error.locator('.monaco-button').allInnerTexts()).map((t) => t.trim());
    assert.deepStrictEqual(buttons, ['Retry', 'Open Settings']);
    await vscode.screenshot('credentials-rejected');
    await vscode.notifications.dismissAll();

    // Still signed in with the sandbox key: a patent opens (without adding to the search history other specs see).
    await results.welcome.filter({ hasText: SIGNED_IN }).waitFor({ state: 'visible', timeout: UI_MS });
    const calls = await sandbox.calls();
    await vscode.openPatent('US 11,205,304 B2');
    assert.ok((await sandbox.calls()) > calls, 'the sandbox answered');
  });
});
