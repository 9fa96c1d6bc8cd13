/**
 * The patsnap-query language as VS Code loads it from package.json: known to the host,
 * a document of it opens with that language, and its bracket configuration applies.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('the patsnap-query language in a real extension host', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is a language VS Code knows', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('patsnap-query'));
  });

  it('opens a query document with it, and Select to Bracket spans the group', async () => {
    const text = 'TTL:(car OR "electric vehicle") AND PBD:[20200101 TO *]';
    const doc = await vscode.workspace.openTextDocument({ language: 'patsnap-query', content: text });
    assert.equal(doc.languageId, 'patsnap-query');
    const editor = await vscode.window.showTextDocument(doc);
    const inside = doc.positionAt(text.indexOf('car'));
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('editor.action.selectToBracket');
    assert.equal(doc.getText(editor.selection), '(car OR "electric vehicle")');
  });
});
