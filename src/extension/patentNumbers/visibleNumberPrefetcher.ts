import * as vscode from 'vscode';
import { errorDetail, isCancellation } from '../common/errorMessages.pure';
import { Disposable } from '../common/disposable';
import type { PatentNumberFeatureDeps } from './deps';
import type { DocumentNumberIndex } from './documentNumberIndex';
import { numbersToLookUp } from './documentPatentsModel.pure';
import type { PatentNumberSettings } from './patentNumberSettings';

const DEBOUNCE_MS = 250;
/** Lines above and below the visible ones, so a short scroll finds its cards ready. */
const MARGIN_LINES = 20;

/**
 * Looks up together the numbers on screen (scrolling, switching editors, typing), so a
 * hover finds its card cached. Each number is asked for once per client; a failure is
 * not retried from here (the hover itself asks again).
 */
export class VisibleNumberPrefetcher extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly asked = new Set<string>();

  constructor(
    private readonly index: DocumentNumberIndex,
    private readonly settings: PatentNumberSettings,
    private readonly deps: PatentNumberFeatureDeps,
  ) {
    super();
    const schedule = (): void => this.schedule();
    this.register(vscode.window.onDidChangeTextEditorVisibleRanges(schedule));
    this.register(vscode.window.onDidChangeVisibleTextEditors(schedule));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) schedule();
    }));
    this.register(settings.onDidChange(schedule));
    if (deps.onDidChangeLookups) {
      this.register(
        deps.onDidChangeLookups(() => {
          this.asked.clear(); // the cache was dropped with the old client
          schedule();
        }),
      );
    }
    this.register({ dispose: () => clearTimeout(this.timer) });
    schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.prefetch(), DEBOUNCE_MS);
  }

  private async prefetch(): Promise<void> {
    if (this.isDisposed || !this.settings.hoverEnabled || !this.settings.lookupsEnabled || !this.deps.canLookUp()) return;
    const numbers = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme === 'output') continue; // our own log, among others
      for (const range of editor.visibleRanges) {
        const matches = this.index.inLines(editor.document, Math.max(0, range.start.line - MARGIN_LINES), range.end.line + MARGIN_LINES);
        for (const n of numbersToLookUp(matches)) {
          if (!this.asked.has(n) && this.deps.lookups.peek(n) === undefined) numbers.add(n);
        }
      }
    }
    if (numbers.size === 0) return;
    for (const n of numbers) this.asked.add(n);
    try {
      await this.deps.lookups.lookup([...numbers]);
    } catch (e) {
      if (!isCancellation(e)) this.deps.log.debug(`Prefetch of ${numbers.size} number(s) failed: ${errorDetail(e)}`);
    }
  }
}
