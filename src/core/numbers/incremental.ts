// After an edit, rescan only the lines near it. A number spans at most one line break (the
// scanner refuses more), so an edit can change only the numbers that start from the line
// before it to the line after it; everything further away keeps its match, shifted. The
// result is what one scan of the whole new text gives (a property test holds it to that).
import { findPatentNumbersIn } from './index';
import type { FindOptions, PatentNumberMatch } from './types';

/** The document after the edit, by lines: what an editor gives without joining its whole text. */
export interface LineText {
  lineCount: number;
  /** Offset of the start of `line` (0-based); `lineCount` gives the text's length. */
  offsetOfLine(line: number): number;
  /** The text in [start, end). */
  slice(start: number, end: number): string;
}

/** One edit, as one span: offsets and lines (0-based) of the replaced text before the edit, and its end after. */
export interface EditSpan {
  /** Where the edit starts (the same before and after). */
  start: number;
  startLine: number;
  /** End of the replaced text, before the edit. */
  oldEnd: number;
  oldEndLine: number;
  /** End of the inserted text, after the edit. */
  newEnd: number;
  newEndLine: number;
}

/** First index in `matches` whose match starts at or after `offset`. */
function firstFrom(matches: readonly PatentNumberMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as PatentNumberMatch).index < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matches of the text after `edit`, updated in place from `matches` (those of the text before
 * it): the same array, the matches near the edit replaced, those after it shifted (index and line;
 * their columns do not change). Undefined, with `matches` untouched, when a rescan of the whole
 * text is simpler (a new number runs into the next one kept).
 */
export function rescanEdit(matches: PatentNumberMatch[], edit: EditSpan, doc: LineText, options?: FindOptions): PatentNumberMatch[] | undefined {
  const delta = edit.newEnd - edit.oldEnd;
  const lineDelta = edit.newEndLine - edit.oldEndLine;
  // Lines whose numbers may change: from the one before the edit to the one after it.
  const firstLine = Math.max(0, edit.startLine - 1);
  const lastLine = Math.min(doc.lineCount - 1, edit.newEndLine + 1);
  const windowStart = doc.offsetOfLine(firstLine);
  // `to` (after the edit) is the start of the line after lastLine; before the edit it was `to - delta`.
  let to = doc.offsetOfLine(Math.min(doc.lineCount, lastLine + 1));
  const toBefore = to - delta;

  // Kept before: matches that start before the window. One may end inside it; scanning resumes after it, as a full scan would.
  const keepBefore = firstFrom(matches, windowStart);
  const lastBefore = matches[keepBefore - 1];
  const from = Math.max(windowStart, lastBefore ? lastBefore.index + lastBefore.length : 0);
  // Replaced: matches that start in [windowStart, toBefore) before the edit. Where the last ran on past
  // `toBefore`, the old scan never looked at what it covered: the new one must.
  const keepAfter = firstFrom(matches, toBefore);
  const lastReplaced = keepAfter > keepBefore ? matches[keepAfter - 1] : undefined;
  if (lastReplaced) to = Math.max(to, lastReplaced.index + lastReplaced.length + delta);

  // The window's text, two lines past `to`: room for the readers' lookahead and a wrapped label.
  const toLine = to >= doc.offsetOfLine(doc.lineCount) ? doc.lineCount : lineAt(doc, to, lastLine);
  const textEnd = doc.offsetOfLine(Math.min(doc.lineCount, toLine + 2));
  const window = doc.slice(windowStart, textEnd);
  const found = findPatentNumbersIn(window, from - windowStart, to - windowStart, options);
  for (const m of found) {
    m.index += windowStart;
    m.line += firstLine;
  }
  const lastNew = found[found.length - 1];
  const next = matches[keepAfter];
  // A new number running into the next kept one: the chain of the scan changes past the window.
  if (lastNew && next && lastNew.index + lastNew.length > next.index + delta) return undefined;
  if (lastNew && lastNew.index + lastNew.length > textEnd) return undefined;

  if (delta !== 0 || lineDelta !== 0) shift(matches, keepAfter, delta, lineDelta);
  if (found.length === keepAfter - keepBefore && found.every((m, i) => sameMatch(m, matches[keepBefore + i] as PatentNumberMatch, delta))) {
    // Typing inside a word: nothing changed but positions. Keep the objects (and the array) as they are.
    for (let i = 0; i < found.length; i++) {
      const old = matches[keepBefore + i] as PatentNumberMatch;
      old.index = (found[i] as PatentNumberMatch).index;
      old.line = (found[i] as PatentNumberMatch).line;
      old.column = (found[i] as PatentNumberMatch).column;
    }
    return matches;
  }
  // In place: a copy of 100,000 matches per keystroke is most of the cost and all of the garbage.
  matches.splice(keepBefore, keepAfter - keepBefore, ...found);
  return matches;
}

/**
 * Moves the matches from `from` on by the edit. The one loop over the whole document (up to
 * 100,000 matches a keystroke) is a function of its own: optimised once, it stays so when
 * rescanEdit meets a branch its optimised code has not seen and falls back to the interpreter,
 * where this loop cost 3-8 ms on a keystroke now and then (test/bench/incremental.bench.ts).
 */
function shift(matches: PatentNumberMatch[], from: number, delta: number, lineDelta: number): void {
  for (let i = from; i < matches.length; i++) {
    const m = matches[i] as PatentNumberMatch;
    m.index += delta;
    m.line += lineDelta;
  }
}

/** Whether `m` (new) is old `o`, moved by at most the edit. */
function sameMatch(m: PatentNumberMatch, o: PatentNumberMatch, _delta: number): boolean {
  return m.text === o.text && m.number === o.number && m.type === o.type && m.kind === o.kind && m.problem === o.problem;
}

/** The line (0-based) that holds `offset`, searched from `hint` on. */
function lineAt(doc: LineText, offset: number, hint: number): number {
  let line = hint;
  while (line + 1 < doc.lineCount && doc.offsetOfLine(line + 1) <= offset) line++;
  return line;
}
