/**
 * A query cell's options where the searcher sees them: a status bar item under the cell
 * ("Publication date, newest first · One per simple family · top 20 · charts: year, …")
 * with the calls one run makes, and "Edit Query Options…", a quick pick of each option
 * that writes the choice into the cell's metadata (so it is saved in the file).
 */
import * as vscode from 'vscode';
import { DEFAULT_KEEP, FACET_MAX_FIELDS, planRun, type QueryOptions } from '../../core/notebook';
import { listOf } from '../../core/text/punctuation';
import { Disposable } from '../common/disposable';
import { dateRangeWords } from '../common/format.pure';
import { showWarning } from '../common/notifications';
import {
  CHART_FIELDS,
  COLLAPSE_CHOICE_IDS,
  collapseLabel,
  dateRangeText,
  describeCellOptions,
  parseDateRange,
  SORT_CHOICE_IDS,
  sortChoiceOf,
  sortLabel,
  withCharts,
  withCollapse,
  withDateRange,
  withKept,
  withSort,
} from './cellOptions.pure';
import { cellMetadata, NOTEBOOK_TYPE, queryCellOf } from './notebookData.pure';

export const EDIT_OPTIONS_COMMAND = 'patentLookup.notebook.editOptions';

/** The cell a command was given: the cell toolbar passes the cell, the status bar its document URI. */
export function cellFromArg(arg: unknown): vscode.NotebookCell | undefined {
  if (typeof arg === 'object' && arg !== null && 'document' in arg && 'notebook' in arg && 'index' in arg) return arg as vscode.NotebookCell;
  const uri = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString() : undefined;
  const cells = vscode.workspace.notebookDocuments.filter((nb) => nb.notebookType === NOTEBOOK_TYPE).flatMap((nb) => nb.getCells());
  if (uri !== undefined) return cells.find((c) => c.document.uri.toString() === uri);
  // From the palette: the cell with the focus.
  const editor = vscode.window.activeNotebookEditor;
  if (editor?.notebook.notebookType !== NOTEBOOK_TYPE) return undefined;
  return editor.notebook.cellAt(editor.selection.start);
}

export class CellOptionsStatusBar extends Disposable implements vscode.NotebookCellStatusBarItemProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCellStatusBarItems = this.changed.event;

  constructor(private readonly backend: () => 'patsnap' | 'sandbox') {
    super();
    this.register(vscode.notebooks.registerNotebookCellStatusBarItemProvider(NOTEBOOK_TYPE, this));
    this.register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.notebook.notebookType === NOTEBOOK_TYPE && e.cellChanges.some((c) => c.metadata || c.document)) this.changed.fire();
      }),
    );
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    if (cell.kind !== vscode.NotebookCellKind.Code) return [];
    const query = queryCellOf({ value: cell.document.getText(), metadata: cell.metadata });
    const words = describeCellOptions(query.options, DEFAULT_KEEP, vscode.l10n);
    const options = new vscode.NotebookCellStatusBarItem(`$(settings) ${words.join(' \u00b7 ')}`, vscode.NotebookCellStatusBarAlignment.Left);
    options.command = { command: EDIT_OPTIONS_COMMAND, title: vscode.l10n.t('Edit Query Options\u2026'), arguments: [cell.document.uri.toString()] };
    options.tooltip = vscode.l10n.t('Options of this query, stored in the notebook: click to change them.');
    options.accessibilityInformation = { label: vscode.l10n.t('Query options: {0}. Activate to change them.', listOf(vscode.l10n, words)) };
    const { calls } = planRun(query, this.backend());
    const cost = new vscode.NotebookCellStatusBarItem(calls === 1 ? vscode.l10n.t('up to 1 call') : vscode.l10n.t('up to {0} calls', calls), vscode.NotebookCellStatusBarAlignment.Right);
    cost.tooltip =
      calls === 1
        ? vscode.l10n.t('One run of this query makes up to 1 call to PatSnap (hit count, results, their details, status and family, charts), each billed.')
        : vscode.l10n.t('One run of this query makes up to {0} calls to PatSnap (hit count, results, their details, status and family, charts), each billed.', calls);
    return [options, cost];
  }
}

type Step = 'sort' | 'collapse' | 'published' | 'filed' | 'kept' | 'charts' | 'done';
interface StepItem extends vscode.QuickPickItem {
  step: Step;
}

