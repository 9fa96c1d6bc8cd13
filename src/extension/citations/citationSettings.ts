import * as vscode from 'vscode';
import type { LintCode } from '../../core/citations';
import type { NumberStyle } from '../../core/numbers';
import { Disposable } from '../common/disposable';
import { readSeverities, readStyle, type SeveritySetting } from './citationSettings.pure';

const SECTION = 'patentLookup';

/** The citation checks' settings, read live: a change applies without reload. */
export class CitationSettings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.citations`) && this.changed.fire()));
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** Whether documents are checked as they are opened and edited (Check Citations works either way). */
  get enabled(): boolean {
    return this.config.get<boolean>('citations.enabled', true) !== false;
  }

  get severities(): Record<LintCode, SeveritySetting> {
    return readSeverities(this.config.get('citations.severity'));
  }

  /** How fixes write numbers. */
  get style(): NumberStyle {
    return readStyle(this.config.get('citations.style'));
  }
}
