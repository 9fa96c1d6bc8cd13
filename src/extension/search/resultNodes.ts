import * as vscode from 'vscode';
import type { SearchHit } from '../../core/api/types';
import { errorActionCommand } from '../common/errorActions.pure';
import type { LoadMoreRow, MessageRow, PatentRowText, ResultRow, RowStyle, RowText } from './resultsModel.pure';
import { patentRowText, patentTooltip } from './resultsModel.pure';

/** One class per kind of row in the results tree; ids are stable across refreshes. */
export abstract class ResultNode {
  abstract readonly id: string;
  abstract toTreeItem(): vscode.TreeItem;
}

export class PatentNode extends ResultNode {
  readonly id: string;
  private readonly text: PatentRowText;

  constructor(
    readonly hit: SearchHit,
    style: RowStyle,
  ) {
    super();
    // The id names the style too: the workbench keeps whether a row is collapsed under its id, and a
    // row first drawn compact (nothing to expand, so "collapsed") would hide its details when made detailed.
    this.id = style === 'detailed' ? `patent/${hit.patentId}/detailed` : `patent/${hit.patentId}`;
    this.text = patentRowText(hit, style);
  }

  /** Detailed rows: the date and assignee row beneath. */
  children(): ResultNode[] {
    return this.text.details ? [new PatentDetailsNode(this.hit, this.id, this.text.details)] : [];
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text.label, this.text.details ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.text.description;
    // Plain text, not Markdown: API strings are data.
    item.tooltip = patentTooltip(this.hit);
    item.iconPath = new vscode.ThemeIcon('law');
    item.contextValue = 'patent';
    item.accessibilityInformation = { label: this.text.accessibilityLabel };
    item.command = openPatent(this.hit);
    return item;
  }
}

/** The second row of a detailed result: publication date and assignee. It opens the patent too. */
class PatentDetailsNode extends ResultNode {
  readonly id: string;

  constructor(
    readonly hit: SearchHit,
    parentId: string,
    private readonly text: RowText,
  ) {
    super();
    this.id = `${parentId}/details`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.text.description;
    item.tooltip = patentTooltip(this.hit);
    item.contextValue = 'patentDetails';
    item.accessibilityInformation = { label: this.text.accessibilityLabel };
    item.command = openPatent(this.hit);
    return item;
  }
}

function openPatent(hit: SearchHit): vscode.Command {
  return { command: 'patentLookup.openPatent', title: vscode.l10n.t('Open Patent'), arguments: [{ number: hit.pn, patentId: hit.patentId }] };
}

class LoadMoreNode extends ResultNode {
  readonly id: string;

  constructor(private readonly row: LoadMoreRow) {
    super();
    this.id = row.id;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.row.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.row.description;
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = 'loadMore';
    // The row's own page: a click on a row that a later page replaced, before the tree redrew, loads nothing more.
    item.command = { command: 'patentLookup.results.loadMore', title: this.row.label, arguments: [{ after: this.row.after }] };
    return item;
  }
}

/** Empty and error states, as a row with the action that helps. */
class MessageNode extends ResultNode {
  readonly id: string;

  constructor(
    readonly row: MessageRow,
    private readonly query: string | undefined,
  ) {
    super();
    this.id = row.id;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.row.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.row.action ? `${this.row.text}\n${this.row.action.title}` : this.row.text;
    item.iconPath = new vscode.ThemeIcon(this.row.severity === 'error' ? 'error' : 'info', this.row.severity === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    item.contextValue = `message.${this.row.severity}`;
    const command = this.command();
    if (command) {
      item.command = command;
      item.description = this.row.action?.title;
    }
    return item;
  }

  private command(): vscode.Command | undefined {
    const action = this.row.action;
    if (!action) return undefined;
    if (action.kind === 'editSearch') return { command: 'patentLookup.search', title: action.title, arguments: [{ edit: this.query ?? '' }] };
    if (action.kind === 'collapse') return { command: 'patentLookup.results.collapse', title: action.title };
    if (action.kind === 'searchAgain') return { command: 'patentLookup.results.refresh', title: action.title };
    // Retrying a failed search is refreshing the results.
    const command = errorActionCommand(action.kind, { setting: this.row.setting, retry: { command: 'patentLookup.results.refresh' } });
    return command && { ...command, title: action.title };
  }
}

export function toNode(row: ResultRow, query: string | undefined, style: RowStyle): ResultNode {
  switch (row.kind) {
    case 'patent':
      return new PatentNode(row.hit, style);
    case 'loadMore':
      return new LoadMoreNode(row);
    case 'message':
      return new MessageNode(row, query);
  }
}
