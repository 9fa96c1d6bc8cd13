/** Edits of a string as an editor reports them, for the incremental-scan tests. */
import type { EditSpan, LineText } from '../../../../src/core/numbers/incremental';

/** A string as an editor holds it: by lines (LF). */
export function linesOf(text: string): LineText {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    lineCount: starts.length,
    offsetOfLine: (line) => (line >= starts.length ? text.length : (starts[line] as number)),
    slice: (a, b) => text.slice(a, b),
  };
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Replaces text[start, end) with `inserted`: the new text and the edit as an editor reports it. */
export function applyEdit(text: string, start: number, end: number, inserted: string): { text: string; edit: EditSpan } {
  const after = text.slice(0, start) + inserted + text.slice(end);
  const newEnd = start + inserted.length;
  return { text: after, edit: { start, startLine: lineOf(text, start), oldEnd: end, oldEndLine: lineOf(text, end), newEnd, newEndLine: lineOf(after, newEnd) } };
}
