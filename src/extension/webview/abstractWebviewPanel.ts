import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

/**
 * Base of our webview panels. The webview says `ready` once its script listens;
 * on every `ready` (a hidden webview is discarded and reloads when shown again) the
 * subclass sends its whole view again from what it holds, so nothing depends on
 * messages a dead page missed. A subclass may also send to its first page before
 * that (`sendsBeforeReady`): VS Code holds what is posted to a page still loading and
 * delivers it once the page's frame has loaded, which is after its script ran, so the
 * page can show the view without waiting for the round trip of `ready`; the page then
 * skips what the resend on `ready` repeats (src/webview/repeats.ts).
 * Every message is validated, both ways, with the protocol's own schema: a bad one
 * received is logged and dropped; one the webview would refuse is never sent (it
 * would be ignored there, leaving the page as it was, e.g. on "Loading…"), and the
 * subclass's stand-in (an error view) goes instead.
 */
export abstract class AbstractWebviewPanel<FromView extends { type: string }, ToView> extends Disposable {
  private live = false;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly postEmitter = this.register(new vscode.EventEmitter<ToView>());
  /** Each message as it goes to a listening webview (what the page shows, in order). */
  readonly onDidPost = this.postEmitter.event;
  private resolveFirstReady!: () => void;
  /** Resolves when the webview first reported it is listening. */
  readonly firstReady = new Promise<void>((resolve) => (this.resolveFirstReady = resolve));

  /** `html`: the page, undefined when it is set already (the patent panel's, patentPage.ts). */
  protected constructor(
    readonly panel: vscode.WebviewPanel,
    html: string | undefined,
    protected readonly log: vscode.LogOutputChannel,
    options: { sendsBeforeReady?: boolean } = {},
  ) {
    super();
    this.live = options.sendsBeforeReady === true;
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.live = false;
      }),
    );
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    if (html !== undefined) panel.webview.html = html;
  }

  /** What the page sent before this panel listened, in order (call at the end of the subclass's constructor). */
  protected replay(messages: readonly unknown[]): void {
    for (const m of messages) this.receive(m);
  }

  protected abstract parse(raw: unknown): { ok: true; message: FromView } | { ok: false; problem: string };
  /** The webview's own check of what it receives. */
  protected abstract check(message: ToView): { ok: true; message: ToView } | { ok: false; problem: string };
  /** What to send instead of a message the webview would refuse; undefined sends nothing. */
  protected abstract unshowable(message: ToView): ToView | undefined;
  protected abstract onMessage(message: FromView): void | Promise<void>;
  /** Sends everything the page shows; called on each `ready`. */
  protected abstract onReady(): void;

  protected post(message: ToView): void {
    if (!this.live) return;
    let checked = this.check(message);
    if (!checked.ok) {
      this.log.warn(`Not sent to the ${this.panel.viewType} webview, which would refuse it: ${checked.problem.slice(0, 500)}`);
      const instead = this.unshowable(message);
      if (!instead) return;
      checked = this.check(instead);
      if (!checked.ok) return;
    }
    void this.panel.webview.postMessage(checked.message);
    this.postEmitter.fire(checked.message);
  }

  private receive(raw: unknown): void {
    const parsed = this.parse(raw);
    if (!parsed.ok) {
      this.log.warn(`Ignored a malformed message from the ${this.panel.viewType} webview: ${parsed.problem}`);
      return;
    }
    if (parsed.message.type === 'ready') {
      this.live = true;
      this.onReady();
      this.resolveFirstReady();
      return;
    }
    void Promise.resolve(this.onMessage(parsed.message)).catch((e: unknown) => this.log.error(`Webview message ${parsed.message.type} failed: ${String(e)}`));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.live = false;
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