/** "Edit Query Options…": one quick pick per option, back to the list after each, until Escape or "Done". */
export async function editCellOptions(cell: vscode.NotebookCell): Promise<void> {
  for (;;) {
    const options = queryCellOf({ value: cell.document.getText(), metadata: cell.metadata }).options;
    const step = await vscode.window.showQuickPick<StepItem>(
      [
        { step: 'sort', label: vscode.l10n.t('Sort'), description: sortChoiceOf(options) ? sortLabel(sortChoiceOf(options) ?? 'relevance', vscode.l10n) : vscode.l10n.t('as written in the cell') },
        { step: 'collapse', label: vscode.l10n.t('Collapse'), description: collapseLabel(options.collapseType ?? 'ALL', vscode.l10n) },
        { step: 'published', label: vscode.l10n.t('Publication dates'), description: dateRangeWords(options.publicationDate?.from, options.publicationDate?.to, vscode.l10n) || vscode.l10n.t('any') },
        { step: 'filed', label: vscode.l10n.t('Application dates'), description: dateRangeWords(options.applicationDate?.from, options.applicationDate?.to, vscode.l10n) || vscode.l10n.t('any') },
        { step: 'kept', label: vscode.l10n.t('Results kept per run'), description: String(options.limit ?? DEFAULT_KEEP) },
        { step: 'charts', label: vscode.l10n.t('Charts'), description: listOf(vscode.l10n, options.facets ?? []) || vscode.l10n.t('none') },
        { step: 'done', label: vscode.l10n.t('Done') },
      ],
      { title: vscode.l10n.t('Edit Query Options'), placeHolder: vscode.l10n.t('Stored in the notebook with the query; used by its next run') },
    );
    if (!step || step.step === 'done') return;
    const next = await ask(step.step, options);
    if (next !== undefined) await store(cell, next);
  }
}

async function ask(step: Exclude<Step, 'done'>, options: QueryOptions): Promise<QueryOptions | undefined> {
  switch (step) {
    case 'sort': {
      const current = sortChoiceOf(options);
      const picked = await vscode.window.showQuickPick(
        SORT_CHOICE_IDS.map((id) => ({ id, label: sortLabel(id, vscode.l10n), description: id === current ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Sort') },
      );
      return picked && withSort(options, picked.id);
    }
    case 'collapse': {
      const current = options.collapseType ?? 'ALL';
      const picked = await vscode.window.showQuickPick(
        COLLAPSE_CHOICE_IDS.map((id) => ({ id, label: collapseLabel(id, vscode.l10n), detail: id === 'ALL' ? undefined : id, description: id === current ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Collapse') },
      );
      return picked && withCollapse(options, picked.id);
    }
    case 'published':
    case 'filed': {
      const which = step === 'published' ? 'publicationDate' : 'applicationDate';
      const typed = await vscode.window.showInputBox({
        title: step === 'published' ? vscode.l10n.t('Publication dates') : vscode.l10n.t('Application dates'),
        prompt: vscode.l10n.t('FROM to TO as yyyyMMdd, * for no limit; empty for any date. Added to the query as {0}:[FROM TO TO].', step === 'published' ? 'PBD' : 'APD'),
        placeHolder: '20200101 - *', // digits and a dash, which the range parser reads in every language (a translated "to" it would not)
        value: dateRangeText(options[which]),
        validateInput: (v) => {
          const r = parseDateRange(v, vscode.l10n);
          return 'problem' in r ? r.problem : undefined;
        },
      });
      if (typed === undefined) return undefined;
      const r = parseDateRange(typed, vscode.l10n);
      return 'problem' in r ? undefined : withDateRange(options, which, r.range);
    }
    case 'kept': {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Results kept per run'),
        prompt: vscode.l10n.t('1 to 1000. Each run fetches and stores this many of the top results; a comparison covers only what both runs kept.'),
        value: String(options.limit ?? DEFAULT_KEEP),
        validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 1000 ? undefined : vscode.l10n.t('A whole number from 1 to 1000.')),
      });
      return typed === undefined ? undefined : withKept(options, Number(typed.trim()));
    }
    case 'charts': {
      const current = new Set(options.facets ?? []);
      const qp = await vscode.window.showQuickPick(
        CHART_FIELDS.map((f) => ({ label: f, picked: current.has(f) })),
        { title: vscode.l10n.t('Charts (at most {0})', FACET_MAX_FIELDS), canPickMany: true, placeHolder: vscode.l10n.t('PatSnap counts these fields over the whole result set (P003): one more call per run') },
      );
      if (!qp) return undefined;
      if (qp.length > FACET_MAX_FIELDS) {
        void showWarning(vscode.l10n.t('Choose at most {0} charts: PatSnap counts at most {0} fields at once.', FACET_MAX_FIELDS));
        return undefined;
      }
      return withCharts(options, qp.map((i) => i.label));
    }
  }
}

async function store(cell: vscode.NotebookCell, options: QueryOptions): Promise<void> {
  const query = queryCellOf({ value: cell.document.getText(), metadata: cell.metadata });
  const edit = new vscode.WorkspaceEdit();
  edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, cellMetadata(cell.metadata, { options, runs: query.runs }))]);
  await vscode.workspace.applyEdit(edit);
}
