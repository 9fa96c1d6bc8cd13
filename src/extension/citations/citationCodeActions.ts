import * as vscode from 'vscode';
import type { Citation, CitationProblem } from '../../core/citations';
import type { DocumentNumberIndex } from '../patentNumbers/documentNumberIndex';
import { DIAGNOSTIC_SOURCE, type CitationChecker } from './citationChecker';
import type { CitationSettings } from './citationSettings';
import { ignorePlan, planActions, type ActionPlan } from './citationActions.pure';

/**
 * Quick fixes on a citation under the cursor (or a selection over citations): the fix of each
 * problem (the granted publication, the publication of an application, removing a duplicate),
 * the kind code, the canonical form for it or the whole document, and "Add to citation list",
 * "Open patent" and "Ignore for this document".
 */
export class CitationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly checker: CitationChecker,
    private readonly settings: CitationSettings,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const all = this.index.citations(document);
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const under = all.filter((c) => c.index <= end && c.index + c.length >= start);
    if (under.length === 0) return [];
    const current = this.checker.current(document);
    const actions: vscode.CodeAction[] = [];
    for (const c of under.slice(0, 20)) {
      const problems = current.problems.filter((p) => p.citation.index === c.index && p.citation.length === c.length);
      const line = document.lineAt(document.positionAt(c.index).line);
      const plans = planActions({
        citation: c,
        problems,
        citations: all,
        facts: current.facts,
        style: this.settings.style,
        line: { text: line.text, start: document.offsetAt(line.range.start) },
        l10n: vscode.l10n,
      });
      if (problems.length > 0) plans.push(ignorePlan(c, document.uri.toString(), vscode.l10n));
      for (const plan of plans) actions.push(this.toAction(document, plan, diagnosticsOf(context, document, c, problems)));
    }
    return actions;
  }

  private toAction(document: vscode.TextDocument, plan: ActionPlan, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
    if (plan.fixes) {
      action.diagnostics = diagnostics.filter((d) => d.code === plan.fixes);
      action.isPreferred = plan.preferred === true;
    } else if (plan.command?.id === 'patentLookup.citations.ignore') action.diagnostics = diagnostics;
    if (plan.edits) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of plan.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
      action.edit = edit;
    }
    if (plan.command) action.command = { command: plan.command.id, title: plan.title, arguments: plan.command.args };
    return action;
  }
}

/** Our diagnostics on this citation, as VS Code passes them back. */
function diagnosticsOf(context: vscode.CodeActionContext, document: vscode.TextDocument, c: Citation, problems: readonly CitationProblem[]): vscode.Diagnostic[] {
  const codes = new Set(problems.map((p) => p.code));
  return context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codes.has(d.code as CitationProblem['code']) && document.offsetAt(d.range.start) === c.index);
}
