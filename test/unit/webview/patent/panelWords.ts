/**
 * The words the extension sends the patent panel (src/extension/patent/panelStrings.ts), read
 * from its source as the translation tools read it (one literal `vscode.l10n.t` per key) and
 * translated with a bundle, so the webview's own code can be tested in each language without VS Code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { bundleTranslator, ROOT } from '../../extension/localizedManifest';
import { fillArgs } from '../../../../src/core/text/translator';

/** Each key's message as `panelStrings()` asks for it (its own arguments, if any, left as `{0}`). */
export function panelMessages(): Record<string, string> {
  const file = path.join(ROOT, 'src', 'extension', 'patent', 'panelStrings.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const messages: Record<string, string> = {};
  const visit = (node: ts.Node, inside: boolean): void => {
    const here = inside || (ts.isFunctionDeclaration(node) && node.name?.text === 'panelStrings');
    if (here && ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer) && node.initializer.expression.getText(source) === 'vscode.l10n.t') {
      const first = node.initializer.arguments[0];
      if (first && ts.isStringLiteral(first)) messages[node.name.getText(source)] = first.text;
    }
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(source, false);
  return messages;
}

/** The panel's words in `lang` (English: the messages themselves), as the webview receives them. */
export function panelWords(lang: 'en' | 'zh-cn' | 'ja'): Record<string, string> {
  const t = lang === 'en' ? fillArgs : bundleTranslator(lang).t;
  return Object.fromEntries(Object.entries(panelMessages()).map(([key, message]) => [key, t(message)]));
}
