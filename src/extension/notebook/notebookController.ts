import * as vscode from 'vscode';
import { fetchRun, isRunProblemError, planRun, recordRun, type QueryCell, type RunInput } from '../../core/notebook';
import type { QueryBackend } from '../../core/query';
import type { SearchRunView } from '../../webview/notebook/protocol';
import { abortSignalOf } from '../common/cancellation';
import { Disposable } from '../common/disposable';
import { ERROR_ACTIONS } from '../common/errorActions.pure';
import { describeError, isCancellation, UserInputError } from '../common/errorMessages.pure';
import type { FeatureHost } from '../common/feature';
import { askModal } from '../common/notifications';
import { cellMetadata, NOTEBOOK_TYPE, QUERY_LANGUAGE, queryCellOf } from './notebookData.pure';
import { runOutput } from './notebookSerializer';
import { RunCache, runCacheKey } from './runCache.pure';
import { errorView, runningView, runView, type ViewContext } from './searchRunView.pure';

/** A run fetched in this session: shown again for the same query and options without a call. */
interface CachedRun {
  readonly input: RunInput;
  /** When it was fetched, epoch ms: the date of the run it records. */
  readonly at: number;
}

export const CONTROLLER_ID = 'patentLookup.searchNotebook';
/** How long selecting this kernel may take before the user is asked to pick it. */
const SELECT_KERNEL_MS = 10_000;

export interface RunOptions {
  /** Past the session's cache: ask PatSnap again. */
  readonly fresh?: boolean;
  /** Without asking first, even for several cells (the caller asked). */
  readonly confirmed?: boolean;
}

/**
 * Runs query cells at PatSnap. Before anything is sent each cell is checked (the query's
 * errors, every limit of the contract): a cell that cannot be sent says why and sends
 * nothing. Running several cells first says how many calls they will make (PatSnap
 * bills each). A run shows the count as soon as P001 answers, then the results, marked
 * against the cell's previous run, and is stored in the cell (the notebook is then
 * unsaved). The same query and options run again in this session come from the cache:
 * no call, nothing new recorded ("Run Again at PatSnap" goes past it).
 */
export class SearchNotebookController extends Disposable {
  readonly controller: vscode.NotebookController;
  private readonly cache = new RunCache<CachedRun>(200);
  private order = 0;
  /**
   * Asks before several queries run (PatSnap bills each call): true to go on. A modal
   * dialog; the in-host tests put their own answer here.
   */
  ask: (message: string, detail: string) => Promise<boolean> = async (message, detail) => {
    const run = vscode.l10n.t('Run');
    return (await askModal(message, detail, run)) === run;
  };
  /** Notebooks this controller is the selected kernel of: only those can it run cells of. */
  private readonly selected = new Set<string>();

