/** Edits of a string as an editor reports them, for the incremental-scan tests. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPatentNumbers, type FindOptions, type PatentNumberMatch } from '../../../../src/core/numbers';
import { type EditSpan, type LineText, rescanEdit } from '../../../../src/core/numbers/incremental';

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

const plain = (ms: readonly PatentNumberMatch[]) => ms.map((m) => ({ ...m }));

/** The property: after any edit of any text made of `pieces`, rescanEdit gives what one scan of the new text gives. */
export function assertRescanMatchesFullScan(pieces: readonly string[], options?: FindOptions, numRuns = 3000): void {
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), fc.array(fc.constantFrom(...pieces, 'x', '1', '\n', ''), { maxLength: 3 }), (before, a, b, ins) => {
      const start = before.length === 0 ? 0 : a % (before.length + 1);
      const end = start + (before.length === 0 ? 0 : b % (before.length - start + 1));
      const { text: after, edit } = applyEdit(before, start, end, ins.join(''));
      const result = rescanEdit(findPatentNumbers(before, options), edit, linesOf(after), options) ?? findPatentNumbers(after, options);
      assert.deepEqual(plain(result), plain(findPatentNumbers(after, options)), JSON.stringify({ before, start, end, ins: ins.join('') }));
    }),
    { numRuns },
  );
}
