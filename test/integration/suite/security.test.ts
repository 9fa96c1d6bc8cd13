/**
 * Issue #10 in a real extension host: where credentials go, and what text and links
 * from the API can and cannot do. A recording proxy in front of the sandbox plays
 * the service (and, where a test says so, a hostile one).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PatentPanel } from '../../../src/extension/patent/patentPanel';
import { parseToWebview, TEXT_MAX } from '../../../src/webview/protocol';
import { disposePanels, exportsDriver, extensionApi, restoreSandboxSession, sandboxUrl, waitFor, type TestApi } from '../../lib/extensionHarness';
import { startRecordingProxy, type RecordingProxy } from '../../lib/recordingProxy';

const BIBLIOGRAPHY = '/basic-patent-data/simple-bibliography';
const PDF = '/basic-patent-data/pdf-data';
const EXAM_DOCS = '/advanced-patent-data/overseas-patent-documents';
const NUMBER = 'US11205304B2';

type Window = Record<string, unknown>;

/** Replaces `vscode.window[name]` (the extension shares this host's API object) to see what the extension shows. */
function intercept(name: 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage'): { calls: unknown[][]; restore(): void } {
  const target = vscode.window as unknown as Window;
  const original = target[name];
  const calls: unknown[][] = [];
  target[name] = (...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(undefined);
  };
  return { calls, restore: () => (target[name] = original) };
}

function messagesOf(calls: unknown[][]): string[] {
  return calls.map((c) => String(c[0]));
}

