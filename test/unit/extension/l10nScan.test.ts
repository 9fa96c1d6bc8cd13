/**
 * A scan of src/extension that fails when text a person reads is written as a plain
 * string instead of going through `vscode.l10n.t` (or `l10n.t` in a pure module):
 * notification messages and their buttons, quick pick items and titles, input box
 * prompts, progress titles, tree item labels and tooltips, status bar text, diagnostic
 * messages, code action titles. Logs stay English and are not looked at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const EXTENSION = path.join(__dirname, '..', '..', '..', 'src', 'extension');


/** Calls whose string arguments are shown as they are (their object arguments are scanned too). */
const SHOWING_CALLS = new Set([
  'showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showInfo', 'showWarning', 'showError',
  'setStatusBarMessage', 'showInputBox', 'showQuickPick', 'withProgress', 'requireCredentials', 'describeError', 'retryableDescription', 'pickOption',
]);
/** Properties (in object literals, or assigned) whose string is shown. */
const SHOWN_PROPERTIES = new Set([
  'label', 'description', 'detail', 'tooltip', 'placeHolder', 'placeholder', 'title', 'prompt', 'message', 'text',
  'saveLabel', 'openLabel', 'validationMessage', 'what', 'alt', 'button',
]);
/** Constructors and the index of the argument that is shown. */
const SHOWING_CONSTRUCTORS: Record<string, number[]> = { TreeItem: [0], Diagnostic: [1], CodeAction: [0], CodeLens: [], MarkdownString: [0] };

/** Text that is the same in every language: names, codes, codicons, punctuation. */
const SAME_IN_EVERY_LANGUAGE = /^(?:\s|[\p{P}\p{S}\d]|\$\([\w~-]+\)|PatSnap|Patent Lookup|CSV|JSON|XML|PDF|ZIP|INPADOC|DOCDB|APNO|EXTEND|CSL-JSON|BibTeX|IDS|Excel \(XLS\)|sk-\u2026|[A-Z]{2,}\d*)*$/u;

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

function plainParts(e: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return plainParts(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].filter((t) => t !== '').length ? [[e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ')] : [];
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...plainParts(e.left), ...plainParts(e.right)];
  if (ts.isConditionalExpression(e)) return [...plainParts(e.whenTrue), ...plainParts(e.whenFalse)];
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return plainParts(e.right);
  return [];
}

function propertyName(n: ts.PropertyName | ts.MemberName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}

function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The plain strings shown to people in one source text. */
export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Expression, where: string) => {
    for (const text of plainParts(node)) {
      if (SAME_IN_EVERY_LANGUAGE.test(text)) continue;
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, where });
    }
  };
  const scanObject = (o: ts.Expression, where: string) => {
    if (ts.isArrayLiteralExpression(o)) for (const el of o.elements) scanObject(el, where);
    if (!ts.isObjectLiteralExpression(o)) return;
    for (const p of o.properties) if (ts.isPropertyAssignment(p) && SHOWN_PROPERTIES.has(propertyName(p.name) ?? '')) report(p.initializer, `${where} ${propertyName(p.name)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name && SHOWING_CALLS.has(name)) {
        for (const a of node.arguments) {
          report(a, `${name}()`);
          scanObject(a, `${name}()`);
        }
      }
    } else if (ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const shown = name ? SHOWING_CONSTRUCTORS[name] : undefined;
      for (const i of shown ?? []) if (node.arguments?.[i]) report(node.arguments[i], `new ${name}()`);
    } else if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(propertyName(node.name) ?? '')) {
      report(node.initializer, `property ${propertyName(node.name)}`);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text)) {
      report(node.right, `assignment .${node.left.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // A property found both inside a showing call and on its own is one finding.
  return found.filter((f, i) => found.findIndex((g) => g.line === f.line && g.text === f.text) === i);
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('l10n: no plain string where the VS Code layer shows text', () => {
  it('finds the plain strings it is meant to find', () => {
    const sample = [
      "vscode.window.showInformationMessage('Saved the file.', 'Open');",
      "const qp = vscode.window.createQuickPick(); qp.placeholder = `Pick one of ${n}`;",
      "vscode.window.showQuickPick([{ label: 'Relevance', detail: vscode.l10n.t('Best first') }], { title: 'Sort' });",
      "item.tooltip = ok ? 'Fine' : vscode.l10n.t('Broken');",
      "const d = new vscode.Diagnostic(range, 'Not a patent number', vscode.DiagnosticSeverity.Warning);",
      "const a = new vscode.CodeAction('Fix the number', vscode.CodeActionKind.QuickFix);",
      "status.text = `$(cloud) Sandbox`;",
      "vscode.window.withProgress({ location, title: 'Searching\u2026' }, work);",
    ].join('\n');
    const texts = scanSource('sample.ts', sample).map((f) => f.text);
    assert.deepEqual(texts, ['Saved the file.', 'Open', 'Pick one of  ', 'Relevance', 'Sort', 'Fine', 'Not a patent number', 'Fix the number', '$(cloud) Sandbox', 'Searching\u2026']);
  });

  it('lets translated text, codicons and names through', () => {
    const sample = [
      "vscode.window.showErrorMessage(vscode.l10n.t('Failed: {0}', why), ...labels);",
      "item.label = l10n.t('Relevance'); item.description = 'APNO'; status.text = '$(sync~spin)';",
      "qp.items = [{ label: `$(warning) ${problem.message}` }, { label: 'PatSnap' }];",
      "log.info('The cache was cleared.');",
    ].join('\n');
    assert.deepEqual(scanSource('sample.ts', sample), []);
  });

  it('finds none in src/extension', () => {
    const findings = sources(EXTENSION).flatMap((f) => scanSource(path.relative(EXTENSION, f), fs.readFileSync(f, 'utf8')));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.where}: ${JSON.stringify(f.text)}`), []);
  });
});
