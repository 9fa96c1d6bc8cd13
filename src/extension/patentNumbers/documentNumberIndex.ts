import * as vscode from 'vscode';
import { findPatentNumbers, type PatentNumberMatch } from '../../core/numbers';
import { Disposable } from '../common/disposable';
import type { PatentNumberSettings } from './patentNumberSettings';

/** Beyond this VS Code itself turns most features off; scanning would only cost memory. */
const MAX_DOCUMENT_LENGTH = 10_000_000;

interface Entry {
  version: number;
  matches: PatentNumberMatch[];
}

/**
 * The patent numbers of each open document, found once per document version and shared
 * by hovers, links, prefetching and the tree (a hover does not rescan the document).
 */
export class DocumentNumberIndex extends Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: PatentNumberSettings) {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())));
    this.register(settings.onDidChange(() => this.entries.clear()));
  }

  matches(document: vscode.TextDocument): PatentNumberMatch[] {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry?.version === document.version) return entry.matches;
    const text = document.getText();
    const matches = text.length > MAX_DOCUMENT_LENGTH ? [] : findPatentNumbers(text, { offices: this.settings.offices });
    this.entries.set(key, { version: document.version, matches });
    return matches;
  }

  /** The number written at `position` (its first to its last character, inclusive of the end). */
  matchAt(document: vscode.TextDocument, position: vscode.Position): PatentNumberMatch | undefined {
    const matches = this.matches(document);
    const offset = document.offsetAt(position);
    // Binary search: matches are in order and never overlap.
    let lo = 0;
    let hi = matches.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = matches[mid] as PatentNumberMatch;
      if (offset < m.index) hi = mid - 1;
      else if (offset > m.index + m.length) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  /** Matches on lines `startLine..endLine` (0-based, inclusive). */
  inLines(document: vscode.TextDocument, startLine: number, endLine: number): PatentNumberMatch[] {
    return this.matches(document).filter((m) => m.line - 1 >= startLine && m.line - 1 <= endLine);
  }
}

export function rangeOf(document: vscode.TextDocument, m: PatentNumberMatch): vscode.Range {
  return new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m.length));
}