describe('Security: credentials, links and API text', () => {
  let api: TestApi;
  let proxy: RecordingProxy;

  before(async () => {
    api = await extensionApi();
    proxy = await startRecordingProxy(sandboxUrl());
  });

  afterEach(async () => {
    // Each test rewrites the answers: what an earlier one cached must not answer for it.
    await api.session.clearLookupCache();
    proxy.clearRewrites();
    disposePanels(api);
    await restoreSandboxSession(api);
  });

  after(async () => {
    await proxy.close();
  });

  it('sends a sandbox session the sandbox\u2019s credentials only, never the stored ones', async () => {
    const stored = 'sk-stored-real-key-of-the-user';
    await api.credentials.store({ kind: 'apiKey', apiKey: stored });
    await api.session.useSandbox(proxy.url, { remember: false });
    const before = proxy.requests.length;
    const page = await (await api.session.api()).search({ query: 'TTL:battery', limit: 1 });
    assert.ok(page.hits.length > 0, 'the sandbox answered through the proxy');
    assert.ok(proxy.requests.length > before, 'the call went through the proxy');
    assert.ok(!proxy.sent().includes(stored), 'the stored key reached the sandbox URL');
  });

  it('ignores an API base URL that a workspace\u2019s .vscode/settings.json sets', async () => {
    const root = vscode.workspace.workspaceFolders?.[0];
    assert.ok(root, 'the integration workspace has no folder');
    const dir = path.join(root.uri.fsPath, '.vscode');
    const file = path.join(dir, 'settings.json');
    fs.mkdirSync(dir, { recursive: true });
    // hover.enabled is a window setting a workspace may set: once it reads false, VS Code has read the file.
    fs.writeFileSync(file, JSON.stringify({ 'patentLookup.apiBaseUrl': 'https://attacker.invalid', 'patentLookup.hover.enabled': false }));
    try {
      await waitFor('the workspace settings to be read', () => vscode.workspace.getConfiguration('patentLookup').get('hover.enabled') === false, 20_000);
      assert.strictEqual(api.settings.client.baseUrl, 'https://connect.patsnap.com');
      assert.strictEqual(vscode.workspace.getConfiguration('patentLookup').get('apiBaseUrl'), 'https://connect.patsnap.com');
      assert.strictEqual(api.session.sandbox, sandboxUrl(), 'the sandbox session is still the backend');
    } finally {
      fs.rmSync(file, { force: true });
      await waitFor('the workspace settings to go', () => vscode.workspace.getConfiguration('patentLookup').get('hover.enabled') === true, 20_000);
    }
  });

  it('refuses plain http to anything but this machine, before any request', async () => {
    await vscode.workspace.getConfiguration('patentLookup').update('apiBaseUrl', 'http://example.com', vscode.ConfigurationTarget.Global);
    await waitFor('the sandbox session to end', () => api.session.sandbox === undefined);
    await api.credentials.store({ kind: 'apiKey', apiKey: 'sk-for-a-plain-http-gateway' });
    const baseUrl = api.settings.client.baseUrl;
    await assert.rejects(api.session.api(), (e: Error & { setting?: string }) => /https/.test(e.message) && e.setting === 'patentLookup.apiBaseUrl', `base URL ${baseUrl}`);
  });

  it('does not let service text in an error notification become a link', async () => {
    await api.session.useSandbox(proxy.url, { remember: false });
    proxy.rewrite(PDF, () => ({ status: false, error_code: 68300004, error_msg: 'Try [Retry](command:workbench.action.terminal.new) now', data: null }));
    const errors = intercept('showErrorMessage');
    try {
      // Save PDF… asks for the link at once, and says what went wrong in a notification.
      await (await openPanel()).savePdf();
      const shown = await waitFor('an error notification', () => messagesOf(errors.calls).find((m) => m.includes('Retry'))).catch((e: Error) => {
        throw new Error(`${e.message}; shown: ${JSON.stringify(messagesOf(errors.calls))}`);
      });
      assert.doesNotMatch(shown, /\]\(/, shown);
      assert.match(shown, /Try \[Retry\] \(command:workbench\.action\.terminal\.new\) now/, 'the words are kept, as plain text');
    } finally {
      errors.restore();
    }
  });

  for (const link of ['file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://some.extension/run', 'javascript:alert(1)']) {
    it(`opens only http(s) links: a ${link.split(':')[0]}: link from the API is refused with a message`, async () => {
      await api.session.useSandbox(proxy.url, { remember: false });
      proxy.rewrite(PDF, (envelope) => {
        const data = envelope.data as Array<{ pdf?: { path?: string } }>;
        for (const item of data) item.pdf = { path: link };
        return envelope;
      });
      const env = vscode.env as unknown as Window;
      const openExternal = env.openExternal;
      const opened: unknown[] = [];
      env.openExternal = (uri: unknown) => {
        opened.push(uri);
        return Promise.resolve(true);
      };
      try {
        // The viewer downloads the link in the extension host: only an http(s) one, never handed to the OS or the browser.
        await vscode.commands.executeCommand('patentLookup.results.openPdf', { number: NUMBER });
        const pdfs = await api.pdfs();
        const viewer = await waitFor('the refusal', () => pdfs.openViewers.find((v) => v.error));
        assert.match(viewer.error ?? '', /must be an http\(s\) URL/);
        assert.deepStrictEqual(opened, [], 'nothing was handed to the operating system');
      } finally {
        env.openExternal = openExternal;
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });
  }

  async function openPanel(): Promise<PatentPanel> {
    await vscode.commands.executeCommand('patentLookup.openPatent', NUMBER);
    const panel = await waitFor('a panel', () => api.panelFeature.openPanels[0]);
    await waitFor('the patent', () => panel.snapshot.main.state !== 'loading');
    return panel;
  }

  it('shortens API text the webview would refuse, so the panel shows the patent and not "Loading…"', async () => {
    await api.session.useSandbox(proxy.url, { remember: false });
    proxy.rewrite(BIBLIOGRAPHY, (envelope) => {
      for (const item of envelope.data as Array<{ bibliographic_data: { invention_title: Array<{ text: string }> } }>) {
        for (const t of item.bibliographic_data.invention_title) t.text = `A ${'very '.repeat(40_000)}long title`;
      }
      return envelope;
    });
    const main = (await openPanel()).snapshot.main;
    assert.strictEqual(main.state, 'patent', JSON.stringify(main).slice(0, 300));
    if (main.state !== 'patent') return;
    assert.ok((main.patent.title?.length ?? 0) <= TEXT_MAX, `title of ${main.patent.title?.length} characters`);
    assert.ok(main.patent.title?.startsWith('A very very'));
    assert.ok(parseToWebview({ type: 'patent', patent: main.patent }).ok, 'the webview accepts what the panel holds');
  });

  it('shows examination documents with impossible counts as something the webview accepts', async () => {
    await api.session.useSandbox(proxy.url, { remember: false });
    proxy.rewrite(EXAM_DOCS, (envelope) => {
      const data = envelope.data as { doc_count?: number; doc_detail?: Array<{ page_number?: number }> };
      data.doc_count = -5;
      for (const d of data.doc_detail ?? []) d.page_number = -1;
      return envelope;
    });
    const panel = await openPanel();
    panel.showDocuments();
    const docs = await waitFor('the documents', () => panel.snapshot.documents?.state !== 'loading' && panel.snapshot.documents);
    assert.ok(parseToWebview({ type: 'documents', documents: docs }).ok, JSON.stringify(docs).slice(0, 300));
    assert.notStrictEqual(docs.state, 'loading');
  });

  it('states in the billing confirmation the count PatSnap will bill, counted first', async () => {
    const exports = await exportsDriver(api);
    const client = await api.session.api();
    const total = await client.count({ query: 'TTL:battery' });
    assert.ok(total > 2, `the sandbox has ${total} battery patents`);
    const cases = [
      { rows: 100_000, offset: 0, billed: total },
      { rows: 5, offset: 0, billed: 5 },
      { rows: 50, offset: total - 2, billed: 2 },
    ];
    const tasksBefore = exports.tasks().length;
    for (const { rows, offset, billed } of cases) {
      const id = `confirmation-${rows}-${offset}`;
      await exports.feature.store.add({ id, query: 'TTL:battery', params: { fields: ['PN', 'TTL'], exportType: 'csv', rows, offset }, createdAt: new Date().toISOString(), count: 0, status: 'failed' });
      const warnings = intercept('showWarningMessage');
      try {
        await vscode.commands.executeCommand('patentLookup.exports.exportAgain', id);
        const [message, options, button] = warnings.calls[0] ?? [];
        const noun = billed === 1 ? 'patent' : 'patents';
        assert.strictEqual(message, `Export ${billed.toLocaleString('en-US')} ${noun} as CSV?`);
        assert.strictEqual(button, `Export ${billed.toLocaleString('en-US')} ${noun}`);
        assert.match(String((options as { detail?: string }).detail), new RegExp(`PatSnap will bill ${billed.toLocaleString('en-US')} ${noun}.*finds ${total.toLocaleString('en-US')}`));
      } finally {
        warnings.restore();
        await exports.feature.store.remove(id);
      }
    }
    assert.strictEqual(exports.tasks().length, tasksBefore, 'declining created nothing');
  });
});
