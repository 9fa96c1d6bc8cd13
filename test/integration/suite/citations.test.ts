/**
 * Citation checks in a real extension host against the sandbox: the diagnostics of a memo
 * (source `Patent Lookup`, a lint code each), their quick fixes applied, the status summary,
 * lookups only as allowed, re-checks of changed lines, "what changed since", and lists.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CitationsFeature } from '../../../src/extension/citations/citationsFeature';
import { extensionApi, sandbox, waitFor, type TestApi } from '../../lib/extensionHarness';

const MEMO = [
  '# Opinion: validity of claim 1',
  '',
  'Claim 1 was held anticipated by EP 1 234 567 B1, and obvious over US 2005/0262868 A1.',
  'The applicant also relies on US 9,999,999 B2.',
  'The closest art remains US 11,205,304 B2; see also US11205304B2, col. 4.',
].join('\n');

/** Business endpoints: everything a lookup may call. */
const API_PATHS = ['/basic-patent-data', '/advanced-patent-data', '/search'];

async function apiCalls(): Promise<number> {
  let n = 0;
  for (const p of API_PATHS) n += await sandbox.calls(p);
  return n;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Patent Lookup');
}

function summary(doc: vscode.TextDocument): Array<[string, string, string]> {
  return ours(doc.uri).map((d) => [String(d.code), doc.getText(d.range), vscode.DiagnosticSeverity[d.severity]]);
}

async function actionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [];
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('patentLookup').update(key, value, vscode.ConfigurationTarget.Global);
}

const opened: vscode.TextDocument[] = [];

async function openMemo(content = MEMO, language = 'markdown'): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  opened.push(doc);
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

