import * as vscode from 'vscode';
import { SUPPORTED_OFFICES } from '../../core/numbers';
import { Disposable } from '../common/disposable';

const SECTION = 'patentLookup';
const KEYS = ['hover.enabled', 'links.enabled', 'lookups.enabled', 'numbers.offices'] as const;

/** The settings of patent numbers in documents, read live: a change applies without reload. */
export class PatentNumberSettings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when one of this feature's settings changes. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) this.changed.fire();
      }),
    );
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get hoverEnabled(): boolean {
    return this.config.get<boolean>('hover.enabled', true) !== false;
  }

  get linksEnabled(): boolean {
    return this.config.get<boolean>('links.enabled', true) !== false;
  }

  /** When false no number is ever sent to the API. */
  get lookupsEnabled(): boolean {
    return this.config.get<boolean>('lookups.enabled', true) !== false;
  }

  /** Offices whose numbers are recognised; anything that is not a list of codes means all. */
  get offices(): readonly string[] {
    const value: unknown = this.config.get('numbers.offices');
    if (!Array.isArray(value)) return SUPPORTED_OFFICES;
    return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim().toUpperCase());
  }
}