  constructor(private readonly host: FeatureHost) {
    super();
    this.controller = this.register(vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, vscode.l10n.t('PatSnap')));
    this.controller.supportedLanguages = [QUERY_LANGUAGE];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = vscode.l10n.t('Runs each query at PatSnap: hit count, top results, charts');
    this.controller.executeHandler = (cells) => this.run(cells);
    this.register(
      this.controller.onDidChangeSelectedNotebooks(({ notebook, selected }) => {
        if (selected) this.selected.add(notebook.uri.toString());
        else this.selected.delete(notebook.uri.toString());
      }),
    );
    // Answers may differ under another account or gateway.
    this.register(host.session.onDidChange(() => this.cache.clear()));
    this.register(
      vscode.workspace.onDidOpenNotebookDocument((nb) => {
        if (nb.notebookType === NOTEBOOK_TYPE) this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
      }),
    );
    for (const nb of vscode.workspace.notebookDocuments) if (nb.notebookType === NOTEBOOK_TYPE) this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
  }

  private get backend(): QueryBackend {
    return this.host.session.sandbox !== undefined ? 'sandbox' : 'patsnap';
  }

  viewContext(cell: vscode.NotebookCell | undefined): ViewContext {
    return { cell: cell?.document.uri.toString() ?? '', l10n: vscode.l10n, locale: vscode.env.language };
  }

  /** The calls running `cells` would make, without the cached ones and those that cannot be sent. */
  plan(cells: readonly vscode.NotebookCell[], fresh = false): { calls: number; queries: number; cached: number; blocked: number } {
    let calls = 0;
    let cached = 0;
    let blocked = 0;
    for (const cell of cells) {
      const plan = planRun(queryCellOf({ value: cell.document.getText(), metadata: cell.metadata }), this.backend);
      if (plan.problems.length > 0) blocked++;
      else if (!fresh && this.cache.has(runCacheKey(plan.requests))) cached++;
      else calls += plan.calls;
    }
    return { calls, queries: cells.length, cached, blocked };
  }

  /** Runs the query cells among `cells`, one after the other; resolves when all have finished. */
  async run(cells: readonly vscode.NotebookCell[], options: RunOptions = {}): Promise<void> {
    const queries = cells.filter((c) => c.kind === vscode.NotebookCellKind.Code && c.notebook.notebookType === NOTEBOOK_TYPE);
    if (queries.length === 0) return;
    for (const notebook of new Set(queries.map((c) => c.notebook))) await this.select(notebook);
    // Each shows as queued at once, and can be cancelled before its turn.
    const executions = queries.map((cell) => this.controller.createNotebookCellExecution(cell));
    if (queries.length > 1 && !options.confirmed && !(await this.confirm(queries, options.fresh === true))) {
      for (const e of executions) {
        e.start();
        e.end(undefined);
      }
      return;
    }
    for (const execution of executions) await this.runOne(execution, options.fresh === true);
  }

  /**
   * Makes this the notebook's kernel, as picking it in the kernel picker would: a run
   * started by a command or from an output (not by VS Code's run buttons) needs it.
   */
  private async select(notebook: vscode.NotebookDocument): Promise<void> {
    const key = notebook.uri.toString();
    if (this.selected.has(key)) return;
    let listener: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const selected = new Promise<void>((resolve, reject) => {
      listener = this.controller.onDidChangeSelectedNotebooks((e) => {
        if (e.notebook === notebook && e.selected) resolve();
      });
      // Should VS Code not make the change (another kernel pinned?), say what to do rather than wait.
      timer = setTimeout(() => reject(new UserInputError(vscode.l10n.t('Pick "PatSnap" as this notebook’s kernel (top right of the notebook), then run again.'))), SELECT_KERNEL_MS);
    });
    try {
      // The kernel is picked for the active notebook editor.
      if (vscode.window.activeNotebookEditor?.notebook !== notebook) await vscode.window.showNotebookDocument(notebook);
      await vscode.commands.executeCommand('notebook.selectKernel', { id: this.controller.id, extension: this.host.context.extension.id });
      if (!this.selected.has(key)) await selected;
    } finally {
      listener?.dispose();
      clearTimeout(timer);
    }
  }

  private async confirm(cells: readonly vscode.NotebookCell[], fresh: boolean): Promise<boolean> {
    const { calls, queries, cached, blocked } = this.plan(cells, fresh);
    if (calls === 0) return true;
    const notes = [vscode.l10n.t('PatSnap bills each call.')];
    if (cached > 0) notes.push(vscode.l10n.t('{0} of the queries come from this session\u2019s cache, at no cost.', cached));
    if (blocked > 0) notes.push(vscode.l10n.t('{0} of the queries cannot be sent as written and will say why.', blocked));
    const question = calls === 1 ? vscode.l10n.t('Run {0} queries? This makes up to 1 call to PatSnap.', queries) : vscode.l10n.t('Run {0} queries? This makes up to {1} calls to PatSnap.', queries, calls);
    return this.ask(question, notes.join(' '));
  }

  private async runOne(execution: vscode.NotebookCellExecution, fresh: boolean): Promise<void> {
    const cell = execution.cell;
    execution.executionOrder = ++this.order;
    execution.start(Date.now());
    const ctx = this.viewContext(cell);
    const query = queryCellOf({ value: cell.document.getText(), metadata: cell.metadata });
    const show = (view: SearchRunView): Thenable<void> => execution.replaceOutput(runOutput(view));
    const plan = planRun(query, this.backend, { l10n: ctx.l10n, locale: ctx.locale });
    if (plan.problems.length > 0) {
      await show(errorView(ctx, vscode.l10n.t('This query cannot be sent as it is.'), { problems: plan.problems.map((p) => p.message) }));
      execution.end(false, Date.now());
      return;
    }
    const key = runCacheKey(plan.requests);
    if (fresh) this.cache.delete(key);
    const cached = this.cache.get(key);
    const last = query.runs[query.runs.length - 1];
    if (cached && last && Date.parse(last.date) === Math.floor(cached.at / 1000) * 1000) {
      // The cell shows this very run already: say it is the cached one, record nothing.
      await show(runView(query, ctx, new Date(cached.at)) as SearchRunView);
      execution.end(true, Date.now());
      return;
    }
    const cancel = abortSignalOf(execution.token);
    try {
      let input: RunInput;
      let at: number;
      if (cached) {
        ({ input, at } = cached);
      } else {
        await show(runningView(ctx));
        const api = await this.host.session.api();
        at = Date.now();
        input = await fetchRun(api, query, { signal: cancel.signal, backend: this.backend, language: { l10n: ctx.l10n, locale: ctx.locale }, onCount: (total) => void show(runningView(ctx, total)) });
        this.cache.set(key, { input, at });
      }
      const recorded = recordRun(query, input, { now: () => at });
      await this.store(cell, recorded.cell);
      await show(runView(recorded.cell, ctx) as SearchRunView);
      execution.end(true, Date.now());
    } catch (e) {
      if (isCancellation(e) || execution.token.isCancellationRequested) {
        // Quiet: the cell shows what it showed before.
        const before = runView(query, ctx);
        await execution.replaceOutput(before ? [runOutput(before)] : []);
        execution.end(undefined);
        return;
      }
      this.host.errors.report(e, { what: vscode.l10n.t('Running a search notebook cell'), quiet: true });
      const problems = isRunProblemError(e) ? e.problems.map((p) => p.message) : [];
      const description = describeError(e, vscode.l10n.t('The run'));
      const actions = (description?.actions ?? []).map((id) => ({ id, label: vscode.l10n.t(ERROR_ACTIONS[id].label) }));
      await show(errorView(ctx, description?.message ?? String(e), { problems, actions }));
      execution.end(false, Date.now());
    } finally {
      cancel.dispose();
    }
  }

  /** Writes the cell's options and runs into its metadata: the notebook is then unsaved, as after an edit. */
  private async store(cell: vscode.NotebookCell, recorded: QueryCell): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, cellMetadata(cell.metadata, recorded))]);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The run could not be stored in the notebook (was it closed?).'));
  }
}
