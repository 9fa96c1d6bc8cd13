/**
 * Patent numbers in documents, in a real extension host against the sandbox: the hover
 * card, the links, the "Patents in Document" view and the settings that switch them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DocumentPatentsSnapshot } from '../../../src/extension/patentNumbers';

const EXTENSION_ID = 'patent-lookup.patent-lookup';
const SANDBOX_URL = process.env.PATENT_LOOKUP_SANDBOX_URL;
const BIB = '/basic-patent-data/simple-bibliography';

/** The little of activate()'s return value these tests read. */
interface TestApi {
  session?: { api(): Promise<unknown> };
  numbers?: () => Promise<{ documentPatents(): DocumentPatentsSnapshot }>;
}

const TEXT = [
  'Claims 1-3 are rejected over US 11,205,304 B2 in view of EP 1 234 567 B1.',
  'See also U.S. Pat. No. 7,123,456 and US7123456B2 (same patent).',
  'Application: U.S. Appl. No. 14/706,838.',
  'Nothing here: version 1.2.3.',
].join('\n');

async function sandboxCalls(path: string): Promise<number> {
  const res = await fetch(new URL('/_sandbox/stats', SANDBOX_URL));
  const body = (await res.json()) as { calls: Record<string, number> };
  return body.calls[path] ?? 0;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? [];
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('patentLookup').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Patent numbers in documents', function () {
  let api: TestApi;
  let doc: vscode.TextDocument;

  before(async function () {
    const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = (await ext.activate()) ?? {};
    assert.ok(api.numbers, 'activate() returns no patent-number features');
    assert.ok(SANDBOX_URL, 'PATENT_LOOKUP_SANDBOX_URL is not set: the runner starts a sandbox for these tests');
    await api.session?.api(); // credentials from the environment are in place
    doc = await vscode.workspace.openTextDocument({ content: TEXT, language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    for (const key of ['lookups.enabled', 'links.enabled', 'hover.enabled', 'numbers.offices']) await setting(key, undefined);
  });

  it('shows a card with the title from PatSnap over a number, covering exactly the number', async () => {
    const character = TEXT.indexOf('US 11,205,304 B2') + 4;
    const hovers = await hoverAt(doc.uri, 0, character);
    const text = hoverText(hovers);
    assert.match(text, /\*\*US11205304B2\*\* · Active/);
    assert.match(text, /Systems and methods for rendering user interfaces for augmented or virtual reality/);
    assert.match(text, /command:patentLookup\.openPatent\?/);
    const ours = hovers.find((h) => hoverText([h]).includes('US11205304B2'));
    assert.ok(ours?.range);
    assert.equal(doc.getText(ours.range), 'US 11,205,304 B2');
  });

  it('trusts only our own commands in the card', async () => {
    const hovers = await hoverAt(doc.uri, 0, TEXT.indexOf('EP 1 234 567 B1') + 3);
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c && c.value.includes('EP1234567B1'));
    assert.ok(md, hoverText(hovers));
    const trusted = md.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('patentLookup.')));
    assert.notEqual(md.supportHtml, true);
  });

  it('shows no card away from numbers', async () => {
    const hovers = await hoverAt(doc.uri, 3, TEXT.split('\n')[3]?.indexOf('1.2.3') ?? 0);
    assert.doesNotMatch(hoverText(hovers), /Open Patent/);
  });

  it('links each number to the patent panel, an application number to its publication\u2019s', async () => {
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    const ours = links.filter((l) => l.target?.scheme === 'command' && l.target.path === 'patentLookup.openPatent');
    const numbers = ours.map((l) => (JSON.parse(decodeURIComponent(l.target?.query ?? '[]')) as Array<{ number: string }>)[0]?.number);
    assert.deepEqual(numbers, ['US11205304B2', 'EP1234567B1', 'US7123456', 'US7123456B2', 'US14/706838']);
    assert.deepEqual(ours.map((l) => doc.getText(l.range)), ['US 11,205,304 B2', 'EP 1 234 567 B1', 'U.S. Pat. No. 7,123,456', 'US7123456B2', 'U.S. Appl. No. 14/706,838']);
  });

  it('lists the document\u2019s patents, grouped, with titles and the places they are written', async () => {
    await vscode.commands.executeCommand('patentLookup.findInDocument');
    const snapshot = (await api.numbers?.())?.documentPatents();
    assert.ok(snapshot);
    assert.equal(snapshot.uri, doc.uri.toString());
    const byNumber = new Map(snapshot.patents.map((p) => [p.number, p]));
    // US7123456 (kind-less) joined US7123456B2 once the lookup said they are one patent.
    assert.deepEqual([...byNumber.keys()], ['US11205304B2', 'EP1234567B1', 'US7123456B2', 'US14/706838']);
    assert.deepEqual(byNumber.get('US7123456B2')?.places.map((p) => [p.line, p.text]), [
      [2, 'U.S. Pat. No. 7,123,456'],
      [2, 'US7123456B2'],
    ]);
    assert.match(byNumber.get('US11205304B2')?.title ?? '', /augmented or virtual reality/);
    assert.deepEqual(byNumber.get('US11205304B2')?.legalStatus, ['Active']);
  });

  it('sends no number to PatSnap when lookups are off, and still offers the actions', async () => {
    await setting('lookups.enabled', false);
    const fresh = await vscode.workspace.openTextDocument({ content: 'Prior art: KR 10-2355140 B1 and JP 2020-123456 A.', language: 'plaintext' });
    const before = await sandboxCalls(BIB);
    const hovers = await hoverAt(fresh.uri, 0, 14);
    const text = hoverText(hovers);
    assert.match(text, /KR102355140B1/);
    assert.match(text, /command:patentLookup\.openPatent/);
    assert.doesNotMatch(text, /Active|Pending|Inactive/);
    await new Promise((r) => setTimeout(r, 400)); // past the prefetch debounce
    assert.equal(await sandboxCalls(BIB), before);
    await setting('lookups.enabled', undefined);
  });

  it('applies links.enabled and hover.enabled without a reload', async () => {
    await setting('links.enabled', false);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    assert.equal(links.filter((l) => l.target?.scheme === 'command').length, 0);
    await setting('hover.enabled', false);
    assert.doesNotMatch(hoverText(await hoverAt(doc.uri, 0, TEXT.indexOf('US 11,205,304 B2') + 4)), /US11205304B2/);
    await setting('links.enabled', undefined);
    await setting('hover.enabled', undefined);
  });

  it('shows the cards of numbers of the newly recognised offices, written as their offices print them', async () => {
    const text = 'Cited: DE 10 2019 123 456 A1 and AU 2019/123456 B2.';
    const other = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    const de = hoverText(await hoverAt(other.uri, 0, text.indexOf('DE 10') + 3));
    assert.match(de, /\*\*DE102019123456A1\*\*/);
    assert.match(de, /ROBERT BOSCH/);
    const au = hoverText(await hoverAt(other.uri, 0, text.indexOf('AU 2019') + 3));
    assert.match(au, /\*\*AU2019123456B2\*\*/);
    assert.doesNotMatch(au, /no patent with this number/);
  });

  it('follows edits: a number typed, completed or broken, and numbers after an edit moved', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Row ${i}: US ${(7_000_000 + i).toLocaleString('en-US')} B2 and EP 1 234 ${String(100 + i)} B1.`);
    const editable = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(editable);
    const linked = async (): Promise<Array<[string, string]>> => {
      const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editable.uri)) ?? [];
      return links
        .filter((l) => l.target?.scheme === 'command')
        .map((l) => [editable.getText(l.range), (JSON.parse(decodeURIComponent(l.target?.query ?? '[]')) as Array<{ number: string }>)[0]?.number ?? '']);
    };
    assert.equal((await linked()).length, 800);

    // A line typed at the top moves every number below it; each link still covers its number.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'See WO 98/12345 first.\n'));
    let now = await linked();
    assert.equal(now.length, 801);
    assert.deepEqual(now[0], ['WO 98/12345', 'WO1998012345']);
    assert.deepEqual(now[800], ['EP 1 234 499 B1', 'EP1234499B1']);

    // A number completed by its kind, in the middle of the document.
    const row = editable.lineAt(201).text;
    assert.ok(row.startsWith('Row 200: US 7,000,200 B2'), row);
    await editor.edit((b) => b.delete(new vscode.Range(201, row.indexOf(' B2'), 201, row.indexOf(' B2') + 3)));
    assert.deepEqual((await linked())[401], ['US 7,000,200', 'US7000200']);
    await editor.edit((b) => b.insert(new vscode.Position(201, row.indexOf(' B2')), ' B1'));
    assert.deepEqual((await linked())[401], ['US 7,000,200 B1', 'US7000200B1']);

    // Broken by a letter typed inside it: no longer a number, and only that one is gone.
    await editor.edit((b) => b.insert(new vscode.Position(201, row.indexOf('7,000') + 1), 'x'));
    now = await linked();
    assert.equal(now.length, 800);
    assert.ok(!now.some(([, n]) => n.startsWith('US7000200')));

    // The hover agrees with the links after the edits, and so does the document view's grouping.
    const hover = await hoverAt(editable.uri, 399, editable.lineAt(399).text.indexOf('US 7,') + 4);
    assert.match(hoverText(hover), /US7000398B2/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('recognises only the offices chosen in numbers.offices', async () => {
    await setting('numbers.offices', ['EP']);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    assert.deepEqual(links.filter((l) => l.target?.scheme === 'command').map((l) => doc.getText(l.range)), ['EP 1 234 567 B1']);
    await setting('numbers.offices', undefined);
  });
});
