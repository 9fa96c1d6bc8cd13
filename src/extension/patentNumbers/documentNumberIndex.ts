import * as vscode from 'vscode';
import { findPatentNumbers, type FindOptions, type PatentNumberMatch } from '../../core/numbers';
import { type EditSpan, type LineText, rescanEdit } from '../../core/numbers/incremental';
import { firstIndexNotBefore, itemAt } from '../../core/text/sortedSearch';
import { Disposable } from '../common/disposable';
import type { PatentNumberSettings } from './patentNumberSettings';

/** Beyond this VS Code itself turns most features off; scanning would only cost memory. */
const MAX_DOCUMENT_LENGTH = 10_000_000;

interface Entry {
  version: number;
  /** Every match, numbers impossible for their office (flagged with their `problem`) included. */
  matches: PatentNumberMatch[];
  /** The possible ones, filtered once per version when first asked for. */
  valid?: PatentNumberMatch[];
}

/**
 * The patent numbers of each open document, shared by hovers, links, prefetching, the tree and
 * the citation checks (one scan for all of them). A document is scanned whole once; after that
 * each edit rescans only the lines near it, and the matches after it move with the text (their
 * objects are updated in place: a match held from before an edit gives its position in the new
 * text). The scan also flags numbers impossible for their office, for the citation checks; the
 * other features see only the possible ones.
 */
export class DocumentNumberIndex extends Disposable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: PatentNumberSettings) {
    super();
    // Registered first of the feature's listeners, so the others see the matches of the new text.
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.update(e)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())));
    this.register(settings.onDidChange(() => this.entries.clear()));
  }

  /** The numbers written in the document, in order; impossible ones left out. */
  matches(document: vscode.TextDocument): PatentNumberMatch[] {
    const entry = this.entry(document);
    entry.valid ??= entry.matches.some((m) => m.problem) ? entry.matches.filter((m) => !m.problem) : entry.matches;
    return entry.valid;
  }

  /** Every number written in the document, in order, impossible ones included with their `problem`: the citations. */
  citations(document: vscode.TextDocument): readonly PatentNumberMatch[] {
    return this.entry(document).matches;
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry?.version === document.version) return entry;
    const matches = tooLong(document) ? [] : findPatentNumbers(document.getText(), this.scanOptions());
    const fresh: Entry = { version: document.version, matches };
    this.entries.set(key, fresh);
    return fresh;
  }

  private scanOptions(): FindOptions {
    return { offices: this.settings.offices, flagImpossible: true };
  }

  /** The number written at `position` (its first to its last character, inclusive of the end). */
  matchAt(document: vscode.TextDocument, position: vscode.Position): PatentNumberMatch | undefined {
    const m = this.citationAt(document, position);
    return m && !m.problem ? m : undefined;
  }

  /** The citation at `position`, an impossible number included. */
  citationAt(document: vscode.TextDocument, position: vscode.Position): PatentNumberMatch | undefined {
    const matches = this.citations(document);
    const offset = document.offsetAt(position);
    // Matches are in order and never overlap.
    return itemAt(matches, (m) => (offset < m.index ? -1 : offset > m.index + m.length ? 1 : 0));
  }

  /** Matches on lines `startLine..endLine` (0-based, inclusive), found by binary search. */
  inLines(document: vscode.TextDocument, startLine: number, endLine: number): PatentNumberMatch[] {
    const matches = this.citations(document);
    const first = firstIndexNotBefore(matches, (m) => m.line - 1 < startLine);
    const out: PatentNumberMatch[] = [];
    for (let i = first; i < matches.length && (matches[i] as PatentNumberMatch).line - 1 <= endLine; i++) {
      const m = matches[i] as PatentNumberMatch;
      if (!m.problem) out.push(m);
    }
    return out;
  }

  /** Keeps a scanned document's matches up to date with an edit, rescanning only near it. */
  private update(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry || entry.version >= e.document.version || e.contentChanges.length === 0) return;
    const span = tooLong(e.document) ? undefined : editSpan(e);
    const matches = span && rescanEdit(entry.matches, span, lineText(e.document), this.scanOptions());
    if (!matches) {
      this.entries.delete(key); // scanned whole (or found too long) when next asked
      return;
    }
    this.entries.set(key, { version: e.document.version, matches });
  }
}

/**
 * The changes of one event as one span. VS Code gives them against the text before the event,
 * last first; anything else (overlapping or out of order) is left to a whole rescan.
 */
function editSpan(e: vscode.TextDocumentChangeEvent): EditSpan | undefined {
  const changes = e.contentChanges;
  let delta = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as vscode.TextDocumentContentChangeEvent;
    const next = changes[i + 1];
    if (next && next.rangeOffset + next.rangeLength > c.rangeOffset) return undefined;
    delta += c.text.length - c.rangeLength;
  }
  const first = changes[changes.length - 1] as vscode.TextDocumentContentChangeEvent;
  const last = changes[0] as vscode.TextDocumentContentChangeEvent;
  const oldEnd = last.rangeOffset + last.rangeLength;
  const newEnd = oldEnd + delta;
  return {
    start: first.rangeOffset,
    startLine: first.range.start.line,
    oldEnd,
    oldEndLine: last.range.end.line,
    newEnd,
    newEndLine: e.document.positionAt(newEnd).line,
  };
}

function tooLong(document: vscode.TextDocument): boolean {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > MAX_DOCUMENT_LENGTH;
}

/** The document by lines, without joining its whole text. */
function lineText(document: vscode.TextDocument): LineText {
  const lineCount = document.lineCount;
  const end = document.lineAt(lineCount - 1).rangeIncludingLineBreak.end;
  return {
    lineCount,
    offsetOfLine: (line) => document.offsetAt(line >= lineCount ? end : new vscode.Position(line, 0)),
    slice: (start, stop) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(stop))),
  };
}

export function rangeOf(document: vscode.TextDocument, m: Pick<PatentNumberMatch, 'index' | 'length'>): vscode.Range {
  return new vscode.Range(document.positionAt(m.index), document.positionAt(m.index + m.length));
}
