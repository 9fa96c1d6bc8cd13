import * as vscode from 'vscode';

/**
 * A tree view registered at activation whose data comes from a feature loaded the
 * first time VS Code asks for the tree's rows (the view became visible). The feature
 * hands its provider over with `provide()` and owns `view` (description, message,
 * visibility) from then on.
 */
export class LazyTreeView<T> implements vscode.Disposable {
  readonly view: vscode.TreeView<T>;
  private provider: vscode.TreeDataProvider<T> | undefined;
  private providerChanges: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();

  constructor(id: string, load: () => Promise<unknown>, options: { showCollapseAll?: boolean } = {}) {
    const proxy: vscode.TreeDataProvider<T> = {
      onDidChangeTreeData: this.changed.event,
      getChildren: async (element) => {
        if (!this.provider) await load();
        return (await this.provider?.getChildren(element)) ?? [];
      },
      // Elements come from getChildren, so the provider is there by now.
      getTreeItem: (element) => (this.provider as vscode.TreeDataProvider<T>).getTreeItem(element),
      getParent: (element) => this.provider?.getParent?.(element),
    };
    this.view = vscode.window.createTreeView(id, { treeDataProvider: proxy, ...options });
  }

  /** The feature's provider answers from now on; the tree is read again. */
  provide(provider: vscode.TreeDataProvider<T>): vscode.Disposable {
    this.providerChanges?.dispose();
    this.provider = provider;
    this.providerChanges = provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
    this.changed.fire();
    return {
      dispose: () => {
        if (this.provider !== provider) return;
        this.providerChanges?.dispose();
        this.provider = undefined;
      },
    };
  }

  dispose(): void {
    this.providerChanges?.dispose();
    this.changed.dispose();
    this.view.dispose();
  }
}
