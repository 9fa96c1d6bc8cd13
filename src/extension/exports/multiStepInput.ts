/**
 * A quick-input flow of several steps with a Back button. Each step is a
 * function that shows one quick pick or input box and returns the next step;
 * Back re-runs the previous step, which reads its earlier answer from the
 * caller's state, so nothing typed is lost.
 */
import * as vscode from 'vscode';
import { withAside } from '../../core/text/punctuation';

export type InputStep = (input: MultiStepInput) => Promise<InputStep | undefined>;

/** Thrown through a step when the user presses Back or leaves the flow. */
class FlowSignal {
  private constructor(readonly name: 'back' | 'cancel') {}
  static readonly back = new FlowSignal('back');
  static readonly cancel = new FlowSignal('cancel');
}

export interface PickOptions<T extends vscode.QuickPickItem> {
  placeholder?: string;
  items: readonly T[];
  active?: T;
  /** Extra text after the step counter, e.g. a problem with the current picks. */
  titleSuffix?: string;
  matchOnDescription?: boolean;
  /** Called as the user types; returns new items (e.g. the typed text as the first item). */
  onValue?: (value: string) => readonly T[];
}

export interface PickManyOptions<T extends vscode.QuickPickItem> {
  placeholder?: string;
  items: readonly T[];
  selected: readonly T[];
  /** Rewrites a selection (e.g. a preset ticked means its fields). */
  normalise?: (selected: readonly T[]) => readonly T[];
  /** A problem with the selection: shown in the title, and accepting is refused. */
  validate: (selected: readonly T[]) => string | undefined;
}

export interface InputOptions {
  prompt: string;
  value: string;
  placeholder?: string;
  validate: (value: string) => string | undefined;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly history: InputStep[] = [];

  private constructor(
    private readonly title: string,
    private readonly totalSteps: () => number,
  ) {}

  /** Runs the flow from `start`; true when the last step returned, false when the user left. */
  static async run(title: string, start: InputStep, totalSteps: () => number): Promise<boolean> {
    return new MultiStepInput(title, totalSteps).stepThrough(start);
  }

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | undefined = start;
    try {
      while (step) {
        this.history.push(step);
        try {
          step = await step(this);
        } catch (e) {
          if (e === FlowSignal.back) {
            this.history.pop(); // the step that was showing
            step = this.history.pop(); // shown again, and pushed again at the top of the loop
          } else if (e === FlowSignal.cancel) {
            return false;
          } else {
            throw e;
          }
        }
      }
      return true;
    } finally {
      this.current?.dispose();
    }
  }

  /**
   * Runs a nested input inside the current step (a setting of a settings list):
   * Back there returns to the step itself, as undefined, instead of leaving it.
   */
  async nested<T>(show: () => Promise<T>): Promise<T | undefined> {
    try {
      return await show();
    } catch (e) {
      if (e === FlowSignal.back) return undefined;
      throw e;
    }
  }

  private get stepNumber(): number {
    return this.history.length;
  }

  private stepTitle(suffix?: string): string {
    const title = withAside(vscode.l10n, this.title, `${this.stepNumber}/${Math.max(this.stepNumber, this.totalSteps())}`);
    return suffix ? `${title}: ${suffix}` : title;
  }

  /** Replaces the visible input with `input` without a flicker of an empty quick input. */
  private show(input: vscode.QuickInput): void {
    input.title ??= this.stepTitle();
    const previous = this.current;
    this.current = input;
    input.show();
    previous?.dispose();
  }

  private backButtons(): vscode.QuickInputButton[] {
    return this.history.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  async pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const qp = vscode.window.createQuickPick<T>();
        qp.title = this.stepTitle(options.titleSuffix);
        qp.placeholder = options.placeholder;
        qp.items = options.items;
        qp.matchOnDescription = options.matchOnDescription ?? false;
        if (options.active) qp.activeItems = [options.active];
        qp.buttons = this.backButtons();
        qp.ignoreFocusOut = true;
        disposables.push(
          qp.onDidTriggerButton((b) => reject(b === vscode.QuickInputButtons.Back ? FlowSignal.back : FlowSignal.cancel)),
          qp.onDidAccept(() => {
            const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
            if (chosen) resolve(chosen);
          }),
          qp.onDidHide(() => reject(FlowSignal.cancel)),
        );
        if (options.onValue) {
          const onValue = options.onValue;
          disposables.push(qp.onDidChangeValue((v) => (qp.items = onValue(v))));
        }
        this.show(qp);
      });
    } finally {
      disposables.forEach((d) => d.dispose());
    }
  }

  async pickMany<T extends vscode.QuickPickItem>(options: PickManyOptions<T>): Promise<readonly T[]> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<readonly T[]>((resolve, reject) => {
        const qp = vscode.window.createQuickPick<T>();
        qp.canSelectMany = true;
        qp.placeholder = options.placeholder;
        qp.items = options.items;
        qp.selectedItems = options.selected;
        qp.buttons = this.backButtons();
        qp.ignoreFocusOut = true;
        const check = (): string | undefined => {
          const problem = options.validate(qp.selectedItems);
          qp.title = this.stepTitle(problem ? `⚠ ${problem}` : undefined);
          return problem;
        };
        let normalising = false;
        disposables.push(
          qp.onDidChangeSelection((selected) => {
            if (options.normalise && !normalising) {
              const next = options.normalise(selected);
              if (next !== selected) {
                normalising = true;
                qp.selectedItems = next;
                normalising = false;
              }
            }
            check();
          }),
          qp.onDidTriggerButton((b) => reject(b === vscode.QuickInputButtons.Back ? FlowSignal.back : FlowSignal.cancel)),
          qp.onDidAccept(() => {
            if (!check()) resolve(qp.selectedItems);
          }),
          qp.onDidHide(() => reject(FlowSignal.cancel)),
        );
        check();
        this.show(qp);
      });
    } finally {
      disposables.forEach((d) => d.dispose());
    }
  }

  async input(options: InputOptions): Promise<string> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const box = vscode.window.createInputBox();
        box.title = this.stepTitle();
        box.prompt = options.prompt;
        box.placeholder = options.placeholder;
        box.value = options.value;
        box.valueSelection = [0, options.value.length];
        box.buttons = this.backButtons();
        box.ignoreFocusOut = true;
        box.validationMessage = options.value ? options.validate(options.value) : undefined;
        disposables.push(
          box.onDidChangeValue((v) => (box.validationMessage = options.validate(v))),
          box.onDidTriggerButton((b) => reject(b === vscode.QuickInputButtons.Back ? FlowSignal.back : FlowSignal.cancel)),
          box.onDidAccept(() => {
            const problem = options.validate(box.value);
            box.validationMessage = problem;
            if (!problem) resolve(box.value);
          }),
          box.onDidHide(() => reject(FlowSignal.cancel)),
        );
        this.show(box);
      });
    } finally {
      disposables.forEach((d) => d.dispose());
    }
  }
}