describe('Citation checks in documents', function () {
  let api: TestApi;
  let feature: CitationsFeature;

  before(async () => {
    api = await extensionApi();
    feature = await api.citations();
  });

  // A setting put back re-checks the memos in view, with lookups: wait for those checks, so that their
  // calls are not counted by the next test.
  afterEach(async () => {
    for (const key of ['lookups.enabled', 'citations.severity', 'citations.style', 'citations.enabled']) {
      if (vscode.workspace.getConfiguration('patentLookup').inspect(key)?.globalValue === undefined) continue;
      const changed = new Promise<void>((resolve) => {
        const listener = vscode.workspace.onDidChangeConfiguration((e) => {
          if (!e.affectsConfiguration(`patentLookup.${key}`)) return;
          listener.dispose();
          resolve();
        });
      });
      await setting(key, undefined);
      await changed;
    }
    await feature.checker.idleAll();
  });

  // The suites share one window: leave no memo open to be checked again, and no card looked up here
  // to answer another suite's lookups.
  after(async () => {
    for (const doc of opened) {
      if (doc.isClosed) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    (await api.session.lookupService()).clear();
    feature.checker.forgetFacts();
  });

  it('shows four diagnostics on a memo: a revoked patent, a since-granted publication, an unknown number, a duplicate', async () => {
    const { doc } = await openMemo();
    // Checked on its own once it shows: nothing to run.
    await waitFor('the memo checked with lookups', () => feature.checker.latest(doc)?.lookups === 'done' && ours(doc.uri).length === 4);
    assert.deepEqual(summary(doc), [
      ['inactive', 'EP 1 234 567 B1', 'Warning'],
      ['grantedSince', 'US 2005/0262868 A1', 'Warning'],
      ['notFound', 'US 9,999,999 B2', 'Error'],
      ['duplicate', 'US11205304B2', 'Information'],
    ]);
    const [inactive, granted, unknown, duplicate] = ours(doc.uri);
    assert.equal(inactive?.message, 'EP1234567B1 is no longer in force (Revoked since Sep 21, 2007).');
    assert.equal(granted?.message, 'US20050262868A1 is a pre-grant publication: its application was granted as US7123456B2 on Oct 17, 2006.');
    assert.equal(unknown?.message, 'PatSnap has no publication US9999999B2.');
    assert.equal(duplicate?.message, 'US11205304B2 is cited already on line 5, as "US 11,205,304 B2".');
    assert.equal(duplicate?.relatedInformation?.[0]?.location.range.start.line, 4);
    assert.deepEqual(feature.status.snapshot().text, '$(warning) 4 citation problems');
    assert.match(feature.status.snapshot().tooltip, /^5 patent citations in this document; 4 problems: 1 no longer in force, 1 granted since, 1 not found, 1 duplicate\./);
  });

  it('fixes each of them: the grant for the publication, the duplicate removed, the unknown number ignored', async () => {
    const { doc } = await openMemo();
    await waitFor('the memo checked', () => ours(doc.uri).length === 4 && feature.checker.latest(doc)?.lookups === 'done');

    const granted = ours(doc.uri).find((d) => d.code === 'grantedSince');
    assert.ok(granted);
    const grantFix = (await actionsAt(doc, granted.range)).find((a) => a.title === 'Replace with the granted US 7,123,456 B2');
    assert.ok(grantFix?.edit, 'a quick fix writes the grant');
    assert.equal(grantFix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(grantFix.edit));
    assert.match(doc.lineAt(2).text, /obvious over US 7,123,456 B2\.$/);

    const duplicate = ours(doc.uri).find((d) => d.code === 'duplicate');
    assert.ok(duplicate);
    const removal = (await actionsAt(doc, duplicate.range)).find((a) => a.title === 'Remove the duplicate citation');
    assert.ok(removal?.edit);
    assert.ok(await vscode.workspace.applyEdit(removal.edit));
    assert.equal(doc.lineAt(4).text, 'The closest art remains US 11,205,304 B2; see also col. 4.');

    // The edits are checked again: the grant is cited now, and it has lapsed since.
    await feature.checker.idle(doc);
    await waitFor('the edits checked', () => feature.checker.latest(doc)?.version === doc.version && feature.checker.latest(doc)?.lookups === 'done');
    assert.deepEqual(summary(doc), [
      ['inactive', 'EP 1 234 567 B1', 'Warning'],
      ['inactive', 'US 7,123,456 B2', 'Warning'],
      ['notFound', 'US 9,999,999 B2', 'Error'],
    ]);

    const unknown = ours(doc.uri).find((d) => d.code === 'notFound');
    assert.ok(unknown);
    const actions = await actionsAt(doc, unknown.range);
    const ignore = actions.find((a) => a.title === 'Ignore US 9,999,999 B2 in this document');
    assert.ok(ignore?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await feature.checker.idle(doc);
    assert.deepEqual(summary(doc).map((s) => s[0]), ['inactive', 'inactive']);
    await vscode.commands.executeCommand('patentLookup.citations.stopIgnoring');
    assert.deepEqual(summary(doc).map((s) => s[0]), ['inactive', 'inactive', 'notFound']);
  });

  it('offers the canonical form, the kind code, the list and the panel on any citation', async () => {
    const { doc } = await openMemo('Compare U.S. Pat. No. 7,123,456 with US 11,205,304 B2.', 'plaintext');
    await feature.checker.check(doc);
    const at = new vscode.Range(0, 10, 0, 10);
    const titles = (await actionsAt(doc, at)).map((a) => a.title);
    for (const t of ['Add the kind code: US 7,123,456 B2', 'Write as US 7,123,456', 'Add US7123456 to the citation list', 'Open US7123456']) assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
    const add = (await actionsAt(doc, at)).find((a) => a.title === 'Add US7123456 to the citation list');
    assert.ok(add?.command);
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    assert.deepEqual(feature.state.collected().map((e) => e.number), ['US7123456']);
    const open = (await actionsAt(doc, at)).find((a) => a.title === 'Open US7123456');
    assert.ok(open?.command);
    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments ?? []));
    const panel = await waitFor('the panel of US7123456', () => api.panelFeature.openPanels.find((p) => p.matches({ number: 'US7123456' })));
    panel.dispose();
    await vscode.commands.executeCommand('patentLookup.citations.clearList');

    await setting('citations.style', 'compact');
    const { doc: other, editor } = await openMemo('Over US 2005/0262868 A1.', 'plaintext');
    await feature.checker.check(other);
    const titlesCompact = (await actionsAt(other, new vscode.Range(0, 6, 0, 6))).map((a) => a.title);
    assert.ok(titlesCompact.includes('Replace with the granted US7123456B2'), titlesCompact.join(' | '));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('patentLookup.citations.rewriteAll');
    assert.equal(other.getText(), 'Over US20050262868A1.');
  });

  it('checks every file type: a comment in TypeScript, a LaTeX source', async () => {
    for (const [language, content] of [
      ['typescript', '// Ported from the method of US 9,999,999 B2.\nconst x = 1;'],
      ['latex', '\\cite{x} as in US 9,999,999 B2.'],
    ] as const) {
      const { doc } = await openMemo(content, language);
      await waitFor(`a ${language} document checked`, () => feature.checker.latest(doc)?.lookups === 'done');
      assert.deepEqual(summary(doc), [['notFound', 'US 9,999,999 B2', 'Error']], language);
    }
  });

  it('sends nothing when lookups are off: offline checks only, said in the summary', async () => {
    await setting('lookups.enabled', false);
    const before = await apiCalls();
    const { doc } = await openMemo(MEMO.replace('EP 1 234 567 B1', 'EP 12345678901 B1').replace('9,999,999', '9,876,543'));
    const check = await feature.checker.check(doc, { explicit: true });
    assert.equal(check?.lookups, 'off');
    assert.deepEqual(summary(doc).map((s) => s[0]), ['malformed', 'duplicate']);
    assert.match(feature.status.snapshot().tooltip, /Offline checks only: lookups are off/);
    await vscode.commands.executeCommand('patentLookup.citations.check');
    assert.equal(await apiCalls(), before, 'no call reached the sandbox');
  });

  it('asks only for the numbers an edit wrote, each endpoint once, and nothing for a re-check', async () => {
    const { doc, editor } = await openMemo('Prior art: US 11,205,304 B2 and EP 1 234 567 B1.');
    await feature.checker.check(doc);
    await feature.checker.idleAll(); // (and any other memo's check still under way)
    const p011 = () => sandbox.calls('/basic-patent-data/simple-bibliography');
    const p013 = () => sandbox.calls('/basic-patent-data/legal-status');
    const [bib, legal] = [await p011(), await p013()];
    await feature.checker.check(doc);
    assert.deepEqual([await p011(), await p013()], [bib, legal], 'a re-check of what is known costs nothing');
    await editor.edit((b) => b.insert(new vscode.Position(0, doc.lineAt(0).text.length), '\nAlso KR 10-2355140 B1.'));
    await feature.checker.idle(doc);
    await waitFor('the new line checked', () => feature.checker.latest(doc)?.version === doc.version && feature.checker.latest(doc)?.lookups === 'done');
    assert.deepEqual([(await p011()) - bib, (await p013()) - legal], [1, 1]);
    // On demand, everything is asked again: one call per endpoint for all of them.
    await vscode.commands.executeCommand('patentLookup.citations.check');
    assert.equal((await p013()) - legal, 2);
  });

  it('says in the diagnostic when a status changed since the last check', async () => {
    const { doc } = await openMemo('The opposed patent: EP 1 234 567 B1.', 'plaintext');
    await feature.state.saveCheck(doc.uri.toString(), { checkedAt: '2004-06-01', numbers: { EP1234567B1: { key: 'Active|Granted|', label: 'Active, Granted', checkedAt: '2004-06-01' } } });
    await feature.checker.check(doc, { fresh: true });
    const [d] = ours(doc.uri);
    assert.equal(d?.code, 'inactive');
    assert.equal(d?.message, 'EP1234567B1 is no longer in force (Revoked since Sep 21, 2007). Changed since the check of Jun 1, 2004 (then: Active, Granted).');
    assert.match(feature.status.snapshot().tooltip, /1 status changed since the last check\./);
    // Remembered: the next check still says what it was before.
    assert.equal(feature.state.lastCheck(doc.uri.toString())?.numbers.EP1234567B1?.was?.was, 'Active, Granted');
    await feature.checker.check(doc);
    assert.match(ours(doc.uri)[0]?.message ?? '', /Changed since the check of Jun 1, 2004/);
  });

  it('reports each code at the severity the settings give it, or not at all', async () => {
    const { doc } = await openMemo();
    await setting('citations.severity', { inactive: 'off', notFound: 'hint' });
    await waitFor('the severities applied', () => ours(doc.uri).length === 3 && summary(doc).some((s) => s[2] === 'Hint'));
    assert.deepEqual(summary(doc).map((s) => [s[0], s[2]]), [
      ['grantedSince', 'Warning'],
      ['notFound', 'Hint'],
      ['duplicate', 'Information'],
    ]);
  });

  it('makes citation lists of a document and of a selection, with what PatSnap has', async () => {
    const { editor } = await openMemo();
    const csl = JSON.parse((await feature.lists.build(await feature.lists.citations('document', editor), 'csl-json')).text) as Array<{ id: string; title?: string }>;
    assert.deepEqual(csl.map((i) => i.id), ['EP1234567B1', 'US20050262868A1', 'US9999999B2', 'US11205304B2']);
    assert.equal(csl[0]?.title, 'Systems and methods for cooling the stator in a motor drive circuit');
    editor.selection = new vscode.Selection(4, 0, 4, 100);
    const md = (await feature.lists.build(await feature.lists.citations('selection', editor), 'markdown')).text;
    assert.equal(md.trimEnd().split('\n').length, 3, 'one patent (cited twice) in the last line');
    assert.match(md, /\| 1 \| US 11,205,304 B2 \| Systems and methods for rendering user interfaces/);
  });

  it('puts a list in a new editor, in a file, or on the clipboard', async () => {
    const { editor } = await openMemo();
    const list = await feature.lists.build(await feature.lists.citations('document', editor), 'bibtex');
    assert.equal(list.patents, 4);
    await feature.lists.deliver(list, 'bibtex', 'editor');
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown && shown !== editor.document, 'a new editor shows');
    opened.push(shown);
    assert.equal(shown.getText(), list.text);
    assert.equal(shown.isUntitled, true);

    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder, 'citations-test-list.bib');
    try {
      await feature.lists.deliver(list, 'bibtex', 'file', file);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), list.text);
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }

    await vscode.env.clipboard.writeText('before');
    await feature.lists.deliver(list, 'bibtex', 'clipboard');
    assert.equal(await vscode.env.clipboard.readText(), list.text);
  });

  it('makes citation lists of the whole workspace and of the citations collected', async () => {
    const all = await feature.lists.citations('workspace', undefined);
    const csv = (JSON.parse((await feature.lists.build(all, 'csl-json')).text) as Array<{ id: string }>).map((i) => i.id);
    // The fixture workspace's memos and CSV, each patent once.
    for (const n of ['EP1234567B1', 'US20050262868A1', 'US11205304B2', 'US7123456B2', 'WO1998012345A1', 'KR102355140B1', 'USRE45678E']) assert.ok(csv.includes(n), `${n} in ${csv.join(' ')}`);
    assert.equal(new Set(csv).size, csv.length, 'each patent once');

    await vscode.commands.executeCommand('patentLookup.citations.addToList', { number: 'EP1234567B1', text: 'EP 1 234 567 B1' });
    await vscode.commands.executeCommand('patentLookup.citations.addToList', { number: 'US14/706838', text: 'U.S. Appl. No. 14/706,838' });
    const collected = JSON.parse((await feature.lists.build(await feature.lists.citations('collected', undefined), 'csl-json')).text) as Array<{ id: string }>;
    assert.deepEqual(collected.map((i) => i.id), ['EP1234567B1', 'US11205304B2']);
    await vscode.commands.executeCommand('patentLookup.citations.clearList');
    assert.deepEqual(feature.state.collected(), []);
  });
});
