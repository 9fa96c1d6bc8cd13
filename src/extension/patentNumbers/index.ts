/**
 * Patent numbers in any document: hover cards, links, prefetching of the numbers on
 * screen, and the "Patents in Document" view. One entry point for the composition root.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { PatentNumberFeatureDeps } from './deps';
import { DocumentNumberIndex } from './documentNumberIndex';
import { DocumentPatentsView, type DocumentPatentsSnapshot } from './documentPatentsView';
import { PatentHoverProvider } from './patentHoverProvider';
import { PatentLinkProvider } from './patentLinkProvider';
import { PatentNumberSettings } from './patentNumberSettings';
import { VisibleNumberPrefetcher } from './visibleNumberPrefetcher';

export type { PatentNumberFeatureDeps } from './deps';
export type { DocumentPatentsSnapshot } from './documentPatentsView';

/** Every document, whatever its scheme (files, untitled, remote, notebooks' cells). */
const ALL_DOCUMENTS: vscode.DocumentSelector = { scheme: '*' };

/** The commands this feature handles, for the composition root's command map. */
export type PatentNumberCommandId = 'patentLookup.findInDocument' | 'patentLookup.documentPatents.refresh';

export class PatentNumberFeatures extends Disposable {
  readonly commands: Record<PatentNumberCommandId, () => Promise<void>>;
  /** The one scan of each open document's numbers, which the citation checks share. */
  readonly index: DocumentNumberIndex;
  readonly settings: PatentNumberSettings;
  private readonly view: DocumentPatentsView;

  constructor(deps: PatentNumberFeatureDeps) {
    super();
    const settings = (this.settings = this.register(new PatentNumberSettings()));
    const index = (this.index = this.register(new DocumentNumberIndex(settings)));
    this.register(vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new PatentHoverProvider(index, settings, deps)));
    this.registerLinks(index, settings);
    this.register(new VisibleNumberPrefetcher(index, settings, deps));
    this.view = this.register(new DocumentPatentsView(index, settings, deps));
    this.commands = {
      'patentLookup.findInDocument': () => this.view.findInDocument(),
      'patentLookup.documentPatents.refresh': () => this.view.refresh(),
    };
  }

  /** What the "Patents in Document" view shows (for the in-host tests). */
  documentPatents(): DocumentPatentsSnapshot {
    return this.view.snapshot();
  }

  /** Links are asked for once per document version: re-registering makes VS Code ask again after a setting change. */
  private registerLinks(index: DocumentNumberIndex, settings: PatentNumberSettings): void {
    const provider = new PatentLinkProvider(index, settings);
    let registration = vscode.languages.registerDocumentLinkProvider(ALL_DOCUMENTS, provider);
    this.register({ dispose: () => registration.dispose() });
    this.register(
      settings.onDidChange(() => {
        registration.dispose();
        registration = vscode.languages.registerDocumentLinkProvider(ALL_DOCUMENTS, provider);
      }),
    );
  }
}
